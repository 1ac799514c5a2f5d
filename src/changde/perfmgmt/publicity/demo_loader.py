"""Load the publicity module's demo data from ``publicity/demo/`` (called by
changde.perfmgmt.demo.load_demo): the plan's policies published with a demo
summary and the city's 2019 work plan in full, news and meetings, an
upcoming training with two sign-ups, a past one with materials, sign-ups,
attendance and feedback, a draft of each, a material in the training
section, and two opinions on the published key-evaluation report (one
answered). Idempotent: what exists (same id) is left alone; sign-ups and
opinions are added only to forms that have none.

A small loader of the module's own until the shared one
(``changde.perfmgmt.core.demo``) reads these files.
"""

import datetime
import html
import json
from pathlib import Path

import pytz
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile

from changde.perfmgmt.core.workdays import today_in_china
from changde.perfmgmt.evaluation.feedback import SAVER as FEEDBACK_SAVER
from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.publicity import public_feedback
from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.column import column
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.publicity.public_forms import saved_items

DEMO = Path(__file__).parent / "demo"
TIMEZONE = pytz.timezone("Asia/Shanghai")


def read(name="column.json"):
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


def _count(counts, portal_type):
    counts[portal_type] = counts.get(portal_type, 0) + 1


def _html(value):
    return RichTextValue(value, "text/html", "text/x-html-safe")


def _text_file_as_html(name):
    lines = (DEMO / name).read_text(encoding="utf-8").splitlines()
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] if line.strip())


def _publish(obj, publish=True):
    if publish and api.content.get_state(obj) != "published":
        api.content.transition(obj=obj, transition="publish")


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _at(day, time):
    hour, minute = (int(part) for part in time.split(":"))
    return TIMEZONE.localize(
        datetime.datetime(day.year, day.month, day.day, hour, minute)
    )


def _file(spec):
    data = (DEMO / spec["file"]).read_bytes()
    filename = spec.get("filename") or Path(spec["file"]).name
    return NamedBlobFile(data=data, filename=filename)


def _policies(data, counts):
    policies = section("policies")
    for id_, text in data["placeholder_text"].items():
        policy = policies.get(id_)
        if policy is not None and api.content.get_state(policy) == "draft":
            if "待补充" in (policy.text.raw if policy.text else "待补充"):
                policy.text = _html(text)
            _publish(policy, id_ in data["publish"])
    for spec in data["documents"]:
        if spec["id"] in policies:
            continue
        policy = api.content.create(
            container=policies,
            type="PolicyDocument",
            id=spec["id"],
            title=spec["title"],
            description=spec["description"],
            document_number=spec["document_number"] or None,
            issuer=spec["issuer"],
            issue_date=_date(spec["issue_date"]),
            policy_level=spec["policy_level"],
            text=_html(_text_file_as_html(spec["text_file"])),
        )
        _count(counts, "PolicyDocument")
        _publish(policy, spec["publish"])


def _news(items, counts):
    news = section("news")
    for spec in items:
        if spec["id"] in news:
            continue
        item = api.content.create(
            container=news,
            type="PublicityItem",
            id=spec["id"],
            title=spec["title"],
            description=spec.get("description", ""),
            publicity_kind=spec["publicity_kind"],
            publicity_date=_date(spec["publicity_date"]),
            audience=spec.get("audience"),
            participants=spec.get("participants"),
            place=spec.get("place"),
            text=_html(spec["text"]) if spec.get("text") else None,
        )
        _count(counts, "PublicityItem")
        _publish(item, spec["publish"])


def _experts(ids):
    library = api.portal.get().get("expert-library")
    if library is None:
        return []
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    intids = getUtility(IIntIds)
    return [RelationValue(intids.getId(library[id_])) for id_ in ids if id_ in library]


def _material(container, spec, counts):
    if spec["id"] in container:
        return
    fields = {"material_kind": spec["material_kind"]}
    if spec.get("file"):
        fields["file"] = _file(spec)
    if spec.get("link"):
        fields["link"] = spec["link"]
    material = api.content.create(
        container=container,
        type="TrainingMaterial",
        id=spec["id"],
        title=spec["title"],
        **fields,
    )
    _count(counts, "TrainingMaterial")
    _publish(material, spec.get("publish", True))


def _add_rows(form, rows):
    """Add the demo's rows to a form that has none; answer the new ids."""
    if form is None or saved_items(form, training.SAVER):
        return []
    saver = training.saver_of(form)
    stamp = datetime.datetime.now(TIMEZONE).strftime("%Y/%m/%d %H:%M:%S")
    ids = []
    for row in rows:
        values = {key: value for key, value in row.items() if key != "attended"}
        values["dt"] = stamp
        saver.addDataRow(values)
        ids.append(values["id"])
    return ids


def _trainings(items, counts):
    folder = section("training")
    today = today_in_china()
    for spec in items:
        event = folder.get(spec["id"])
        if event is None:
            day = today + datetime.timedelta(days=spec["start_in_days"])
            deadline = spec.get("signup_deadline_in_days")
            event = api.content.create(
                container=folder,
                type="TrainingEvent",
                id=spec["id"],
                title=spec["title"],
                description=spec.get("description", ""),
                start=_at(day, spec["start_time"]),
                end=_at(day, spec["end_time"]),
                location=spec.get("location"),
                lecturers=_experts(spec.get("lecturers", ())),
                other_lecturers=spec.get("other_lecturers") or None,
                audience=set(spec.get("audience", ())),
                signup_deadline=(
                    today + datetime.timedelta(days=deadline)
                    if deadline is not None
                    else None
                ),
                text=_html(spec["text"]) if spec.get("text") else None,
            )
            _count(counts, "TrainingEvent")
            _publish(event, spec["publish"])
        for material in spec.get("materials", ()):
            _material(event, material, counts)
        signups = spec.get("signups", ())
        ids = _add_rows(training.training_form(event, training.SIGNUP_ID), signups)
        attended = [
            i for i, row in zip(ids, signups, strict=False) if row.get("attended")
        ]
        if attended:
            training.set_attendance(event, attended=attended)
        _add_rows(
            training.training_form(event, training.FEEDBACK_ID),
            spec.get("feedback", ()),
        )


def _public_feedback(items):
    folder = evaluation_folder(create=False)
    form = feedback_form(folder, create=False) if folder is not None else None
    if form is None or saved_items(form, FEEDBACK_SAVER):
        return
    saver = training.saver_of(form)
    for spec in items:
        report = folder.get(spec["report_id"])
        if report is None or api.content.get_state(report) != "published":
            continue
        saver.addDataRow(
            {
                "report": f"{report.Title()}（{report.year}）",
                "comments": spec["comments"],
                "name": spec.get("name", ""),
                "contact": spec.get("contact", ""),
            }
        )
        row_id = max(row_id for row_id, _data in saved_items(form, FEEDBACK_SAVER))
        if spec.get("answered"):
            public_feedback.mark(row_id, answered=True, note=spec.get("note"))


def load_demo(portal, folders=None, counts=None):
    """Create what is missing of this module's demo data; add to counts."""
    counts = {} if counts is None else counts
    data = read()
    with api.env.adopt_roles(["Manager"]):
        column(portal)
        _policies(data["policies"], counts)
        _news(data["news"], counts)
        _trainings(data["trainings"], counts)
        for material in data["materials"]:
            _material(section("training"), material, counts)
        _public_feedback(data["public_feedback"])
    return counts
