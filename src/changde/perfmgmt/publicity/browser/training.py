"""A training's pages: the public page (programme, lecturers, materials,
sign-up, feedback, iCal), and for the office the attendance (ticks, by
district and unit, Excel) and the feedback's results (averages, comments,
Excel)."""

from urllib.parse import urlencode

from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from zExceptions import BadRequest

from changde.perfmgmt.core.excel import add_header
from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.core.excel import new_workbook
from changde.perfmgmt.core.excel import workbook_bytes
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.browser.base import PublicityView
from changde.perfmgmt.publicity.rules.training import AUDIENCES
from changde.perfmgmt.publicity.rules.training import RATING_CRITERIA

CRITERION_TITLES = {
    "rating_content": _("rating_content", default="培训内容"),
    "rating_lecturer": _("rating_lecturer", default="讲师授课"),
    "rating_organisation": _("rating_organisation", default="组织安排"),
}


class TrainingMixin:
    @memoize
    def signups(self):
        return training.signups(self.context)

    @memoize
    def attendance(self):
        return training.attendance(self.context)

    @memoize
    def feedback(self):
        return training.feedback_summary(self.context)

    @memoize
    def feedback_rows(self):
        return training.feedback_rows(self.context)

    def criteria(self):
        summary = self.feedback()
        return [
            {
                "id": criterion,
                "title": self.t(CRITERION_TITLES[criterion]),
                "average": summary["criteria"][criterion]["average"],
                "count": summary["criteria"][criterion]["count"],
            }
            for criterion in RATING_CRITERIA
        ]

    def rate(self, value):
        return "—" if value is None else f"{value}%"

    def average(self, value):
        return "—" if value is None else str(value)


class TrainingView(PublicityView, TrainingMixin):
    """The training's page."""

    def start(self):
        return self.format_datetime(self.context.start, self.context.whole_day)

    def end(self):
        return self.format_datetime(self.context.end, self.context.whole_day)

    def same_day(self):
        start, end = self.context.start, self.context.end
        return start is not None and end is not None and start.date() == end.date()

    def end_time(self):
        return f"{self.context.end:%H:%M}" if self.context.end else ""

    def lecturers(self):
        """The lecturers from the expert library, by name (with their
        organisation and title); a link where the reader may see the
        profile."""
        answer = []
        for relation in self.context.lecturers or ():
            expert = getattr(relation, "to_object", None)
            if expert is None:
                continue
            details = " ".join(
                part
                for part in (
                    getattr(expert, "organisation", None),
                    getattr(expert, "professional_title", None),
                )
                if part
            )
            answer.append(
                {
                    "name": expert.Title(),
                    "details": details,
                    "url": expert.absolute_url()
                    if api.user.has_permission("View", obj=expert)
                    else None,
                }
            )
        return answer

    def audiences(self):
        chosen = self.context.audience or ()
        return [self.audience_label(value) for value in AUDIENCES if value in chosen]

    def materials(self):
        return [
            {
                "@id": brain.getURL(),
                "title": brain.Title,
                "kind": self.material_kind_label(brain.material_kind),
            }
            for brain in api.content.find(
                context=self.context,
                portal_type="TrainingMaterial",
                sort_on="getObjPositionInParent",
            )
        ]

    def _form_url(self, form_id, **prefill):
        form = training.training_form(self.context, form_id)
        if form is None or not api.user.has_permission("View", obj=form):
            return None
        query = urlencode({k: v for k, v in prefill.items() if v})
        return f"{form.absolute_url()}{'?' + query if query else ''}"

    def signup_url(self):
        if not training.signup_open(self.context):
            return None
        prefill = {}
        organisation = training.user_organisation()
        if organisation:
            prefill["form.widgets.organisation:list"] = organisation
        user = None if self.is_anonymous() else api.user.get_current()
        if user is not None:
            prefill["form.widgets.name"] = user.getProperty("fullname") or ""
        return self._form_url(training.SIGNUP_ID, **prefill)

    def signup_deadline(self):
        deadline = self.context.signup_deadline
        return self.format_date(deadline) if deadline else None

    def signup_closed(self):
        return not training.signup_open(self.context)

    def feedback_url(self):
        if not training.feedback_open(self.context):
            return None
        organisation = training.user_organisation()
        prefill = (
            {"form.widgets.organisation:list": organisation} if organisation else {}
        )
        return self._form_url(training.FEEDBACK_ID, **prefill)

    def ical_url(self):
        return f"{self.context.absolute_url()}/ics_view"

    def is_upcoming(self):
        return training.is_upcoming(self.context)


