"""Training events (培训, R-M2) on the Plone side: the sign-up (报名) and
feedback (培训反馈) forms every training gets when it is created
(collective.easyform, protected by :mod:`.public_forms`), the forms
following their training's state, the office's attendance ticks, and the
sign-ups and feedback read back as rows for the pages, REST and Excel.

Sign-ups and feedback are personal data: the forms' data savers are read
with the easyform permission the office alone holds, attendance is kept on
the training (annotation) and only the office's views and services read it.
"""

from contextlib import suppress

from Acquisition import aq_inner
from Acquisition import aq_parent
from BTrees.LLBTree import LLTreeSet
from collective.easyform.api import get_actions
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.publicity.content.training_event import ITrainingEvent
from changde.perfmgmt.publicity.public_forms import protect_form
from changde.perfmgmt.publicity.public_forms import saved_items
from changde.perfmgmt.publicity.rules import training as rules
from changde.perfmgmt.publicity.vocabularies import OTHER_TITLE
from changde.perfmgmt.publicity.vocabularies import organisation_title
from changde.perfmgmt.publicity.vocabularies import organisations

SIGNUP_ID = "signup"
FEEDBACK_ID = "feedback"
SAVER = "saver"
ATTENDED_KEY = "changde.perfmgmt.publicity.attended"

NAMESPACES = (
    'xmlns="http://namespaces.plone.org/supermodel/schema" '
    'xmlns:easyform="http://namespaces.plone.org/supermodel/easyform" '
    'xmlns:form="http://namespaces.plone.org/supermodel/form"'
)

SIGNUP_FIELDS = f"""<?xml version="1.0" encoding="utf-8"?>
<model {NAMESPACES}>
  <schema>
    <field name="name" type="zope.schema.TextLine">
      <title>姓名</title>
    </field>
    <field name="organisation" type="zope.schema.Choice">
      <title>所在单位或区县市</title>
      <description>必选。市直单位选“市本级 · 单位名称”;区县市财政局选区县市名称;
        第三方机构和专家选“其他单位”并填写单位名称。</description>
      <required>False</required>
      <vocabulary>changde.perfmgmt.SignupOrganisations</vocabulary>
    </field>
    <field name="organisation_other" type="zope.schema.TextLine">
      <title>其他单位名称</title>
      <description>选“其他单位”时填写。</description>
      <required>False</required>
    </field>
    <field name="position" type="zope.schema.TextLine">
      <title>职务</title>
      <required>False</required>
    </field>
    <field name="phone" type="zope.schema.TextLine">
      <title>联系电话</title>
      <description>仅供绩效科通知培训事宜,不会公开。</description>
    </field>
    <field name="note" type="zope.schema.Text">
      <title>备注</title>
      <required>False</required>
    </field>
  </schema>
</model>
"""

FEEDBACK_FIELDS = f"""<?xml version="1.0" encoding="utf-8"?>
<model {NAMESPACES}>
  <schema>
    <field name="organisation" type="zope.schema.Choice">
      <title>所在单位或区县市</title>
      <required>False</required>
      <vocabulary>changde.perfmgmt.SignupOrganisations</vocabulary>
    </field>
    <field name="rating_content" type="zope.schema.Choice">
      <title>培训内容</title>
      <vocabulary>changde.perfmgmt.TrainingRatings</vocabulary>
      <form:widget type="z3c.form.browser.radio.RadioFieldWidget" />
    </field>
    <field name="rating_lecturer" type="zope.schema.Choice">
      <title>讲师授课</title>
      <vocabulary>changde.perfmgmt.TrainingRatings</vocabulary>
      <form:widget type="z3c.form.browser.radio.RadioFieldWidget" />
    </field>
    <field name="rating_organisation" type="zope.schema.Choice">
      <title>组织安排</title>
      <vocabulary>changde.perfmgmt.TrainingRatings</vocabulary>
      <form:widget type="z3c.form.browser.radio.RadioFieldWidget" />
    </field>
    <field name="comments" type="zope.schema.Text">
      <title>意见和建议</title>
      <required>False</required>
    </field>
  </schema>
</model>
"""

# Only a data saver (with the time of each submission): no mail is sent.
ACTIONS = f"""<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="{SAVER}" type="collective.easyform.actions.SaveData">
      <title>保存的数据</title>
      <ExtraData><element>dt</element></ExtraData>
    </field>
  </schema>
</model>
"""

