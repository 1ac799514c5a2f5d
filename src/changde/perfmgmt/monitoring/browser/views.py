"""Pages of the monitoring module: the monitoring folder (rounds, overdue,
create a year's rounds), the round (records, filters, counts, chart, Excel),
the Excel upload, and a project's records across rounds."""

import json
from html import escape
from urllib.parse import urlencode

import transaction
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
from zope.i18n import translate

from changde.perfmgmt.core.browser.money import display_amount
from changde.perfmgmt.core.browser.money import money_unit_label
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.numbers import HUNDRED
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring import excel
from changde.perfmgmt.monitoring import import_progress
from changde.perfmgmt.monitoring import importer
from changde.perfmgmt.monitoring.records import project_of
from changde.perfmgmt.monitoring.records import records_of_project
from changde.perfmgmt.monitoring.rounds import approved_projects
from changde.perfmgmt.monitoring.rounds import create_year_rounds
from changde.perfmgmt.monitoring.rounds import prepare_records
from changde.perfmgmt.monitoring.rounds import round_info
from changde.perfmgmt.monitoring.rounds import rounds_in
from changde.perfmgmt.monitoring.rules.flags import below_target
from changde.perfmgmt.monitoring.summary import FILTERS
from changde.perfmgmt.monitoring.summary import pinyin
from changde.perfmgmt.monitoring.summary import public_item
from changde.perfmgmt.monitoring.summary import record_item
from changde.perfmgmt.monitoring.summary import round_summary
from changde.perfmgmt.monitoring.vocabularies import FLAG_TITLES
from changde.perfmgmt.monitoring.vocabularies import FOCUS_TITLES
from changde.perfmgmt.monitoring.vocabularies import SEVERITY_TITLES
from changde.perfmgmt.monitoring.vocabularies import STATE_TITLES
from changde.perfmgmt.monitoring.vocabularies import STATUS_TITLES

MANAGE = "changde.perfmgmt: Manage monitoring"


class LabelsMixin:
    def amount(self, value):
        """An amount in the office's unit (元 or 万元), for a column whose
        header names the unit."""
        return display_amount(value)

    def money_unit_label(self):
        return money_unit_label(request=self.request)

    def label(self, titles, value):
        title = titles.get(value)
        return translate(title, context=self.request) if title else (value or "")

    def flag_label(self, flag):
        return self.label(FLAG_TITLES, flag)

    def severity_label(self, severity):
        return self.label(SEVERITY_TITLES, severity)

    def state_label(self, state):
        return self.label(STATE_TITLES, state)

    def status_label(self, status):
        return self.label(STATUS_TITLES, status)

    def focus_label(self, item):
        return self.label(FOCUS_TITLES, item)

    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def message(self, text, kind="info"):
        api.portal.show_message(
            translate(text, context=self.request), request=self.request, type=kind
        )


class FolderView(BrowserView, LabelsMixin):
    """The rounds of every year, newest first; overdue ones marked."""

    def rounds(self):
        today = today_in_china()
        items = [round_info(obj, today) for obj in rounds_in(self.context)]
        items.sort(key=lambda item: (-(item["year"] or 0), item["round_number"] or 0))
        return items

    def overdue(self):
        return [item for item in self.rounds() if item["overdue"]]

    def this_year(self):
        return today_in_china().year


