"""Indicators from the indicator library (R-M6): pick templates, get
level-3 indicators. Shared by the REST endpoint ``@add-indicators`` and the
page ``@@add-indicators``; all or nothing in both."""

from dataclasses import dataclass

from plone import api
from zope.i18nmessageid import Message

from changde.perfmgmt.declaration import rules
from changde.perfmgmt.i18n import _


@dataclass(frozen=True)
class TemplateProblem:
    """Why the ``index``-th chosen UID cannot be used."""

    index: int
    uid: object
    message: Message


def may_add_indicators(project):
    """Adding an indicator changes the project: only while the workflow lets
    the user add content to it (a unit's draft or returned project)."""
    return api.user.has_permission("Add portal content", obj=project)


def resolve_templates(uids):
    """The indicator templates of ``uids`` as the user may see them, and a
    :class:`TemplateProblem` for each UID that is not one."""
    catalog = api.portal.get_tool("portal_catalog")
    templates = []
    problems = []
    for index, uid in enumerate(uids):
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
            templates.append(brains[0].getObject())
            continue
        problems.append(TemplateProblem(index, uid, message))
    return templates, problems


def add_from_templates(project, templates):
    """One indicator in ``project`` per template, in order; the new indicators."""
    created = []
    for template in templates:
        comparator = template.comparator
        created.append(
            api.content.create(
                container=project,
                type="Indicator",
                title=template.title,
                level1=template.level1,
                level2=template.level2,
                unit=template.unit,
                comparator=comparator,
                quantifiable=comparator != rules.QUALITATIVE,
                safe_id=True,
            )
        )
    return created