FORMS = {
    SIGNUP_ID: {
        "title": "报名",
        "title_format": "报名:{}",
        "description": "报名参加本次培训。",
        "fields_model": SIGNUP_FIELDS,
        "thankstitle": "报名成功",
        "thanksdescription": "感谢报名,培训安排如有变化,绩效科将电话通知您。",
    },
    FEEDBACK_ID: {
        "title": "培训反馈",
        "title_format": "培训反馈:{}",
        "description": "请对本次培训作出评价,帮助我们改进培训。",
        "fields_model": FEEDBACK_FIELDS,
        "thankstitle": "感谢您的反馈",
        "thanksdescription": "",
    },
}


# --- The forms of a training -------------------------------------------------------


def training_form(event, form_id):
    form = event.get(form_id)
    return form if form is not None and form.portal_type == "EasyForm" else None


def create_training_forms(event, event_=None):
    """Subscriber (training added, also by a copy): the sign-up and feedback
    forms, protected, in the training's state. A copied training starts with
    no sign-ups, feedback or attendance of the original."""
    with api.env.adopt_roles(["Manager"]):
        for form_id, spec in FORMS.items():
            form = training_form(event, form_id)
            if form is None:
                fields = {k: v for k, v in spec.items() if k != "title_format"}
                fields["title"] = spec["title_format"].format(event.Title())
                form = api.content.create(
                    container=event,
                    type="EasyForm",
                    id=form_id,
                    actions_model=ACTIONS,
                    submitLabel="提交",
                    exclude_from_nav=True,
                    **fields,
                )
            else:
                _clear_saved(form)
            protect_form(form)
        IAnnotations(event).pop(ATTENDED_KEY, None)
        follow_training_state(event)


def retitle_training_forms(event, event_=None):
    """Subscriber (training modified): the forms' titles name the training
    (what a shared link or the browser's tab shows)."""
    for form_id, spec in FORMS.items():
        form = training_form(event, form_id)
        title = spec["title_format"].format(event.Title())
        if form is not None and form.Title() != title:
            form.setTitle(title)
            form.reindexObject(idxs=["Title", "SearchableText", "sortable_title"])


def _clear_saved(form):
    saver = saver_of(form)
    if saver is not None:
        saver.clearSavedFormInput()


def follow_training_state(event, event_=None):
    """Subscriber (training transition): where forms have a workflow of their
    own (the site's default), they are published with the training and
    retracted with it; without one they follow the training anyway."""
    published = api.content.get_state(event, default=None) == "published"
    with api.env.adopt_roles(["Manager"]):
        for form_id in FORMS:
            form = training_form(event, form_id)
            if form is None:
                continue
            state = api.content.get_state(form, default=None)
            if state is None:
                continue
            target = "published" if published else "private"
            if state != target:
                # a workflow without that state: nothing to follow
                with suppress(api.exc.InvalidParameterError):
                    api.content.transition(obj=form, to_state=target)


def saver_of(form):
    if form is None:
        return None
    return get_actions(form).get(SAVER)


def event_of_form(form):
    parent = aq_parent(aq_inner(form))
    return parent if ITrainingEvent.providedBy(parent) else None


def _start_date(event):
    start = getattr(event, "start", None)
    return start.date() if start is not None else None


def _end_date(event):
    end = getattr(event, "end", None)
    return end.date() if end is not None else None


def form_field_violations(form, fields):
    """Field-level checks of one form's answers beyond its schema: a
    sign-up names a district or unit, or the outside organisation. (The
    choice is not required in the schema: a required choice would offer the
    first district pre-selected, and a hurried visitor would sign up for
    it.)"""
    if event_of_form(form) is None or form.getId() != SIGNUP_ID:
        return []
    return rules.signup_answer_violations(
        fields.get("organisation"), fields.get("organisation_other")
    )


def form_window_violations(form, today=None):
    """A training's sign-up is refused after its deadline, its feedback
    before it starts; other forms are always open."""
    event = event_of_form(form)
    if event is None:
        return []
    today = today or today_in_china()
    if form.getId() == SIGNUP_ID:
        return rules.signup_violations(today, _start_date(event), event.signup_deadline)
    if form.getId() == FEEDBACK_ID:
        return rules.feedback_violations(today, _start_date(event))
    return []


def signup_open(event, today=None):
    today = today or today_in_china()
    return not rules.signup_violations(today, _start_date(event), event.signup_deadline)


def feedback_open(event, today=None):
    return not rules.feedback_violations(today or today_in_china(), _start_date(event))


def is_upcoming(event, today=None):
    return rules.is_upcoming(
        _end_date(event), _start_date(event), today or today_in_china()
    )


# --- Organisations --------------------------------------------------------------


def organisation_index():
    """key -> (jurisdiction key, jurisdiction title, unit title)."""
    return {
        key: (key.split("/", 1)[0], jur, unit) for key, jur, unit in organisations()
    }


