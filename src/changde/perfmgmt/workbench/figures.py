"""The workbench's numbers for the current user (工作台): one structure for the
viewlet on the home page, the page ``@@workbench`` and ``@workbench`` over
REST.

- the office: items waiting for it by kind and age, the municipal special
  funds against the cap, the year's monitoring rounds with their report
  deadlines (and overdue rounds of any year), records below target and with
  funding to suspend, reports in internal review, the rectification rate and
  overdue items, the negative list, and the result application's
  recommendations with the proposals still waiting for a decision;
- a reviewer: the queue to review, oldest first;
- a unit's staff: its projects by state, the returned ones with the reason,
  monitoring records and self-evaluations due with their deadlines, open
  rectification items;
- a jurisdiction's staff: the same for the jurisdiction's units.

Everything comes from catalog metadata, counted as the user may see it
(restricted searches), with the counting rules of the modules that own the
data; every number carries the address of the list behind it
(:mod:`changde.perfmgmt.core.lists`).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from plone import api
from zope.i18n import translate

from changde.perfmgmt.core import lists
from changde.perfmgmt.core import workflows
from changde.perfmgmt.core.catalog_rows import metadata_rows
from changde.perfmgmt.core.rules.clock import CHINA_TIMEZONE
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.declaration.figures import special_fund_figures
from changde.perfmgmt.declaration.figures import visible_units
from changde.perfmgmt.evaluation.figures import as_date
from changde.perfmgmt.evaluation.reports import COUNTED_ITEM_STATES
from changde.perfmgmt.evaluation.rules.rectification import rectification_counts
from changde.perfmgmt.evaluation.settings import rectification_settings
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.figures import year_rounds
from changde.perfmgmt.monitoring.rounds import round_info
from changde.perfmgmt.monitoring.vocabularies import STATUS_TITLES
from changde.perfmgmt.workbench.people import people
from changde.perfmgmt.workbench.rules import deadlines
from changde.perfmgmt.workbench.settings import calendar
from changde.perfmgmt.workbench.settings import workbench_settings

#: How many items a list on the workbench shows (the link shows them all).
SHOWN = 10

#: What waits for the office: (kind, portal type, states, list view).
OFFICE_WAITING = (
    ("projects_to_review", "BudgetProject", ("submitted",), lists.PROJECTS),
    ("projects_to_approve", "BudgetProject", ("reviewed",), lists.PROJECTS),
    (
        "records_to_confirm",
        "MonitoringRecord",
        ("submitted",),
        lists.MONITORING_RECORDS,
    ),
    ("reports_in_review", "EvaluationReport", ("internal_review",), lists.REPORTS),
    ("items_to_accept", "RectificationItem", ("submitted",), lists.RECTIFICATION_ITEMS),
    ("entries_to_decide", "NegativeListEntry", ("proposed",), lists.NEGATIVE_LIST),
)
WAITING_TITLES = {
    "projects_to_review": _("waiting_projects_to_review", default="Projects to review"),
    "projects_to_approve": _(
        "waiting_projects_to_approve", default="Projects to approve"
    ),
    "records_to_confirm": _(
        "waiting_records_to_confirm", default="Monitoring records to confirm"
    ),
    "reports_in_review": _(
        "waiting_reports_in_review", default="Reports in internal review"
    ),
    "items_to_accept": _("waiting_items_to_accept", default="Rectifications to accept"),
    "entries_to_decide": _(
        "waiting_entries_to_decide", default="Negative-list proposals to decide"
    ),
}

#: The declaration workflow's states, in the order of the work.
PROJECT_STATES = ("draft", "returned", "submitted", "reviewed", "approved")
#: A monitoring record the unit still has to fill in and submit.
RECORD_DUE_STATES = ("draft", "returned")
#: A rectification item waiting for the unit.
ITEM_DUE_STATES = ("open", "reopened")
#: The reviewer's queue: to review, then to approve.
QUEUE_STATES = ("submitted", "reviewed")


@dataclass(frozen=True)
class _Context:
    year: int
    today: datetime.date
    request: object
    portal_url: str
    settings: deadlines.WorkbenchSettings
    calendar: object

    def translate(self, message):
        return translate(message, context=self.request)

    def list_url(self, view, **params):
        return lists.list_url(self.portal_url, view, **params)


def workbench_figures(request, year=None, today=None, user=None):
    """The workbench of the current user (or ``user``) for ``year`` (default:
    this year in China), as plain data."""
    today = today or today_in_china()
    context = _Context(
        year=year or today.year,
        today=today,
        request=request,
        portal_url=api.portal.get().absolute_url(),
        settings=workbench_settings(),
        calendar=calendar(),
    )
    who = people(user)
    answer = {
        "year": context.year,
        "today": today,
        "office": office_section(context) if who.office else None,
        "reviewer": reviewer_section(context) if who.reviewer else None,
        "units": [tenant_section(context, unit, "unit") for unit in who.units],
        "jurisdictions": [
            tenant_section(context, jurisdiction, "jurisdiction")
            for jurisdiction in who.jurisdictions
        ],
    }
    answer["empty"] = not (
        answer["office"]
        or answer["reviewer"]
        or answer["units"]
        or answer["jurisdictions"]
    )
    return answer


# --- helpers -------------------------------------------------------------------


def _find(**query):
    return api.content.find(**query)


def _count(**query):
    return len(api.content.find(**query))


def _since(value):
    """The date an item entered its state (China's date) from its
    ``state_since`` metadata, or None."""
    if not hasattr(value, "asdatetime"):
        return None
    return value.asdatetime().astimezone(CHINA_TIMEZONE).date()


def _moment(value):
    """Sort key of a ``state_since``: when the item entered its state
    (unknown last)."""
    if not hasattr(value, "timeTime"):
        return (1, 0.0)
    return (0, value.timeTime())


class _Ages:
    """Working days waited, memoized by date (many items arrive the same day)."""

    def __init__(self, context):
        self.context = context
        self.memo = {}

    def days(self, since):
        if since is None:
            return None
        if since not in self.memo:
            self.memo[since] = deadlines.waiting_workdays(
                since, self.context.today, self.context.calendar
            )
        return self.memo[since]

    def band(self, days):
        if days is None:
            return None
        return deadlines.age_band(days, self.context.settings)


def state_title(portal_type, state, request):
    """The title of ``state`` in the workflow of ``portal_type``, in the
    reader's language (read from the workflow's definition)."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow_id in workflow_tool.getChainForPortalType(portal_type):
        title = workflows.state_title(workflow_id, state)
        if title is not None:
            return translate(title, context=request)
    return state


