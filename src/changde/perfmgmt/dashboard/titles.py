"""The dashboard's words: section titles, traffic lights, negative-list
states (one place for the page, the charts and the Excel export; the states'
titles are read from their workflow, ``core.workflows``)."""

from zope.i18n import translate

from changde.perfmgmt.core.workflows import state_label
from changde.perfmgmt.i18n import _

SECTION_TITLES = {
    "coverage": _("dashboard_coverage", default="Coverage of the four budgets"),
    "special_funds": _(
        "dashboard_special_funds", default="Municipal special funds against the cap"
    ),
    "execution": _(
        "dashboard_execution", default="Execution rates by round and jurisdiction"
    ),
    "grades": _("dashboard_grades", default="Grades of the evaluations"),
    "rectification": _("dashboard_rectification", default="Rectification rate"),
    "negative_list": _(
        "dashboard_negative_list", default="Negative-list entries by reason"
    ),
    "quantified": _("dashboard_quantified", default="Share of quantified indicators"),
}

LIGHT_TITLES = {
    "red": _("light_red", default="Below target"),
    "yellow": _("light_yellow", default="Near the target"),
    "green": _("light_green", default="On track"),
}

#: the negative list's states in the dashboard's order (their titles are the
#: workflow's)
NEGATIVE_LIST_WORKFLOW = "perfmgmt_negative_list_workflow"
NEGATIVE_LIST_STATES = ("listed", "proposed", "released", "rejected")


def section_title(section, request):
    return translate(SECTION_TITLES[section], context=request)


def light_title(light, request):
    if light is None:
        return translate(_("light_none", default="No rate"), context=request)
    return translate(LIGHT_TITLES[light], context=request)


def negative_list_state_titles(request):
    return {
        state: state_label(NEGATIVE_LIST_WORKFLOW, state, request)
        for state in NEGATIVE_LIST_STATES
    }
