"""The declaration's lists (R-P1, R-P4): a year's projects across units
(``@@list-projects``), the review queue (``@@review-queue``), a unit's page
(its projects by year and state) and the link that takes a unit's staff to
it (``@@my-unit``). Catalog brains and metadata only."""

from zoneinfo import ZoneInfo

from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from changde.perfmgmt.core.content.budget_unit import IBudgetUnit
from changde.perfmgmt.core.listing import ASCENDING
from changde.perfmgmt.core.listing import DESCENDING
from changde.perfmgmt.core.listing import Column
from changde.perfmgmt.core.listing import YearListView
from changde.perfmgmt.core.listing import chinese_date
from changde.perfmgmt.core.listing import meta
from changde.perfmgmt.core.listing import money_column
from changde.perfmgmt.core.roles import BUDGET_REVIEWER
from changde.perfmgmt.core.roles import PERFORMANCE_OFFICER
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.declaration.vocabularies import BUDGET_KIND_TITLES
from changde.perfmgmt.declaration.vocabularies import COMPARATOR_TITLES
from changde.perfmgmt.i18n import _

BEIJING = ZoneInfo("Asia/Shanghai")
WAITING = ("submitted", "reviewed")
RETURNED = "returned"


class ProjectListView(YearListView):
    """``@@list-projects``: the projects of a year."""

    portal_type = "BudgetProject"
    title = _("list_projects_title", default="Projects")
    filters = ("year", "jurisdiction", "unit", "review_state")
    tenancy = "path"

    def related_links(self):
        """The other lists of the same scope, and the four-budgets coverage."""
        base = self.context.absolute_url()
        links = [
            {"url": f"{base}/@@{name}", "title": self.translate(title)}
            for name, title in OTHER_LISTS
        ]
        if not IBudgetUnit.providedBy(self.context):
            year = self.chosen_year()
            query = f"?year={year}" if year else ""
            links.append(
                {
                    "url": f"{base}/@@coverage{query}",
                    "title": self.translate(
                        _("link_coverage", default="Coverage of the four budgets")
                    ),
                }
            )
        return links

    def extra_filters(self):
        return [
            self.select_filter(
                "budget_kind",
                _("label_budget_kind", default="Budget kind"),
                BUDGET_KIND_TITLES,
            ),
            self.checkbox_filter(
                "special_fund",
                _("label_special_fund_only", default="Special funds only"),
            ),
        ]

    def extra_query(self):
        query = {}
        if self.form.get("budget_kind") in BUDGET_KIND_TITLES:
            query["budget_kind"] = self.form["budget_kind"]
        if self.form.get("special_fund") == "1":
            query["is_special_fund"] = True
        return query

    @memoize
    def budget_kind_titles(self):
        return {key: self.translate(title) for key, title in BUDGET_KIND_TITLES.items()}

    def yes_no(self, value):
        return self.translate(
            _("yes", default="Yes") if value else _("no", default="No")
        )

    def columns(self):
        return [
            Column(
                "title",
                _("label_list_project", default="Project"),
                lambda b: b.Title,
                "sortable_title",
                link=True,
            ),
            Column(
                "code",
                _("label_project_code", default="Project code"),
                lambda b: meta(getattr(b, "project_code", None)) or "",
                secondary=True,
            ),
            Column(
                "jurisdiction",
                _("label_list_jurisdiction", default="Jurisdiction"),
                self.path_jurisdiction,
                secondary=True,
            ),
            Column("unit", _("label_list_unit", default="Budget unit"), self.path_unit),
            Column(
                "budget_kind",
                _("label_budget_kind", default="Budget kind"),
                lambda b: self.budget_kind_titles().get(meta(b.budget_kind), ""),
                "budget_kind",
                secondary=True,
            ),
            Column(
                "special_fund",
                _("label_special_fund_short", default="Special fund"),
                lambda b: self.yes_no(meta(b.is_special_fund)),
                secondary=True,
            ),
            money_column(
                "amount",
                _("column_project_amount", default="Amount (${unit})"),
                lambda b: b.amount,
                "amount",
            ),
            Column(
                "state",
                _("label_state", default="State"),
                self.state_text,
                "review_state",
            ),
            Column(
                "since",
                _("label_state_since", default="Since"),
                lambda b: chinese_date(meta(getattr(b, "state_since", None))),
                "state_since",
                secondary=True,
            ),
        ]