def staff_group_of(key):
    """The staff group of the jurisdiction or unit at ``key`` (core.tenancy's
    naming)."""
    return "perfmgmt-" + key.replace("/", "-") + "-staff"


def user_organisation(user=None):
    """The unit (else the jurisdiction) whose staff the user is, as a
    sign-up key, or None."""
    user = user or api.user.get_current()
    if user is None or api.user.is_anonymous():
        return None
    groups = set(user.getGroups() or ())
    found = None
    for key, _jur, unit in organisations():
        if staff_group_of(key) in groups:
            if unit:
                return key
            found = found or key
    return found


def _organisation_of(row, index):
    key = row.get("organisation") or rules.OTHER
    if key in index:
        jurisdiction, jur_title, unit_title = index[key]
        return {
            "organisation": key,
            "jurisdiction": jurisdiction,
            "jurisdiction_title": jur_title,
            "unit": key if unit_title else "",
            "unit_title": unit_title or "",
            "organisation_title": organisation_title(jur_title, unit_title),
        }
    other = (row.get("organisation_other") or "").strip()
    other_title = translate(OTHER_TITLE, context=getRequest())
    return {
        "organisation": rules.OTHER,
        "jurisdiction": rules.OTHER,
        "jurisdiction_title": other_title,
        "unit": other,
        "unit_title": other,
        "organisation_title": other or other_title,
    }


# --- Sign-ups and attendance ----------------------------------------------------------


def attended_ids(event):
    return IAnnotations(event).get(ATTENDED_KEY) or ()


def set_attendance(event, attended=(), absent=()):
    """Tick who came (row ids of the sign-ups) and untick who did not;
    answers the ids that are not sign-ups of this training."""
    known = {row_id for row_id, _data in _saved_items(training_form(event, SIGNUP_ID))}
    unknown = [row_id for row_id in (*attended, *absent) if row_id not in known]
    if unknown:
        return unknown
    annotations = IAnnotations(event)
    ticks = annotations.get(ATTENDED_KEY)
    if ticks is None:
        ticks = annotations[ATTENDED_KEY] = LLTreeSet()
    for row_id in attended:
        ticks.insert(row_id)
    for row_id in absent:
        if row_id in ticks:
            ticks.remove(row_id)
    return []


def _saved_items(form):
    return saved_items(form, SAVER)


def signups(event):
    """The sign-ups as rows (id, when, name, organisation with its
    jurisdiction and unit, position, phone, note, attended), in the order
    they came."""
    index = organisation_index()
    ticks = attended_ids(event)
    rows = []
    for row_id, data in _saved_items(training_form(event, SIGNUP_ID)):
        rows.append(
            {
                "id": row_id,
                "submitted": data.get("dt") or "",
                "name": data.get("name") or "",
                **_organisation_of(data, index),
                "position": data.get("position") or "",
                "phone": data.get("phone") or "",
                "note": data.get("note") or "",
                "attended": row_id in ticks,
            }
        )
    return rows


def attendance(event):
    """Attendance by district and unit, with titles, in the city's order
    (the municipal level, then the districts and counties; outside
    organisations last)."""
    order = {key: number for number, (key, _j, _u) in enumerate(organisations())}
    rows = sorted(
        signups(event),
        key=lambda row: (
            row["jurisdiction"] == rules.OTHER,
            order.get(row["jurisdiction"], len(order)),
            order.get(row["unit"], -1) if row["jurisdiction"] != rules.OTHER else 0,
            row["unit"],
        ),
    )
    summary = rules.attendance_summary(rows)
    titles = {}
    for row in rows:
        titles[row["jurisdiction"]] = row["jurisdiction_title"]
        titles[(row["jurisdiction"], row["unit"])] = row["unit_title"]
    for group in summary["jurisdictions"]:
        group["title"] = titles.get(group["key"], group["key"])
        for unit in group["units"]:
            unit["title"] = titles.get((group["key"], unit["key"]), unit["key"])
    return summary


def feedback_rows(event):
    index = organisation_index()
    rows = []
    for row_id, data in _saved_items(training_form(event, FEEDBACK_ID)):
        organisation = _organisation_of(data, index) if data.get("organisation") else {}
        rows.append(
            {
                "id": row_id,
                "submitted": data.get("dt") or "",
                "organisation_title": organisation.get("organisation_title", ""),
                **{
                    criterion: rules.rating(data.get(criterion))
                    for criterion in rules.RATING_CRITERIA
                },
                "comments": data.get("comments") or "",
            }
        )
    return rows


def feedback_summary(event):
    return rules.feedback_averages(feedback_rows(event))
