"""Indicators from the indicator library (R-M6): pick templates, get
level-3 indicators, each with the target value given for it (optional).
Shared by the REST endpoint ``@add-indicators`` and the page
``@@add-indicators``; all or nothing in both."""

from dataclasses import dataclass

from plone import api
from plone.dexterity.utils import createContentInContainer
from zope.i18nmessageid import Message

from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.declaration.rules.indicators import QUALITATIVE
from changde.perfmgmt.declaration.rules.indicators import validate_indicator_target
from changde.perfmgmt.i18n import _

TEMPLATES = "templates"
TARGET_VALUE = "target_value"


@dataclass(frozen=True)
class Pick:
    """One chosen template (its UID) and the target value given for it."""

    uid: object
    target_value: str | None = None


@dataclass(frozen=True)
class TemplateProblem:
    """Why the ``index``-th pick cannot be used; ``field`` is ``templates``
    (the UID) or ``target_value``."""

    index: int
    uid: object
    message: Message
    field: str = TEMPLATES


def may_add_indicators(project):
    """Adding an indicator changes the project: only while the workflow lets
    the user add content to it (a unit's draft or returned project)."""
    return api.user.has_permission("Add portal content", obj=project)


def is_quantifiable(comparator):
    """A template's indicator is quantifiable unless it is qualitative."""
    return comparator != QUALITATIVE


def _target_text(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return value  # not text: the rule says it is not a number
    text = str(value).strip()
    return text or None


def picks_from_json(items):
    """The picks of a REST body's ``templates``: each item a UID, or an
    object ``{"template": UID, "target_value": "20"}``."""
    picks = []
    for item in items:
        if isinstance(item, dict):
            picks.append(
                Pick(item.get("template"), _target_text(item.get(TARGET_VALUE)))
            )
        else:
            picks.append(Pick(item))
    return picks


def resolve_picks(picks):
    """The indicator templates of ``picks`` as the user may see them, and a
    :class:`TemplateProblem` for each pick whose UID is not one or whose
    target value the rule refuses (a quantifiable template's target is a
    number; a qualitative one's is any text)."""
    catalog = api.portal.get_tool("portal_catalog")
    templates = []
    problems = []
    for index, pick in enumerate(picks):
        uid = pick.uid
        brains = catalog.searchResults(UID=uid) if isinstance(uid, str) else []
        if not brains:
            message = _(
                "add_indicators_template_unknown",
                default='No indicator template has the UID "${uid}".',
                mapping={"uid": str(uid)},
            )
        elif brains[0].portal_type != "IndicatorTemplate":
            message = _(
                "add_indicators_not_a_template",
                default='"${uid}" is not an indicator template (its type is ${type}).',
                mapping={"uid": uid, "type": brains[0].portal_type},
            )
        else:
            template = brains[0].getObject()
            templates.append(template)
            if pick.target_value is not None:
                violations = validate_indicator_target(
                    is_quantifiable(template.comparator), pick.target_value
                )
                if violations:
                    problems.append(
                        TemplateProblem(
                            index, uid, violation_message(violations[0]), TARGET_VALUE
                        )
                    )
            continue
        problems.append(TemplateProblem(index, uid, message))
    return templates, problems


def resolve_templates(uids):
    """The indicator templates of ``uids`` (no target values)."""
    return resolve_picks([Pick(uid) for uid in uids])


def add_from_templates(project, templates, target_values=None):
    """One indicator in ``project`` per template, in order, with the target
    value of the same position in ``target_values``; the new indicators."""
    target_values = list(target_values or [])
    target_values += [None] * (len(templates) - len(target_values))
    created = []
    for template, target_value in zip(templates, target_values, strict=True):
        comparator = template.comparator
        created.append(
            add_indicator(
                project,
                title=template.title,
                level1=template.level1,
                level2=template.level2,
                unit=template.unit,
                comparator=comparator,
                quantifiable=is_quantifiable(comparator),
                target_value=target_value,
            )
        )
    return created


def add_indicator(project, **values):
    """A new indicator in ``project``, added under the name its title gives.

    Why not ``api.content.create``: it adds under a random name and then
    renames, which writes a redirect into the site-wide redirection storage
    and indexes the indicator twice; units adding indicators at a deadline
    collided on that storage (docs/operations.md, "Many writers")."""
    return createContentInContainer(
        project, "Indicator", checkConstraints=True, **values
    )
