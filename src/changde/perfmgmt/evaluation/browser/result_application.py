"""Result application (R-M10): the year's recommendations and the office's run."""

import datetime

import transaction
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.application import filter_run
from changde.perfmgmt.evaluation.application import run_result_application
from changde.perfmgmt.evaluation.application import stored_run
from changde.perfmgmt.evaluation.browser.base import Labels
from changde.perfmgmt.evaluation.vocabularies import ACTION_TITLES
from changde.perfmgmt.i18n import _


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
        return years[0] if years else today_in_china().year - 1

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
