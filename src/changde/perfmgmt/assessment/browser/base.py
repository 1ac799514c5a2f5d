"""What the assessment pages share: the office's permission, the year asked
for, workflow state titles, who may score a report."""

from plone import api
from zope.i18n import translate

from changde.perfmgmt.assessment.scorecards import is_draft
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none

MANAGE = "changde.perfmgmt: Manage assessment"


def state_title(state, portal_type, request):
    workflow = api.portal.get_tool("portal_workflow")
    return translate(
        workflow.getTitleForStateOnType(state, portal_type),
        domain="plone",
        context=request,
    )


def requested_year(request, default=None):
    year = year_or_none(request.form.get("year"))
    return year or default or today_in_china().year


def may_score(report):
    """A draft report whose card the user may fill."""
    return is_draft(report) and api.user.has_permission(
        "Modify portal content", obj=report
    )