def _unit_titles(path=None):
    return {unit_path: unit.title for unit_path, unit in visible_units(path).items()}


def _unit_of(brain, titles):
    path = brain.getPath().rsplit("/", 1)[0]
    return titles.get(path, "")


# --- the office ------------------------------------------------------------------


def office_section(context):
    return {
        "waiting": waiting_rows(context),
        "special_funds": special_funds_row(context),
        "rounds": round_rows(context),
        "reports_in_review": {
            "count": _count(
                portal_type="EvaluationReport",
                review_state="internal_review",
                year=context.year,
            ),
            "url": context.list_url(
                lists.REPORTS, year=context.year, review_state="internal_review"
            ),
        },
        "rectification": rectification_row(context),
        "negative_list": {
            "listed": _count(
                portal_type="NegativeListEntry",
                review_state="listed",
                year=context.year,
            ),
            "proposed": _count(
                portal_type="NegativeListEntry",
                review_state="proposed",
                year=context.year,
            ),
            "listed_url": context.list_url(
                lists.NEGATIVE_LIST, year=context.year, review_state="listed"
            ),
            "proposed_url": context.list_url(
                lists.NEGATIVE_LIST, year=context.year, review_state="proposed"
            ),
        },
        "recommendations": recommendations_row(context),
    }