def waiting_days(brain):
    """Whole days since the project entered its state, Beijing's calendar."""
    since = meta(getattr(brain, "state_since", None))
    if since is None:
        return None
    day = since.asdatetime().astimezone(BEIJING).date()
    return (today_in_china() - day).days


class ReviewQueueView(ProjectListView):
    """``@@review-queue``: what waits for the reviewers and the office
    (submitted and goal-reviewed projects, oldest first, with unit, amount,
    special fund and age), and below it the projects returned to their
    units with the reviewer's reason. A unit's staff see their own."""

    index = ViewPageTemplateFile("review_queue.pt")
    title = _("review_queue_title", default="Review queue")
    filters = ("jurisdiction", "unit")
    default_sort = ("state_since", ASCENDING)

    def chosen_year(self):
        # the queue is what waits now, whatever its year; one may narrow it
        return self._year_param()

    def _year_param(self):
        from changde.perfmgmt.core.rules.years import year_or_none

        return year_or_none(self.form.get("year"))

    def extra_query(self):
        query = super().extra_query()
        query["review_state"] = list(WAITING)
        year = self._year_param()
        if year is not None:
            query["year"] = year
        return query

    def columns(self):
        columns = [c for c in super().columns() if c.id not in ("code", "budget_kind")]
        columns.append(
            Column(
                "age",
                _("label_waiting_days", default="Days waiting"),
                lambda b: "" if waiting_days(b) is None else str(waiting_days(b)),
                css="text-end",
            )
        )
        return columns

    def list_macros(self):
        return YearListView.index.macros

    @memoize
    def returned(self):
        """Projects returned to their units, newest first, with the reason."""
        query = {
            "portal_type": self.portal_type,
            **self.scope_query(),
            "review_state": RETURNED,
            "sort_on": "state_since",
            "sort_order": DESCENDING,
        }
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "unit": self.path_unit(brain),
                "jurisdiction": self.path_jurisdiction(brain),
                "reason": meta(getattr(brain, "return_reason", None)) or "",
                "date": chinese_date(meta(getattr(brain, "state_since", None))),
            }
            for brain in api.content.find(**query)[:200]
        ]


class UnitView(ProjectListView):
    """A budget unit's page: its projects by year and state, what was
    returned to it with the reason, and the button to declare one."""

    index = ViewPageTemplateFile("unit.pt")
    filters = ("year", "review_state")

    def columns(self):
        # the unit's own page: no jurisdiction or unit column
        return [c for c in super().columns() if c.id not in ("jurisdiction", "unit")]

    def list_macros(self):
        return YearListView.index.macros

    def may_add_project(self):
        return api.user.has_permission(
            "changde.perfmgmt: Add BudgetProject", obj=self.context
        )

    def add_url(self):
        return f"{self.context.absolute_url()}/++add++BudgetProject"

    def url(self, **changes):
        # the unit's page is its default view: links keep the filters on it
        url = super().url(**changes)
        return url.replace("/@@view?", "?").replace("/@@view", "")

    def state_counts(self):
        """How many of the chosen year's projects are in each state."""
        query = {"portal_type": self.portal_type, **self.scope_query()}
        year = self.chosen_year()
        if year is not None:
            query["year"] = year
        counts = {}
        for brain in api.content.find(**query):
            counts[brain.review_state] = counts.get(brain.review_state, 0) + 1
        titles = self.state_titles()
        return [
            {
                "title": titles(self.portal_type, option["value"]),
                "count": counts.get(option["value"], 0),
                "url": self.url(review_state=option["value"], b_start=None),
            }
            for option in self.state_options()
            if counts.get(option["value"])
        ]

    @memoize
    def returned(self):
        return ReviewQueueView.returned(self)


