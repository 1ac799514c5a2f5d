"""The indicator table of a project's add and edit forms (R-M4, R-M6): the
project's level-3 indicators as rows, read from the form, checked by the
rules row by row, and written all at once or not at all.

A row is a plain dict (:func:`blank_row` lists its keys). The form posts the
rows as Zope records (``indicators.title:records`` …), so rows added in the
browser need no numbering; a row whose text cells are all empty is left out.
"""

from decimal import Decimal

from plone import api
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.declaration.indicators import add_indicator
from changde.perfmgmt.declaration.indicators import is_quantifiable
from changde.perfmgmt.declaration.messages import readable
from changde.perfmgmt.declaration.rules import indicators as rules
from changde.perfmgmt.declaration.settings import indicator_levels
from changde.perfmgmt.i18n import _

FORM_KEY = "indicators"
#: the cells a person types or picks, in the order of the table
CELLS = (
    "level1",
    "level2",
    "title",
    "quantifiable",
    "comparator",
    "target_value",
    "unit",
    "weight",
)
#: cells whose text makes a row count (selects and the checkbox have defaults)
TEXT_CELLS = ("title", "target_value", "unit", "weight")
DEFAULT_COMPARATOR = "ge"


def blank_row():
    return {
        "uid": "",
        "level1": "",
        "level2": "",
        "title": "",
        "quantifiable": True,
        "comparator": DEFAULT_COMPARATOR,
        "target_value": "",
        "unit": "",
        "weight": "",
        "delete": False,
        "errors": {},
    }


def _text(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value).strip()


def row_from_brain(brain):
    """A row of an indicator, from its catalog metadata."""
    row = blank_row()
    row.update(
        uid=brain.UID,
        level1=_text(brain.level1),
        level2=_text(brain.level2),
        title=_text(brain.Title),
        quantifiable=bool(brain.quantifiable),
        comparator=_text(getattr(brain, "indicator_comparator", None))
        or DEFAULT_COMPARATOR,
        target_value=_text(brain.target_value),
        unit=_text(getattr(brain, "indicator_unit", None)),
        weight=_text(getattr(brain, "indicator_weight", None)),
    )
    return row


def row_from_template(template):
    """A new row filled from an indicator template of the library (the
    target value and the weight are the unit's to write)."""
    row = blank_row()
    comparator = template.comparator or DEFAULT_COMPARATOR
    row.update(
        level1=template.level1 or "",
        level2=template.level2 or "",
        title=template.title or "",
        quantifiable=is_quantifiable(comparator),
        comparator=comparator,
        unit=template.unit or "",
    )
    return row


def _get(record, name):
    try:
        return record.get(name)
    except AttributeError:
        return getattr(record, name, None)


def is_blank(row):
    return not (row["uid"] or any(row[name] for name in TEXT_CELLS))


def rows_from_request(request, keep_blank=False):
    """The rows as posted (without the empty ones unless ``keep_blank``),
    or None when the form did not post a table."""
    if "indicators_posted" not in request.form:
        return None
    records = request.form.get(FORM_KEY) or []
    if not isinstance(records, list | tuple):
        records = [records]
    rows = []
    for record in records:
        row = blank_row()
        for name in ("uid", *CELLS):
            if name != "quantifiable":
                row[name] = _text(_get(record, name))
        row["quantifiable"] = bool(_get(record, "quantifiable"))
        row["delete"] = bool(_get(record, "delete"))
        if keep_blank or not is_blank(row):
            rows.append(row)
    return rows


def project_rows(project):
    """The rows of the project's indicators, in their order."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="Indicator",
        path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
        sort_on="getObjPositionInParent",
    )
    return [row_from_brain(brain) for brain in brains]


def check_rows(rows, request, known_uids=()):
    """Mark each row's refused cells (``row["errors"]``: cell -> message in
    the user's language); the number of rows with an error. Rows marked for
    deletion are not checked; a row naming an indicator the project does not
    hold is refused."""
    pairs = indicator_levels()
    known = set(known_uids)
    refused = 0
    for row in rows:
        row["errors"] = {}
        if row["delete"]:
            continue
        if row["uid"] and row["uid"] not in known:
            row["errors"]["title"] = translate(
                _(
                    "indicator_row_unknown",
                    default="This indicator is not one of the project's.",
                ),
                context=request,
            )
        for violation in rules.validate_indicator_row(
            row["title"],
            row["level1"],
            row["level2"],
            row["comparator"],
            row["weight"],
            row["quantifiable"],
            row["target_value"],
            pairs,
        ):
            field = violation.field if violation.field in CELLS else "title"
            if field not in row["errors"]:
                row["errors"][field] = translate_violation(readable(violation), request)
        refused += bool(row["errors"])
    return refused


def _values(row):
    weight = to_decimal(row["weight"], allow_commas=True) if row["weight"] else None
    return {
        "title": row["title"],
        "level1": row["level1"],
        "level2": row["level2"],
        "quantifiable": row["quantifiable"],
        "comparator": row["comparator"],
        "target_value": row["target_value"] or None,
        "unit": row["unit"] or None,
        "weight": weight,
    }


def apply_rows(project, rows):
    """Write checked ``rows`` to ``project``: update the indicators they
    name, delete those marked, create the new ones; (created, changed,
    deleted) counts."""
    existing = {api.content.get_uuid(obj): obj for obj in project.objectValues()}
    created = changed = deleted = 0
    for row in rows:
        indicator = existing.get(row["uid"]) if row["uid"] else None
        if row["delete"]:
            if indicator is not None:
                api.content.delete(obj=indicator, check_linkintegrity=False)
                deleted += 1
            continue
        values = _values(row)
        if indicator is None:
            add_indicator(project, **values)
            created += 1
            continue
        updates = {
            name: value
            for name, value in values.items()
            if (indicator.title if name == "title" else getattr(indicator, name, None))
            != value
        }
        if updates:
            for name, value in updates.items():
                setattr(indicator, name, value)
            indicator.reindexObject()
            notify(ObjectModifiedEvent(indicator))
            changed += 1
    return created, changed, deleted