def waiting_rows(context):
    """Per kind and year: how many wait, how many are new, aging and long
    waiting, since when the oldest waits."""
    ages = _Ages(context)
    rows = []
    for kind, portal_type, states, view in OFFICE_WAITING:
        by_year = {}
        for year, state_since in metadata_rows(
            ["year", "state_since"], portal_type=portal_type, review_state=list(states)
        ):
            year = year if isinstance(year, int) else None
            row = by_year.get(year)
            if row is None:
                row = by_year[year] = {
                    "kind": kind,
                    "title": context.translate(WAITING_TITLES[kind]),
                    "year": year,
                    "count": 0,
                    **dict.fromkeys(deadlines.AGE_BANDS, 0),
                    "oldest_since": None,
                    "url": context.list_url(view, year=year, review_state=list(states)),
                }
            row["count"] += 1
            since = _since(state_since)
            band = ages.band(ages.days(since))
            if band is not None:
                row[band] += 1
            if since is not None and (
                row["oldest_since"] is None or since < row["oldest_since"]
            ):
                row["oldest_since"] = since
        for year in sorted(by_year, key=lambda y: (y is None, -(y or 0))):
            row = by_year[year]
            row["oldest_days"] = ages.days(row["oldest_since"])
            rows.append(row)
    return rows


def special_funds_row(context):
    found = special_fund_figures(context.year)
    if found is None:
        return None
    municipal, usage = found
    return {
        "jurisdiction": municipal.id,
        "title": municipal.title,
        "approved": usage.approved,
        "cap": usage.cap,
        "remaining": usage.remaining,
        "at_cap": usage.approved >= usage.cap,
        "url": context.list_url(
            lists.PROJECTS,
            year=context.year,
            jurisdiction=municipal.id,
            review_state="approved",
            special_fund=True,
        ),
    }


def _round_row(context, monitoring_round):
    info = round_info(monitoring_round, today=context.today)
    uid = info["UID"]
    year = info["year"]

    def records(**query):
        return _count(
            portal_type="MonitoringRecord", monitoring_round=uid, year=year, **query
        )

    def url(**params):
        return context.list_url(
            lists.MONITORING_RECORDS, year=year, round=uid, **params
        )

    return {
        "UID": uid,
        "@id": info["@id"],
        "title": info["title"],
        "year": year,
        "round_number": info["round_number"],
        "cutoff_date": info["cutoff_date"],
        "report_due": info["report_due"],
        "report_status": info["report_status"],
        "status_title": context.translate(STATUS_TITLES[info["report_status"]])
        if info["report_status"]
        else None,
        "overdue": info["overdue"],
        "records": records(),
        "records_url": url(),
        "submitted": records(review_state="submitted"),
        "submitted_url": url(review_state="submitted"),
        "below_target": records(monitoring_flags="below_target"),
        "below_target_url": url(flag="below_target"),
        "suspension": records(monitoring_flags="suspension"),
        "suspension_url": url(flag="suspension"),
    }


def round_rows(context):
    """The year's rounds, then the overdue rounds of other years."""
    rounds = list(year_rounds(context.year))
    seen = {monitoring_round.UID() for monitoring_round in rounds}
    for brain in _find(portal_type="MonitoringRound"):
        if brain.UID in seen or brain.year == context.year:
            continue
        monitoring_round = brain.getObject()
        if monitoring_round.overdue:
            rounds.append(monitoring_round)
    return [_round_row(context, monitoring_round) for monitoring_round in rounds]


def rectification_row(context):
    """The year's fed-back items: the rate, and the overdue items of every
    year (an overdue item waits whatever its year)."""
    settings = rectification_settings()
    counts = rectification_counts(
        (
            (brain.review_state, as_date(brain.deadline))
            for brain in _find(
                portal_type="RectificationItem",
                year=context.year,
                review_state=list(COUNTED_ITEM_STATES),
            )
        ),
        context.today,
        settings,
    )
    overdue = _count(
        portal_type="RectificationItem",
        review_state=["open", "submitted", "reopened"],
        deadline={"query": context.today - datetime.timedelta(days=1), "range": "max"},
    )
    return {
        "total": counts.total,
        "accepted": counts.accepted,
        "rate": counts.rate,
        "met": counts.met,
        "target_rate": settings.target_rate,
        "overdue": overdue,
        "url": context.list_url(
            lists.RECTIFICATION_ITEMS,
            year=context.year,
            review_state=list(COUNTED_ITEM_STATES),
        ),
        "overdue_url": context.list_url(lists.RECTIFICATION_ITEMS, overdue=True),
    }


