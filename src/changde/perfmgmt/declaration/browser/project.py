"""The project page (项目): where the project stands (its state, and the
reviewer's reason once returned), its fields with the gates' messages next
to what they are about, the indicator table with targets, units, weights and
actual values, and the buttons of the next step."""

from plone import api
from plone.dexterity.browser.view import DefaultView
from plone.memoize.view import memoize
from zope.i18n import translate

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.money import format_yuan
from changde.perfmgmt.core.states import StateTitles
from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.indexers import last_transition
from changde.perfmgmt.declaration.indicators import may_add_indicators
from changde.perfmgmt.declaration.library import ADD_TEMPLATE
from changde.perfmgmt.declaration.library import APPROVED
from changde.perfmgmt.declaration.messages import readable
from changde.perfmgmt.i18n import _

RETURNED = "returned"
#: a target as people write it: ≥ 20 所 (a qualitative target is its words)
COMPARATOR_SYMBOLS = {"ge": "≥", "le": "≤", "eq": "=", "approx": "≈"}
#: gate fields shown next to a field of the page; the rest above the fields
FIELD_OF_GATE = {
    "performance_goal": "performance_goal",
    "management_measure": "management_measure",
    "pre_evaluation_result": "pre_evaluation_result",
    "is_special_fund": "is_special_fund",
}
INDICATORS = "indicators"
#: what each state means to the people who read the page
STATE_HELP = {
    "draft": _(
        "project_state_help_draft",
        default="The unit is writing it. Submit it once every rule below is met.",
    ),
    "returned": _(
        "project_state_help_returned",
        default="The reviewer returned it to the unit: change what the reason "
        "asks for and submit it again.",
    ),
    "submitted": _(
        "project_state_help_submitted",
        default="Submitted: the reviewers check its goal and indicators. The "
        "unit cannot change it until it is returned.",
    ),
    "reviewed": _(
        "project_state_help_reviewed",
        default="Goals reviewed: waiting for approval.",
    ),
    "approved": _(
        "project_state_help_approved",
        default="Approved with the budget.",
    ),
}
#: the page's buttons: transition -> css class
TRANSITION_BUTTONS = {
    "submit": "btn-primary",
    "review": "btn-primary",
    "approve": "btn-success",
    "return": "btn-outline-danger",
}


class ProjectView(DefaultView):
    def state(self):
        return api.content.get_state(self.context)

    def state_title(self):
        return StateTitles(self.request)(self.context.portal_type, self.state())

    def state_help(self):
        message = STATE_HELP.get(self.state())
        return translate(message, context=self.request) if message else ""

    def return_note(self):
        """The reviewer's reason, who returned it and when (while returned)."""
        if self.state() != RETURNED:
            return None
        entry = last_transition(self.context) or {}
        actor = entry.get("actor")
        user = api.user.get(userid=actor) if actor else None
        name = (user.getProperty("fullname") if user else "") or ""
        when = entry.get("time")
        return {
            "reason": (entry.get("comments") or "").strip(),
            "actor": name,
            "date": when.strftime("%Y年%m月%d日") if when is not None else "",
        }

    # --- the next step ----------------------------------------------------

    def transitions(self):
        """The transitions the user may run now, as buttons."""
        workflow = api.portal.get_tool("portal_workflow")
        titles = StateTitles(self.request)
        buttons = []
        for transition in workflow.getTransitionsFor(self.context):
            if transition["id"] not in TRANSITION_BUTTONS:
                continue
            url = transition["url"] if transition["id"] == gates.RETURN else None
            buttons.append(
                {
                    "id": transition["id"],
                    "title": titles.translate(transition["title"]),
                    "class": TRANSITION_BUTTONS[transition["id"]],
                    "url": url,
                }
            )
        return buttons

    def may_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def may_add_indicators(self):
        return may_add_indicators(self.context)

    def may_copy_to_library(self):
        """The office copies an approved project's indicators to the library."""
        return self.state() == APPROVED and api.user.has_permission(
            ADD_TEMPLATE, obj=self.context
        )

    # --- the gates --------------------------------------------------------

    @memoize
    def violations(self):
        state = self.state()
        if state in ("draft", "returned"):
            return gates.submission_violations(self.context)
        if state in ("submitted", "reviewed"):
            return gates.approval_violations(self.context)
        return []

    def _messages(self, violations):
        return [translate_violation(readable(v), self.request) for v in violations]

    def checks(self):
        """Every message that would refuse the next step, in the user's language."""
        return self._messages(self.violations())

    def general_checks(self):
        """The messages that belong to no field of the page."""
        return self._messages(
            v
            for v in self.violations()
            if v.field not in FIELD_OF_GATE and v.field != INDICATORS
        )

    def field_checks(self, field):
        return self._messages(
            v for v in self.violations() if FIELD_OF_GATE.get(v.field) == field
        )

    def indicator_checks(self):
        return self._messages(v for v in self.violations() if v.field == INDICATORS)

    def next_step_checked(self):
        return self.state() != APPROVED

    def special_fund_cap(self):
        """For a municipal special fund: the approved special funds of its
        year against the cap, and the count once this one is approved
        (None otherwise)."""
        if not gates.is_capped(self.context) or not self.context.year:
            return None
        approved, cap = gates.municipal_special_fund_usage(self.context.year)
        already = self.state() == APPROVED
        return {
            "year": self.context.year,
            "approved": approved,
            "cap": cap,
            "after": approved if already else approved + 1,
            "already": already,
            "exceeds": not already and approved + 1 > cap,
        }

    # --- fields and indicators --------------------------------------------

    def field_items(self):
        """The widgets to show, each with the gates' messages about it."""
        hidden = ("IBasic.title", "IBasic.description", "title", "description")
        return [
            {
                "widget": widget,
                "checks": self.field_checks(widget.__name__.split(".")[-1]),
            }
            for widget in self.widgets.values()
            if widget.__name__ not in hidden
        ]

    def amount(self):
        amount = self.context.amount
        return format_yuan(amount) if amount is not None else ""

    def indicators(self):
        """The project's indicators from the catalog (no objects woken)."""
        return api.content.find(
            context=self.context,
            depth=1,
            portal_type="Indicator",
            sort_on="getObjPositionInParent",
        )

    def indicator_rows(self):
        rows = []
        for brain in self.indicators():
            comparator = _meta(getattr(brain, "indicator_comparator", None))
            weight = _meta(getattr(brain, "indicator_weight", None))
            rows.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "level1": _meta(brain.level1) or "",
                    "level2": _meta(brain.level2) or "",
                    "quantifiable": bool(_meta(brain.quantifiable)),
                    "comparator": COMPARATOR_SYMBOLS.get(comparator, ""),
                    "target": _meta(brain.target_value) or "",
                    "unit": _meta(getattr(brain, "indicator_unit", None)) or "",
                    "weight": ""
                    if weight is None
                    else format(weight.normalize(), "f")
                    if hasattr(weight, "normalize")
                    else str(weight),
                    "actual": _meta(getattr(brain, "indicator_actual_value", None))
                    or "",
                }
            )
        return rows


def _meta(value):
    """Catalog metadata without ``Missing.Value``."""
    from Missing import MV

    return None if value is MV else value
