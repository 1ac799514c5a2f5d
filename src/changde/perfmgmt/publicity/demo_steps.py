"""Steps of the publicity module's demo data that the data files cannot say
by themselves (called by ``call`` entries of ``publicity/demo/*.yaml``, read
by :mod:`changde.perfmgmt.core.demo`): the install's draft policies given a
demo summary and published, trainings dated from the day the demo is loaded
with their lecturers, materials (files), sign-ups, attendance and feedback,
and the public's opinions on the published report.

Idempotent like the loader: what exists (same id) is left alone; sign-ups,
feedback and opinions are added only to forms that have none.
"""

import datetime
from pathlib import Path

import pytz
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

from changde.perfmgmt.core.rules.clock import now_in_china
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.evaluation.feedback import SAVER as FEEDBACK_SAVER
from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.publicity import public_feedback
from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.column import PLACEHOLDER_TEXT
from changde.perfmgmt.publicity.column import column
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.publicity.public_forms import saved_items

DEMO = Path(__file__).parent / "demo"
TIMEZONE = pytz.timezone("Asia/Shanghai")


def _html(value):
    return RichTextValue(value, "text/html", "text/x-html-safe")


def _publish(obj, publish=True):
    if publish and api.content.get_state(obj) != "published":
        api.content.transition(obj=obj, transition="publish")


def _at(day, time):
    hour, minute = (int(part) for part in str(time).split(":"))
    # pytz, as plone.app.event stores it (a zoneinfo time cannot be pickled)
    return TIMEZONE.localize(
        datetime.datetime(day.year, day.month, day.day, hour, minute)
    )


def publish_policy_placeholders(texts):
    """The install's draft policies, still holding the placeholder, get the
    demo's summary and are published."""
    policies = section("policies")
    for id_, text in texts.items():
        policy = policies.get(id_) if policies is not None else None
        if policy is None or api.content.get_state(policy) != "draft":
            continue
        if policy.text is None or policy.text.raw == PLACEHOLDER_TEXT:
            policy.text = _html(text)
            policy.reindexObject()
        _publish(policy)


def _experts(paths):
    intids = getUtility(IIntIds)
    portal = api.portal.get()
    relations = []
    for path in paths:
        expert = portal.unrestrictedTraverse(path.strip("/"), None)
        if expert is not None:
            relations.append(RelationValue(intids.getId(expert)))
    return relations


def _material(container, spec):
    if spec["id"] in container:
        return
    fields = {"material_kind": spec["material_kind"]}
    if spec.get("file"):
        data = (DEMO / spec["file"]).read_bytes()
        filename = spec.get("filename") or Path(spec["file"]).name
        fields["file"] = NamedBlobFile(data=data, filename=filename)
    if spec.get("link"):
        fields["link"] = spec["link"]
    material = api.content.create(
        container=container,
        type="TrainingMaterial",
        id=spec["id"],
        title=spec["title"],
        **fields,
    )
    _publish(material, spec.get("publish", True))


def create_materials(path, specs):
    """Materials (a file or a link) in the folder at ``path``."""
    container = api.portal.get().unrestrictedTraverse(path.strip("/"))
    for spec in specs:
        _material(container, spec)


def _add_rows(form, rows):
    """Add the rows to a form that has none; answer the new rows' ids."""
    if form is None or saved_items(form, training.SAVER):
        return []
    saver = training.saver_of(form)
    stamp = now_in_china().strftime("%Y/%m/%d %H:%M:%S")
    ids = []
    for row in rows:
        values = {key: str(value) for key, value in row.items() if key != "attended"}
        values["dt"] = stamp
        saver.addDataRow(values)
        ids.append(values["id"])
    return ids


def create_trainings(specs):
    """Trainings dated ``start_in_days`` from today (Beijing), with their
    lecturers (paths of experts), materials, sign-ups (``attended`` ticks
    attendance) and feedback."""
    folder = section("training")
    today = today_in_china()
    for spec in specs:
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
            _publish(event, spec.get("publish", True))
        for material in spec.get("materials", ()):
            _material(event, material)
        signups = spec.get("signups", ())
        ids = _add_rows(training.training_form(event, training.SIGNUP_ID), signups)
        attended = [
            row_id
            for row_id, row in zip(ids, signups, strict=False)
            if row.get("attended")
        ]
        if attended:
            training.set_attendance(event, attended=attended)
        feedback = training.training_form(event, training.FEEDBACK_ID)
        _add_rows(feedback, spec.get("feedback", ()))


def add_public_feedback(items):
    """Opinions on published reports (by the report's id in the evaluation
    folder), as the evaluation module's feedback form saves them; those
    ``answered`` are marked so with the office's ``note``."""
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


def ensure_column():
    """The column and its sections (the install makes them; a site whose
    column was deleted gets it back before the demo fills it)."""
    column(api.portal.get())
