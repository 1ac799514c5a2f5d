"""The dashboard's words: section titles, traffic lights, negative-list
states (one place for the page, the charts and the Excel export)."""

from zope.i18n import translate

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

NEGATIVE_LIST_STATE_TITLES = {
    "listed": _("negative_list_state_listed", default="Listed"),
    "proposed": _("negative_list_state_proposed", default="Proposed"),
    "released": _("negative_list_state_released", default="Released"),
    "rejected": _("negative_list_state_rejected", default="Rejected"),
}


def section_title(section, request):
    return translate(SECTION_TITLES[section], context=request)


def light_title(light, request):
    if light is None:
        return translate(_("light_none", default="No rate"), context=request)
    return translate(LIGHT_TITLES[light], context=request)


def negative_list_state_titles(request):
    return {
        state: translate(title, context=request)
        for state, title in NEGATIVE_LIST_STATE_TITLES.items()
    }
