"""公众意见 (the office only): the public's opinions on published reports by
year and report, marked answered with a note, exported to Excel."""

from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from zExceptions import BadRequest

from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.core.excel import new_workbook
from changde.perfmgmt.core.excel import workbook_bytes
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity import public_feedback
from changde.perfmgmt.publicity.browser.base import PublicityView
from changde.perfmgmt.publicity.rules.public_forms import text_violations
from changde.perfmgmt.publicity.settings import public_form_settings

ANSWERED_FILTERS = {"yes": True, "no": False}


class FilterMixin:
    def filters(self):
        form = self.request.form
        answered = ANSWERED_FILTERS.get(form.get("answered"))
        return {
            "year": self.year_filter(),
            "report": form.get("report") or None,
            "answered": answered,
        }

    @memoize
    def rows(self):
        return public_feedback.feedback_rows(**self.filters())


class PublicFeedbackView(PublicityView, FilterMixin):
    errors = None
    no_report_label = _("feedback_no_report", default="未指明报告")

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            answer = self.save()
            if answer is not None:
                return answer
        return self.index()

    def save(self):
        form = self.request.form
        try:
            row_id = int(form.get("id"))
        except (TypeError, ValueError):
            raise BadRequest("Which opinion?") from None
        note = form.get("note")
        if note is not None:
            violations = text_violations(
                "note", note, multiline=True, settings=public_form_settings()
            )
            if violations:
                self.errors = {
                    "id": row_id,
                    "message": self.t(violation_message(violations[0])),
                }
                self.request.response.setStatus(400)
                return None
        answered = bool(form.get("answered"))
        if not public_feedback.mark(row_id, answered=answered, note=note):
            raise BadRequest("No such opinion")
        api.portal.show_message(
            self.t(
                _("feedback_marked_answered", default="已标记为已答复。")
                if answered
                else _("feedback_marked_open", default="已标记为待答复。")
            ),
            request=self.request,
        )
        query = self.request.get("QUERY_STRING", "")
        self.request.response.redirect(
            f"{api.portal.get().absolute_url()}/@@public-feedback"
            + (f"?{query}" if query else "")
        )
        return ""

    @memoize
    def groups(self):
        return public_feedback.grouped(self.rows())

    @memoize
    def all_rows(self):
        return public_feedback.feedback_rows()

    def years(self):
        return public_feedback.years_of(self.all_rows())

    def reports(self):
        return sorted({row["report"] for row in self.all_rows() if row["report"]})

    def counts(self):
        rows = self.all_rows()
        answered = sum(1 for row in rows if row["answered"])
        return {"total": len(rows), "answered": answered, "open": len(rows) - answered}

    def export_url(self):
        query = self.request.get("QUERY_STRING", "")
        url = f"{api.portal.get().absolute_url()}/@@public-feedback.xlsx"
        return f"{url}?{query}" if query else url

    def form_url(self):
        return (
            public_feedback.the_form().absolute_url()
            if public_feedback.the_form()
            else None
        )


class PublicFeedbackExport(PublicityView, FilterMixin):
    def __call__(self):
        headers = [
            self.t(_("xlsx_year", default="年度")),
            self.t(_("xlsx_report", default="评价报告")),
            self.t(_("xlsx_comments", default="意见和建议")),
            self.t(_("xlsx_name", default="姓名")),
            self.t(_("xlsx_contact", default="联系方式")),
            self.t(_("xlsx_answered", default="是否答复")),
            self.t(_("xlsx_answered_on", default="答复日期")),
            self.t(_("xlsx_office_note", default="答复情况")),
        ]
        yes, no = (
            self.t(_("xlsx_yes", default="是")),
            self.t(_("xlsx_no", default="否")),
        )
        workbook, sheet = new_workbook(
            self.t(_("xlsx_sheet_public_feedback", default="公众意见")),
            headers,
            (8, 36, 60, 12, 20, 10, 12, 40),
        )
        for row in self.rows():
            append_row(
                sheet,
                (
                    row["year"],
                    row["report"],
                    row["comments"],
                    row["name"],
                    row["contact"],
                    yes if row["answered"] else no,
                    row["answered_on"],
                    row["note"],
                ),
            )
        name = self.t(_("xlsx_public_feedback_file", default="公众意见"))
        return xlsx_response(self.request, workbook_bytes(workbook), f"{name}.xlsx")