def recommendations_row(context):
    """The result application's run of the year (else the latest one before
    it): its recommendations, and its negative-list proposals still waiting
    for the office's decision."""
    from changde.perfmgmt.evaluation.folders import evaluation_folder

    folder = evaluation_folder(create=False)
    runs = getattr(folder, "result_runs", None) if folder is not None else None
    if not runs:
        return None
    years = [year for year in runs.keys() if year <= context.year]
    if not years:
        return None
    run = runs[max(years)]
    items = run.get("items") or ()
    recommendations = sum(len(item.get("recommendations") or ()) for item in items)
    projects = sum(1 for item in items if item.get("recommendations"))
    entries = [
        proposal.get("entry")
        for item in items
        for proposal in item.get("negative_list_proposals") or ()
        if proposal.get("entry")
    ]
    waiting = (
        _count(portal_type="NegativeListEntry", UID=entries, review_state="proposed")
        if entries
        else 0
    )
    return {
        "year": run.get("year"),
        "run_at": run.get("run_at"),
        "recommendations": recommendations,
        "projects": projects,
        "proposals_waiting": waiting,
        "url": f"{folder.absolute_url()}/@@result-application?year={run.get('year')}",
        "proposals_url": context.list_url(
            lists.NEGATIVE_LIST, year=run.get("year"), review_state="proposed"
        ),
    }


# --- a reviewer ------------------------------------------------------------------


def reviewer_section(context):
    """The projects to review or approve, oldest first."""
    ages = _Ages(context)
    rows = sorted(
        metadata_rows(
            [
                "state_since",
                "Title",
                "amount",
                "is_special_fund",
                "review_state",
                "year",
            ],
            with_path=True,
            portal_type="BudgetProject",
            review_state=list(QUEUE_STATES),
        ),
        key=lambda row: _moment(row[1]),
    )
    titles = _unit_titles() if rows else {}
    prefix = len("/".join(api.portal.get().getPhysicalPath())) + 1
    items = []
    for path, state_since, title, amount, special, state, year in rows[:SHOWN]:
        since = _since(state_since)
        days = ages.days(since)
        items.append(
            {
                "title": title,
                "@id": f"{context.portal_url}/{path[prefix:]}",
                "unit_title": titles.get(path.rsplit("/", 1)[0], ""),
                "amount": amount if isinstance(amount, Decimal | int | float) else None,
                "is_special_fund": special is True,
                "review_state": state,
                "state_title": state_title("BudgetProject", state, context.request),
                "year": year,
                "since": since,
                "days": days,
                "band": ages.band(days),
            }
        )
    return {
        "count": len(rows),
        "queue": items,
        "url": lists.list_url(context.portal_url, lists.REVIEW_QUEUE),
    }


# --- a unit's or a jurisdiction's staff --------------------------------------------


def _tenant_filters(tenant, kind):
    """Catalog filters and list parameters of a tenant's items."""
    if kind == "unit":
        return {
            "projects": {"path": tenant.path},
            "records": {"jurisdiction": tenant.jurisdiction, "budget_unit": tenant.id},
            "reports": {"unit_uid": tenant.uid},
            "items": {"owner_unit": tenant.uid},
            "params": {"jurisdiction": tenant.jurisdiction, "unit": tenant.uid},
        }
    return {
        "projects": {"path": tenant.path},
        "records": {"jurisdiction": tenant.id},
        "reports": {"jurisdiction": tenant.id},
        "items": {"jurisdiction": tenant.id},
        "params": {"jurisdiction": tenant.id},
    }


