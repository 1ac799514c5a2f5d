"""Scorecard templates on the Plone side: the criteria stored in code order,
the activation gate, which reports use a template, and next year's copy."""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest

from changde.perfmgmt.assessment.rules.scorecards import normalized_rows
from changde.perfmgmt.assessment.rules.scorecards import validate_criteria
from changde.perfmgmt.core.messages import translate_violation


def normalize_criteria(template, event=None):
    """Valid criteria are stored in code order, weights as text."""
    rows = template.criteria or []
    if rows and not validate_criteria(rows):
        normalized = normalized_rows(rows)
        if normalized != rows:
            template.criteria = normalized


def check_activation(template, event):
    """IBeforeTransitionEvent: only a template with valid criteria is
    offered to reports."""
    if event.transition is None or event.transition.getId() != "activate":
        return
    violations = validate_criteria(template.criteria or [], allow_empty=False)
    if violations:
        request = getRequest()
        raise WorkflowException(
            " ".join(translate_violation(v, request) for v in violations[:3])
        )


def reports_using(template):
    """Catalog brains of the reports scored with ``template``."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="EvaluationReport", scorecard_template_uid=template.UID()
    )


def copy_template(template, year):
    """A draft copy of ``template`` for ``year``, in the same folder."""
    container = template.aq_parent
    base = f"{template.getId().rsplit('-', 1)[0]}-{year}"
    new_id, number = base, 1
    while new_id in container.objectIds():
        number += 1
        new_id = f"{base}-{number}"
    with api.env.adopt_roles(["Manager"]):
        copy = api.content.create(
            container=container,
            type="ScorecardTemplate",
            id=new_id,
            title=template.Title().replace(str(template.year), str(year))
            if template.year and str(template.year) in template.Title()
            else template.Title(),
            description=template.Description(),
            template_kind=template.template_kind,
            year=year,
            criteria=[dict(row) for row in template.criteria or ()],
        )
    return copy