class CreateYearRounds(BrowserView, LabelsMixin):
    """POST: create the rounds of ``year`` (one action), back to the folder."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        year = year_or_none(self.request.form.get("year"))
        if year is None:
            self.message(
                _("monitoring_year_invalid", default="请输入有效的年度。"), "error"
            )
        else:
            created, existing = create_year_rounds(year, self.context)
            self.message(
                _(
                    "monitoring_rounds_created",
                    default="${year}年：新建 ${created} 个监控轮次，"
                    "已有 ${existing} 个。",
                    mapping={
                        "year": str(year),
                        "created": str(len(created)),
                        "existing": str(len(existing)),
                    },
                )
            )
        self.request.response.redirect(self.context.absolute_url())
        return ""


class RoundView(BrowserView, LabelsMixin):
    """The round: its records with rate, flags, severity; filters, sorting,
    counts, the share meeting the target and rates by jurisdiction."""

    def filters(self):
        form = self.request.form
        return {name: form.get(name) for name in FILTERS if form.get(name)}

    def sort_on(self):
        return self.request.form.get("sort_on", "title")

    def reverse(self):
        return self.request.form.get("sort_order") == "reverse"

    @memoize
    def summary(self):
        return round_summary(
            self.context,
            sort_on=self.sort_on(),
            reverse=self.reverse(),
            **self.filters(),
        )

    @memoize
    def all_items(self):
        if not self.filters():
            return self.summary()["items"]
        return round_summary(self.context)["items"]

    def options(self):
        """Jurisdictions and units for the filter selects."""
        jurisdictions, units = {}, {}
        for item in self.all_items():
            jurisdictions[item["jurisdiction"]] = item["jurisdiction_title"]
            units[item["budget_unit"]] = item["unit_title"]
        return {
            "jurisdiction": sorted(jurisdictions.items(), key=lambda kv: pinyin(kv[1])),
            "budget_unit": sorted(units.items(), key=lambda kv: pinyin(kv[1])),
            "flag": [(flag, self.flag_label(flag)) for flag in FLAG_TITLES],
        }

    def info(self):
        return round_info(self.context)

    def sort_url(self, key):
        query = dict(self.filters())
        query["sort_on"] = key
        if self.sort_on() == key and not self.reverse():
            query["sort_order"] = "reverse"
        return f"{self.context.absolute_url()}?{urlencode(query)}"

    def chart(self):
        """Bars of the rates by jurisdiction (width capped at 100%)."""
        target = self.context.target_rate
        bars = []
        for group in self.summary()["by_jurisdiction"]:
            rate = to_decimal(group["execution_rate"])
            bars.append(
                {
                    "title": group["title"] or group["jurisdiction"],
                    "rate": group["execution_rate"],
                    "count": group["count"],
                    "width": float(min(rate, HUNDRED)) if rate else 0,
                    "below": rate is not None
                    and target is not None
                    and below_target(rate, target),
                }
            )
        return bars

    def target_position(self):
        target = self.context.target_rate
        return float(min(target, HUNDRED)) if target is not None else None

    def export_url(self):
        url = f"{self.context.absolute_url()}/@@monitoring-export.xlsx"
        filters = self.filters()
        return f"{url}?{urlencode(filters)}" if filters else url

    def can_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)


class PrepareRecords(BrowserView, LabelsMixin):
    """POST: a draft record for each approved project, back to the round."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        created = prepare_records(self.context)
        self.message(
            _(
                "monitoring_records_prepared",
                default="已为 ${count} 个已批复项目生成监控记录。",
                mapping={"count": str(len(created))},
            )
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""


class TemplateDownload(BrowserView):
    """The upload template, filled with the year's approved projects the user
    may see and their indicators."""

    def __call__(self):
        catalog = api.portal.get_tool("portal_catalog")
        projects = []
        for brain in approved_projects(self.context.year):
            indicators = catalog.searchResults(
                portal_type="Indicator",
                path={"query": brain.getPath(), "depth": 1},
                sort_on="getObjPositionInParent",
            )
            projects.append(
                {
                    "code": brain.project_code,
                    "uid": brain.UID,
                    "title": brain.Title,
                    "amount": brain.amount,
                    "indicators": [
                        {
                            "title": indicator.Title,
                            "target_value": indicator.target_value,
                        }
                        for indicator in indicators
                    ],
                }
            )
        data = excel.template_workbook(projects, focus=self.context.focus)
        return xlsx_response(
            self.request, data, f"monitoring-template-{self.context.getId()}.xlsx"
        )


class ExportRecords(BrowserView):
    """The round's records (as the user may see them, filtered) as xlsx."""

    def __call__(self):
        form = self.request.form
        filters = {name: form.get(name) for name in FILTERS if form.get(name)}
        items = round_summary(self.context, sort_on="jurisdiction", **filters)["items"]
        data = excel.export_workbook(
            items, self.context.Title(), focus=self.context.focus
        )
        return xlsx_response(
            self.request, data, f"monitoring-{self.context.getId()}.xlsx"
        )


class UploadView(BrowserView, LabelsMixin):
    """Upload an Excel workbook: checked whole, then written in one go, or
    refused with every bad row named (nothing written)."""

    errors = None
    results = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("file"):
            CheckAuthenticator(self.request)
            self.process(self.request.form["file"])
        return self.index()

    def process(self, upload):
        token = self.request.form.get("progress_token") or None
        progress = import_progress.reporter(token)
        data = upload.read()
        rows, numbers, problems = excel.read_workbook(data)
        if not problems:
            plans, problems = importer.check_rows(
                self.context, rows, first_row=2, numbers=numbers, on_progress=progress
            )
        if problems:
            import_progress.report(token, "done", 0, len(rows))
            transaction.doom()
            self.errors = [
                {
                    "row": problem.row,
                    "field": problem.violation.field,
                    "message": translate_violation(problem.violation, self.request),
                }
                for problem in sorted(problems, key=lambda p: p.row)
            ]
            return
        self.results = importer.apply_rows(self.context, plans, on_progress=progress)
        import_progress.report(token, "done", len(plans), len(plans))

    def counts(self):
        results = self.results or []
        created = sum(1 for result in results if result["action"] == "created")
        flagged = sum(1 for result in results if result["flags"])
        return {
            "total": len(results),
            "created": created,
            "updated": len(results) - created,
            "flagged": flagged,
        }


class ImportProgressView(BrowserView):
    """``@@monitoring-import-progress?token=…``: how far the upload with that
    token has got in this Zope process, as JSON (``{}`` when unknown here)."""

    def __call__(self):
        self.request.response.setHeader("Content-Type", "application/json")
        self.request.response.setHeader("Cache-Control", "no-store")
        token = self.request.form.get("token") or ""
        return json.dumps(import_progress.progress_of(token) or {})


class ProjectRecordsView(BrowserView, LabelsMixin):
    """A project's monitoring records across rounds and years."""

    def records(self):
        items = []
        for brain in records_of_project(api.content.get_uuid(self.context)):
            items.append(public_item(record_item(brain)))
        return items


class ProjectMonitoringViewlet(ViewletBase):
    """Under a project's page: how many monitoring records it has, linking to
    them (the declaration module's page knows nothing of monitoring)."""

    def update(self):
        super().update()
        self.count = len(records_of_project(api.content.get_uuid(self.context)))
        self.url = f"{self.context.absolute_url()}/@@monitoring-records"

    def index(self):
        if not self.count:
            return ""
        label = translate(
            _(
                "project_monitoring_records_link",
                default="运行监控记录（${count} 条）",
                mapping={"count": str(self.count)},
            ),
            context=self.request,
        )
        return (
            '<p class="perfmgmt-project-monitoring">'
            f'<a class="btn btn-outline-secondary btn-sm" href="{escape(self.url)}">'
            f"{escape(label)}</a></p>"
        )


SOURCE_TITLES = {
    "edit": _("change_source_edit", default="编辑"),
    "import": _("change_source_import", default="批量导入"),
}


class RecordChangeLogViewlet(ViewletBase):
    """Under a record's page: who changed what and when (its change log,
    newest first), for R-P6."""

    index = ViewPageTemplateFile("templates/change_log.pt")
    shown = 20

    @memoize
    def fullname(self, user_id):
        user = api.user.get(userid=user_id) if user_id else None
        return (user.getProperty("fullname") if user else None) or user_id

    def entries(self):
        from changde.perfmgmt.monitoring.content.monitoring_record import (
            IMonitoringRecord,
        )

        fields = IMonitoringRecord
        answer = []
        for entry in reversed(list(self.context.change_log or ())[-self.shown :]):
            changes = []
            for change in entry.get("changes", ()):
                name = change.get("field")
                title = fields[name].title if name in fields else name
                text = translate(title, context=self.request)
                if "after" in change:
                    before = change.get("before") or "—"
                    text += f"：{before} → {change.get('after') or '—'}"
                changes.append(text)
            source = SOURCE_TITLES.get(entry.get("source"))
            answer.append(
                {
                    "date": (entry.get("date") or "")[:19].replace("T", " "),
                    "actor": self.fullname(entry.get("actor")),
                    "source": translate(source, context=self.request)
                    if source
                    else entry.get("source"),
                    "changes": changes,
                }
            )
        return answer


class RecordView(BrowserView, LabelsMixin):
    """A record as people read it: the project, the amounts and the rate
    against the round's target, the flags, the problems, one row per
    indicator's progress and one per focus item (never the stored JSON)."""

    def project_url(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(UID=self.context.project)
        return brains[0].getURL() if brains else None

    def round(self):
        return self.context.monitoring_round

    def can_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def progress_rows(self):
        """The project's indicators (catalog data) with the progress saved
        for each, in the project's order."""
        saved = {
            row.get("indicator"): row for row in self.context.indicator_progress or ()
        }
        project = project_of(self.context)
        if project is None:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Indicator",
            path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
            sort_on="getObjPositionInParent",
        )
        rows = []
        for brain in brains:
            row = saved.get(brain.UID, {})
            on_track = row.get("on_track")
            rows.append(
                {
                    "title": brain.Title,
                    "target_value": row.get("target_value") or brain.target_value,
                    "actual_value": row.get("actual_value") or "",
                    "on_track": None if on_track is None else bool(on_track),
                    "deviation_cause": row.get("deviation_cause") or "",
                    "corrective_measure": row.get("corrective_measure") or "",
                }
            )
        return rows

    def focus_rows(self):
        monitoring_round = self.round()
        focus = tuple(monitoring_round.focus or ()) if monitoring_round else ()
        answers = self.context.focus_answers or {}
        return [
            {"title": self.focus_label(item), "answer": answers.get(item) or ""}
            for item in focus
        ]
