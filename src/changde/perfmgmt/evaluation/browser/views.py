"""Classic UI pages of the evaluation module: the performance column (the
evaluation folder's view), result application, the rectification overview,
the missing self-evaluations and the negative list.

The pages call the same functions as the REST services (application.py,
rectification.py, self_evaluations.py, excel.py) and the same workflow
transitions; listings read the catalog."""

import datetime
from urllib.parse import urlencode

import transaction
from AccessControl import Unauthorized
from Missing import MV
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.i18n import translate

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation import excel
from changde.perfmgmt.evaluation.application import filter_run
from changde.perfmgmt.evaluation.application import run_result_application
from changde.perfmgmt.evaluation.application import stored_run
from changde.perfmgmt.evaluation.negative_list import negative_list_folder
from changde.perfmgmt.evaluation.rectification import rectification_summary
from changde.perfmgmt.evaluation.self_evaluations import STARTED
from changde.perfmgmt.evaluation.self_evaluations import create_self_evaluation_drafts
from changde.perfmgmt.evaluation.self_evaluations import missing_self_evaluations
from changde.perfmgmt.evaluation.vocabularies import ACTION_TITLES
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES
from changde.perfmgmt.evaluation.vocabularies import REASON_TITLES
from changde.perfmgmt.i18n import _

MANAGE = "changde.perfmgmt: Manage evaluation"