def tenant_section(context, tenant, kind):
    filters = _tenant_filters(tenant, kind)
    params = filters["params"]
    titles = _unit_titles(tenant.path) if kind == "jurisdiction" else {}
    projects = [
        {
            "state": state,
            "title": state_title("BudgetProject", state, context.request),
            "count": _count(
                portal_type="BudgetProject",
                year=context.year,
                review_state=state,
                **filters["projects"],
            ),
            "url": context.list_url(
                lists.PROJECTS, year=context.year, review_state=state, **params
            ),
        }
        for state in PROJECT_STATES
    ]
    ages = _Ages(context)
    returned = []
    for brain in _find(
        portal_type="BudgetProject", review_state="returned", **filters["projects"]
    ):
        since = _since(brain.state_since)
        returned.append(
            {
                "title": brain.Title,
                "@id": brain.getURL(),
                "year": brain.year,
                "unit_title": _unit_of(brain, titles) if titles else tenant.title,
                "reason": brain.state_comment,
                "since": since,
                "_moment": _moment(brain.state_since),
                "days": ages.days(since),
            }
        )
    returned.sort(key=lambda row: row["_moment"])
    for row in returned:
        del row["_moment"]
    return {
        "kind": kind,
        "id": tenant.id,
        "title": tenant.title,
        "@id": tenant.url,
        "UID": tenant.uid,
        "projects": projects,
        "returned": returned[:SHOWN],
        "returned_count": len(returned),
        "returned_url": context.list_url(
            lists.PROJECTS, review_state="returned", **params
        ),
        "records_due": records_due(context, filters),
        "self_evaluations_due": self_evaluations_due(context, filters),
        **rectification_due(context, filters),
    }


def records_due(context, filters):
    """Per round: the records still to fill in and submit (draft or
    returned), due before the round's report to the leadership group."""
    counts = {}
    for brain in _find(
        portal_type="MonitoringRecord",
        review_state=list(RECORD_DUE_STATES),
        **filters["records"],
    ):
        key = (brain.year, brain.round_number)
        counts[key] = counts.get(key, 0) + 1
    rows = []
    for year in sorted({year for year, number in counts}):
        for monitoring_round in year_rounds(year):
            key = (year, monitoring_round.round_number)
            if key not in counts:
                continue
            info = round_info(monitoring_round, today=context.today)
            due = monitoring_round.report_due
            rows.append(
                {
                    "title": info["title"],
                    "@id": info["@id"],
                    "year": year,
                    "count": counts[key],
                    "deadline": due,
                    "overdue": deadlines.is_past(due, context.today),
                    "url": context.list_url(
                        lists.MONITORING_RECORDS,
                        year=year,
                        round=info["UID"],
                        review_state=list(RECORD_DUE_STATES),
                        **filters["params"],
                    ),
                }
            )
    return rows


def self_evaluations_due(context, filters):
    """The self-evaluations still in draft, with the day they are due."""
    rows = []
    for brain in _find(
        portal_type="EvaluationReport",
        evaluation_kind="self",
        review_state="draft",
        **filters["reports"],
    ):
        due = (
            deadlines.self_evaluation_due(brain.year, context.settings)
            if isinstance(brain.year, int)
            else None
        )
        rows.append(
            {
                "title": brain.Title,
                "@id": brain.getURL(),
                "year": brain.year,
                "deadline": due,
                "overdue": deadlines.is_past(due, context.today),
            }
        )
    rows.sort(key=lambda row: (row["deadline"] or datetime.date.max, row["title"]))
    return rows


def rectification_due(context, filters):
    """The rectification items waiting for the unit (open or reopened), the
    nearest deadline first."""
    rows = []
    for brain in _find(
        portal_type="RectificationItem",
        review_state=list(ITEM_DUE_STATES),
        **filters["items"],
    ):
        deadline = as_date(brain.deadline)
        rows.append(
            {
                "title": brain.Title,
                "@id": brain.getURL(),
                "year": brain.year,
                "review_state": brain.review_state,
                "state_title": state_title(
                    "RectificationItem", brain.review_state, context.request
                ),
                "deadline": deadline,
                "overdue": deadlines.is_past(deadline, context.today),
            }
        )
    rows.sort(key=lambda row: (row["deadline"] or datetime.date.max, row["title"]))
    return {
        "rectification_due": rows[:SHOWN],
        "rectification_due_count": len(rows),
        "rectification_overdue": sum(1 for row in rows if row["overdue"]),
        "rectification_url": context.list_url(
            lists.RECTIFICATION_ITEMS,
            review_state=list(ITEM_DUE_STATES),
            **filters["params"],
        ),
        "rectification_overdue_url": context.list_url(
            lists.RECTIFICATION_ITEMS, overdue=True, **filters["params"]
        ),
    }