class MyUnitView(BrowserView):
    """``@@my-unit`` (本单位): takes a unit's staff to their unit's page, a
    district's staff to their district's projects, the office and the
    reviewers to the lists."""

    def target(self):
        if api.user.is_anonymous():
            return None
        roles = api.user.get_roles()
        portal_url = api.portal.get().absolute_url()
        if PERFORMANCE_OFFICER in roles or "Manager" in roles:
            return f"{portal_url}/@@list-projects"
        if BUDGET_REVIEWER in roles:
            return f"{portal_url}/@@review-queue"
        # a district's staff see their jurisdiction; a unit's staff see
        # their unit only (not the jurisdiction it is in)
        jurisdictions = api.content.find(portal_type="Jurisdiction")
        if len(jurisdictions) == 1:
            return f"{jurisdictions[0].getURL()}/@@list-projects"
        units = api.content.find(portal_type="BudgetUnit")
        if len(units) == 1:
            return units[0].getURL()
        return None

    def available(self):
        """For the tab: whether the user is a unit's or a district's staff."""
        if api.user.is_anonymous():
            return False
        roles = api.user.get_roles()
        if {PERFORMANCE_OFFICER, BUDGET_REVIEWER, "Manager"} & set(roles):
            return False
        return self.target() is not None

    def __call__(self):
        target = self.target()
        if target is None:
            target = f"{api.portal.get().absolute_url()}/@@list-projects"
        return self.request.response.redirect(target)


class JurisdictionView(ProjectListView):
    """A jurisdiction's page: its units, the lists scoped to it, and its
    projects of the year."""

    index = ViewPageTemplateFile("jurisdiction.pt")
    filters = ("year", "unit", "review_state")

    def list_macros(self):
        return YearListView.index.macros

    def url(self, **changes):
        url = super().url(**changes)
        return url.replace("/@@view?", "?").replace("/@@view", "")

    def units(self):
        brains = api.content.find(
            context=self.context,
            depth=1,
            portal_type="BudgetUnit",
            sort_on="sortable_title",
        )
        return [{"url": b.getURL(), "title": b.Title} for b in brains]

    def other_lists(self):
        base = self.context.absolute_url()
        return [
            {"url": f"{base}/@@{name}", "title": self.translate(title)}
            for name, title in OTHER_LISTS
        ]


#: the jurisdiction's other lists by year (the fixed names of the contract)
OTHER_LISTS = (
    ("review-queue", _("review_queue_title", default="Review queue")),
    (
        "list-monitoring-records",
        _("list_monitoring_records_title", default="Monitoring records"),
    ),
    ("list-reports", _("list_reports_title", default="Evaluation reports")),
    (
        "list-rectification-items",
        _("list_rectification_title", default="Rectification items"),
    ),
    ("list-negative-list", _("list_negative_title", default="Negative list")),
)


class IndicatorLibraryView(BrowserView):
    """The indicator library (指标库): its templates by sector and level, one
    table from the catalog."""

    def templates(self):
        titles = {
            key: translate(title, context=self.request)
            for key, title in COMPARATOR_TITLES.items()
        }
        brains = api.content.find(
            context=self.context,
            portal_type="IndicatorTemplate",
            sort_on=["sector", "level1", "level2", "sortable_title"],
        )
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "sector": meta(b.sector) or "",
                "level1": meta(b.level1) or "",
                "level2": meta(b.level2) or "",
                "unit": meta(getattr(b, "indicator_unit", None)) or "",
                "comparator": titles.get(
                    meta(getattr(b, "indicator_comparator", None)), ""
                ),
            }
            for b in brains
        ]

    def may_add(self):
        return api.user.has_permission(
            "changde.perfmgmt: Add IndicatorTemplate", obj=self.context
        )