REPORT_STATE_TITLES = {
    "draft": _("eval_report_state_draft", default="草稿"),
    "internal_review": _("eval_report_state_internal_review", default="内部点评"),
    "approved": _("eval_report_state_approved", default="市政府已批准"),
    "fed_back": _("eval_report_state_fed_back", default="已反馈"),
    "published": _("eval_report_state_published", default="已公开"),
}
ENTRY_STATE_TITLES = {
    "proposed": _("negative_state_proposed", default="拟列入"),
    "listed": _("negative_state_listed", default="已列入"),
    "released": _("negative_state_released", default="已移出"),
    "rejected": _("negative_state_rejected", default="不予列入"),
}
ITEM_STATE_TITLES = {
    "open": _("rectification_state_open", default="待整改"),
    "submitted": _("rectification_state_submitted", default="已提交"),
    "accepted": _("rectification_state_accepted", default="已验收"),
    "reopened": _("rectification_state_reopened", default="退回重改"),
}
TARGET_KIND_TITLES = {
    "project": _("negative_target_project", default="项目"),
    "unit": _("negative_target_unit", default="单位"),
}
#: the report filters of the office's listing (catalog indexes)
REPORT_FILTERS = ("year", "evaluation_kind", "review_state")


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class Labels:
    """Translated labels and the office's permission."""

    def label(self, titles, value):
        title = titles.get(value)
        return translate(title, context=self.request) if title else (value or "")

    def kind_label(self, kind):
        return self.label(KIND_TITLES, kind)

    def grade_label(self, grade):
        return self.label(GRADE_TITLES, grade)

    def report_state_label(self, state):
        return self.label(REPORT_STATE_TITLES, state)

    def entry_state_label(self, state):
        return self.label(ENTRY_STATE_TITLES, state)

    def item_state_label(self, state):
        return self.label(ITEM_STATE_TITLES, state)

    def reason_label(self, reason):
        return self.label(REASON_TITLES, reason)

    def action_label(self, action):
        return self.label(ACTION_TITLES, action)

    def target_kind_label(self, kind):
        return self.label(TARGET_KIND_TITLES, kind)

    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def folder_url(self):
        return self.context.absolute_url()

    def message(self, text, kind="info"):
        api.portal.show_message(
            translate(text, context=self.request), request=self.request, type=kind
        )

    def refuse_anonymous(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see this page.")


def _meta(value):
    """Catalog metadata without ``Missing.Value``."""
    return None if value is None or value is MV else value


def report_row(brain):
    """A report of a listing, from its catalog metadata."""
    score = _meta(brain.score)
    return {
        "url": brain.getURL(),
        "title": brain.Title,
        "kind": brain.evaluation_kind,
        "year": brain.year,
        "score": None if score is None else str(score),
        "grade": _meta(brain.evaluation_grade),
        "unit": _meta(brain.unit_title) or _meta(brain.jurisdiction_title),
        "review_state": brain.review_state,
    }


def _newest_first(rows):
    return sorted(rows, key=lambda row: (-(row["year"] or 0), row["title"] or ""))


class ColumnView(BrowserView, Labels):
    """The performance column (绩效专栏): the published reports for everyone,
    newest year first; for the office all reports by state, with filters."""

    def _reports(self, **query):
        return [
            report_row(brain)
            for brain in api.content.find(
                context=self.context, portal_type="EvaluationReport", **query
            )
        ]

    @memoize
    def published(self):
        return _newest_first(self._reports(review_state="published"))

    def filters(self):
        form = self.request.form
        values = {name: form.get(name) for name in REPORT_FILTERS if form.get(name)}
        if "year" in values:
            values["year"] = _int(values["year"])
        return {name: value for name, value in values.items() if value}

    @memoize
    def all_reports(self):
        if not self.can_manage():
            return []
        return _newest_first(self._reports())

    @memoize
    def reports(self):
        """The office's listing: the reports matching the filters."""
        if not self.can_manage():
            return []
        return _newest_first(self._reports(**self.filters()))

    def state_counts(self):
        counts = {}
        for row in self.all_reports():
            counts[row["review_state"]] = counts.get(row["review_state"], 0) + 1
        return [
            {
                "state": state,
                "title": self.report_state_label(state),
                "count": counts.get(state, 0),
                "url": f"{self.folder_url()}?{urlencode({'review_state': state})}",
            }
            for state in REPORT_STATE_TITLES
        ]

    def options(self):
        years = sorted(
            {row["year"] for row in self.all_reports() if row["year"]}, reverse=True
        )
        return {
            "year": [(str(year), str(year)) for year in years],
            "evaluation_kind": [(kind, self.kind_label(kind)) for kind in KIND_TITLES],
            "review_state": [
                (state, self.report_state_label(state)) for state in REPORT_STATE_TITLES
            ],
        }

    def selected(self, name, value):
        return str(self.request.form.get(name, "")) == str(value)

    def negative_list_url(self):
        folder = negative_list_folder(create=False)
        return folder.absolute_url() if folder is not None else None

    def is_anonymous(self):
        return api.user.is_anonymous()

    def shows_own_work(self):
        """Signed-in staff other than the office see their own to-dos."""
        return not self.is_anonymous() and not self.can_manage()

    @memoize
    def self_evaluation_drafts(self):
        """The self-evaluations the user's unit writes (drafts it may see)."""
        return _newest_first(
            self._reports(evaluation_kind="self", review_state="draft")
        )

    @memoize
    def awaiting_rectification(self):
        """The fed-back reports whose items wait for the user's unit."""
        return rectification_summary()["awaiting_rectification"]


class ResultApplicationView(BrowserView, Labels):
    """结果应用: run the year (POST, the same function as POST
    @result-application), the stored run with a filter by action, the export,
    and the proposed negative-list entries with confirm / reject."""

    errors = ()

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            if form.get("form.buttons.run"):
                return self.run_year()
            for transition in ("confirm", "reject"):
                if form.get(f"form.buttons.{transition}"):
                    return self.transition_entries(transition)
        return self.index()

    def redirect(self, year):
        url = f"{self.folder_url()}/@@result-application?year={year}"
        self.request.response.redirect(url)
        return ""

    def run_year(self):
        form = self.request.form
        year = year_or_none(form.get("year"))
        as_of = None
        errors = []
        if year is None:
            errors.append(_("error_year_required", default="请填写年度(2000–2100)。"))
        if form.get("as_of"):
            try:
                as_of = datetime.date.fromisoformat(str(form["as_of"]))
            except ValueError:
                errors.append(
                    _("error_as_of_not_a_date", default="日期格式应为 YYYY-MM-DD。")
                )
        if errors:
            self.errors = [translate(error, context=self.request) for error in errors]
            return self.index()
        run = run_result_application(
            year,
            self.context,
            self.request,
            as_of=as_of,
            user=api.user.get_current().getId(),
        )
        self.message(
            _(
                "result_application_done",
                default="${year}年结果应用已运行:${count} 个项目。",
                mapping={"year": str(year), "count": str(len(run["items"]))},
            )
        )
        return self.redirect(year)

    def transition_entries(self, transition):
        """Confirm (列入) or reject (不予列入, the reason in the comment) the
        chosen proposed entries: the workflow's transitions, all or nothing."""
        form = self.request.form
        uids = form.get("entries") or []
        if isinstance(uids, str):
            uids = [uids]
        uids = [uid for uid in uids if uid]
        if not uids:  # an empty UID query would match every entry
            self.errors = [
                translate(
                    _("error_choose_entries", default="请先选择条目。"),
                    context=self.request,
                )
            ]
            return self.index()
        comment = (form.get("comment") or "").strip()
        workflow = api.portal.get_tool("portal_workflow")
        done = 0
        try:
            for brain in api.content.find(
                portal_type="NegativeListEntry", UID=list(uids), review_state="proposed"
            ):
                workflow.doActionFor(brain.getObject(), transition, comment=comment)
                done += 1
        except WorkflowException as error:
            transaction.doom()
            self.errors = [str(error)]
            return self.index()
        if transition == "confirm":
            text = _(
                "negative_entries_confirmed",
                default="已将 ${count} 条列入负面清单。",
                mapping={"count": str(done)},
            )
        else:
            text = _(
                "negative_entries_rejected",
                default="${count} 条不予列入负面清单。",
                mapping={"count": str(done)},
            )
        self.message(text)
        return self.redirect(self.year())

    def run_years(self):
        runs = self.context.result_runs
        return sorted(runs.keys(), reverse=True) if runs is not None else []

    @memoize
    def year(self):
        year = year_or_none(self.request.form.get("year"))
        if year:
            return year
        years = self.run_years()
        return years[0] if years else datetime.date.today().year - 1

    def action(self):
        return self.request.form.get("action") or None

    @memoize
    def stored(self):
        return stored_run(self.context, self.year())

    @memoize
    def run(self):
        return filter_run(self.stored(), action=self.action())

    def rows(self):
        """One row per project and recommendation (a project without any gets
        one row), as in the Excel export."""
        run = self.run()
        if run is None:
            return []
        rows = []
        for item in run["items"]:
            recommendations = item["recommendations"] or [None]
            for index, recommendation in enumerate(recommendations):
                rows.append(
                    {
                        "first": index == 0,
                        "span": len(recommendations),
                        "item": item,
                        "recommendation": recommendation,
                    }
                )
        return rows

    def rates(self, item):
        return "、".join(
            f"{year}: {rate}%"
            for year, rate in item["facts"]["final_execution_rates"].items()
        )

    def action_options(self):
        return [(action, self.action_label(action)) for action in ACTION_TITLES]

    @memoize
    def proposals(self):
        """The negative-list entries the run proposed, with their current
        state (catalog)."""
        run = self.stored()
        if run is None:
            return []
        proposals = [
            (item, proposal)
            for item in run["items"]
            for proposal in item["negative_list_proposals"]
            if proposal.get("entry")
        ]
        brains = (
            {
                brain.UID: brain
                for brain in api.content.find(
                    portal_type="NegativeListEntry",
                    UID=[proposal["entry"] for _item, proposal in proposals],
                )
            }
            if proposals
            else {}
        )
        rows = []
        for item, proposal in proposals:
            brain = brains.get(proposal["entry"])
            if brain is None:
                continue
            rows.append(
                {
                    "uid": brain.UID,
                    "url": brain.getURL(),
                    "target": item["title"],
                    "project_code": item["project_code"],
                    "reason": self.reason_label(proposal["reason"]),
                    "review_state": brain.review_state,
                    "state": self.entry_state_label(brain.review_state),
                    "proposed": brain.review_state == "proposed",
                }
            )
        return rows

    def has_proposed(self):
        return any(row["proposed"] for row in self.proposals())

    def export_url(self):
        return f"{self.folder_url()}/@@result-application.xlsx?year={self.year()}"


class ResultApplicationExport(BrowserView):
    """The stored run of ``year`` as .xlsx (same as
    @result-application-export)."""

    def __call__(self):
        year = year_or_none(self.request.form.get("year"))
        run = stored_run(self.context, year) if year else None
        if run is None:
            raise BadRequest("No result application run for this year.")
        data = excel.export_run(run)
        return xlsx_response(self.request, data, f"result-application-{year}.xlsx")


class RectificationView(BrowserView, Labels):
    """整改情况: rates per report, unit, jurisdiction and year against the
    target, overdue items highlighted (same as GET @rectification): the items
    the user may see."""

    FILTERS = ("jurisdiction", "budget_unit")

    def __call__(self):
        self.refuse_anonymous()
        return self.index()

    def year(self):
        return year_or_none(self.request.form.get("year"))

    def filters(self):
        form = self.request.form
        return {name: form.get(name) for name in self.FILTERS if form.get(name)}

    @memoize
    def summary(self):
        return rectification_summary(year=self.year(), **self.filters())

    @memoize
    def options(self):
        summary = rectification_summary()
        return {
            "year": [str(row["key"]) for row in summary["by_year"] if row["key"]],
            "jurisdiction": [
                (row["key"], row["title"])
                for row in summary["by_jurisdiction"]
                if row["key"]
            ],
            "budget_unit": [
                (row["key"], row["title"]) for row in summary["by_unit"] if row["key"]
            ],
        }

    def selected(self, name, value):
        return str(self.request.form.get(name, "")) == str(value)

    def groups(self):
        summary = self.summary()
        return [
            (
                _("heading_rate_by_report", default="按评价报告(来源)"),
                summary["by_source"],
            ),
            (_("heading_rate_by_unit", default="按预算单位"), summary["by_unit"]),
            (
                _("heading_rate_by_jurisdiction", default="按地区"),
                summary["by_jurisdiction"],
            ),
            (_("heading_rate_by_year", default="按年度"), summary["by_year"]),
        ]

    def group_title(self, title):
        return translate(title, context=self.request)


class MissingSelfEvaluationsView(BrowserView, Labels):
    """The approved projects of a year whose self-evaluation is not submitted
    (same as GET @missing-self-evaluations), and the office's button that
    creates the year's drafts (same as POST @self-evaluation-drafts)."""

    errors = ()

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get(
            "form.buttons.create_drafts"
        ):
            CheckAuthenticator(self.request)
            return self.create_drafts()
        return self.index()

    def create_drafts(self):
        year = year_or_none(self.request.form.get("year"))
        if year is None:
            self.errors = [
                translate(
                    _("error_year_required", default="请填写年度(2000–2100)。"),
                    context=self.request,
                )
            ]
            return self.index()
        created = create_self_evaluation_drafts(year, self.context, self.request)
        self.message(
            _(
                "self_evaluation_drafts_created",
                default="已为 ${count} 个项目生成${year}年度自评草稿。",
                mapping={"count": str(len(created)), "year": str(year)},
            )
        )
        url = f"{self.folder_url()}/@@missing-self-evaluations?year={year}"
        self.request.response.redirect(url)
        return ""

    def year(self):
        year = year_or_none(self.request.form.get("year"))
        return year or datetime.date.today().year - 1

    @memoize
    def items(self):
        return missing_self_evaluations(self.year())

    def started_count(self):
        return sum(1 for item in self.items() if item["status"] == STARTED)


class NegativeListView(BrowserView, Labels):
    """负面清单: the entries the user may see (catalog), with filters by year
    and state; anonymous visitors are refused."""

    def __call__(self):
        self.refuse_anonymous()
        return self.index()

    def filters(self):
        form = self.request.form
        query = {}
        if year_or_none(form.get("year")):
            query["year"] = year_or_none(form.get("year"))
        if form.get("review_state") in ENTRY_STATE_TITLES:
            query["review_state"] = form["review_state"]
        return query

    def entries(self):
        rows = []
        for brain in api.content.find(
            context=self.context,
            portal_type="NegativeListEntry",
            sort_on="year",
            sort_order="descending",
            **self.filters(),
        ):
            rows.append(
                {
                    "url": brain.getURL(),
                    "target": _meta(brain.target_title) or brain.Title,
                    "target_kind": self.target_kind_label(_meta(brain.target_kind)),
                    "target_code": _meta(brain.target_code),
                    "unit": _meta(brain.unit_title) or _meta(brain.jurisdiction_title),
                    "reason": self.reason_label(_meta(brain.negative_reason)),
                    "reason_detail": _meta(brain.reason_detail),
                    "year": brain.year,
                    "review_state": brain.review_state,
                    "state": self.entry_state_label(brain.review_state),
                }
            )
        return rows

    def state_options(self):
        return [(state, self.entry_state_label(state)) for state in ENTRY_STATE_TITLES]

    def selected(self, name, value):
        return str(self.request.form.get(name, "")) == str(value)