class AttendanceView(PublicityView, TrainingMixin):
    """签到与出勤: the office ticks who came; attendance by district and unit."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            return self.save()
        return self.index()

    def save(self):
        known = {row["id"] for row in self.signups()}
        ticked = set()
        for value in self.request.form.get("attended", ()) or ():
            try:
                ticked.add(int(value))
            except (TypeError, ValueError):
                raise BadRequest("Not a sign-up") from None
        unknown = ticked - known
        if unknown:
            raise BadRequest("Not a sign-up of this training")
        training.set_attendance(
            self.context, attended=sorted(ticked), absent=sorted(known - ticked)
        )
        api.portal.show_message(
            self.t(_("attendance_saved", default="出勤情况已保存。")),
            request=self.request,
        )
        self.request.response.redirect(f"{self.context.absolute_url()}/@@attendance")
        return ""


class AttendanceExport(PublicityView, TrainingMixin):
    """报名与出勤.xlsx: every sign-up with its attendance, and the summary."""

    def __call__(self):
        headers = [
            self.t(_("xlsx_name", default="姓名")),
            self.t(_("xlsx_jurisdiction", default="区县市")),
            self.t(_("xlsx_unit", default="单位")),
            self.t(_("xlsx_position", default="职务")),
            self.t(_("xlsx_phone", default="联系电话")),
            self.t(_("xlsx_note", default="备注")),
            self.t(_("xlsx_signed_up_at", default="报名时间")),
            self.t(_("xlsx_attended", default="是否到场")),
        ]
        yes, no = (
            self.t(_("xlsx_yes", default="是")),
            self.t(_("xlsx_no", default="否")),
        )
        workbook, sheet = new_workbook(
            self.t(_("xlsx_sheet_signups", default="报名与出勤")),
            headers,
            (12, 14, 28, 12, 16, 24, 22, 10),
        )
        for row in self.signups():
            append_row(
                sheet,
                (
                    row["name"],
                    row["jurisdiction_title"],
                    row["unit_title"],
                    row["position"],
                    row["phone"],
                    row["note"],
                    row["submitted"],
                    yes if row["attended"] else no,
                ),
            )
        summary_sheet = workbook.create_sheet(
            self.t(_("xlsx_sheet_attendance", default="按区县市和单位"))
        )
        add_header(
            summary_sheet,
            [
                self.t(_("xlsx_jurisdiction", default="区县市")),
                self.t(_("xlsx_unit", default="单位")),
                self.t(_("xlsx_signed_up", default="报名人数")),
                self.t(_("xlsx_attended_count", default="到场人数")),
                self.t(_("xlsx_rate", default="到场率(%)")),
            ],
            (16, 28, 10, 10, 12),
        )
        summary = self.attendance()
        for group in summary["jurisdictions"]:
            append_row(
                summary_sheet,
                (
                    group["title"],
                    "",
                    group["signed_up"],
                    group["attended"],
                    _num(group["rate"]),
                ),
            )
            for unit in group["units"]:
                if unit["key"]:
                    append_row(
                        summary_sheet,
                        (
                            "",
                            unit["title"],
                            unit["signed_up"],
                            unit["attended"],
                            _num(unit["rate"]),
                        ),
                    )
        append_row(
            summary_sheet,
            (
                self.t(_("xlsx_total", default="合计")),
                "",
                summary["signed_up"],
                summary["attended"],
                _num(summary["rate"]),
            ),
        )
        name = self.t(_("xlsx_attendance_file", default="报名与出勤"))
        return xlsx_response(
            self.request,
            workbook_bytes(workbook),
            f"{name}-{self.context.getId()}.xlsx",
        )


def _num(value):
    return None if value is None else float(value)


class FeedbackResultsView(PublicityView, TrainingMixin):
    """培训反馈: the averages of each rated question and the comments."""


class FeedbackExport(PublicityView, TrainingMixin):
    def __call__(self):
        headers = [
            self.t(_("xlsx_submitted_at", default="提交时间")),
            self.t(_("xlsx_organisation", default="所在单位")),
            *[self.t(CRITERION_TITLES[criterion]) for criterion in RATING_CRITERIA],
            self.t(_("xlsx_comments", default="意见和建议")),
        ]
        workbook, sheet = new_workbook(
            self.t(_("xlsx_sheet_feedback", default="培训反馈")),
            headers,
            (22, 28, 10, 10, 10, 60),
        )
        for row in self.feedback_rows():
            append_row(
                sheet,
                (
                    row["submitted"],
                    row["organisation_title"],
                    *[row[criterion] for criterion in RATING_CRITERIA],
                    row["comments"],
                ),
            )
        summary = self.feedback()
        append_row(
            sheet,
            (
                self.t(_("xlsx_average", default="平均分")),
                f"{summary['responses']}",
                *[
                    _num(summary["criteria"][criterion]["average"])
                    for criterion in RATING_CRITERIA
                ],
                "",
            ),
        )
        name = self.t(_("xlsx_feedback_file", default="培训反馈"))
        return xlsx_response(
            self.request,
            workbook_bytes(workbook),
            f"{name}-{self.context.getId()}.xlsx",
        )
