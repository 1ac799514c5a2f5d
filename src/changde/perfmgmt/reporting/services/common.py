"""What the reporting services share: the year and audience of a request,
and the refusals of a document that cannot be made (one error shape,
``changde.perfmgmt.core.rest``)."""

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import error
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.rules.figures import AUDIENCES


def year_and_audience(request, data):
    """``(year, audience, None)`` or ``(None, None, error answer)``."""
    errors = []
    year = year_or_none(data.get("year"))
    if year is None:
        errors.append(
            field_error(
                request,
                "year",
                _("report_year_required", default="请以 year=2026 给出报告年度。"),
            )
        )
    audience = data.get("audience") or "city_government"
    if audience not in AUDIENCES:
        errors.append(
            field_error(
                request,
                "audience",
                _(
                    "report_audience_unknown",
                    default="报送对象应为 city_government 或 npc_standing_committee。",
                ),
            )
        )
    if errors:
        message = _("report_request_invalid", default="请求参数有误。")
        return None, None, bad_request(request, message, errors)
    return year, audience, None


def template_refused(request, problem):
    """409: the office's template cannot be filled (says where)."""
    request.response.setStatus(409)
    return {"error": {"type": "TemplateError", "message": problem.message}}


def not_applicable(request):
    return error(
        request,
        404,
        "NotFound",
        _(
            "feedback_notice_not_available",
            default="只有已反馈的重点评价才有评价结果反馈通知书。",
        ),
    )
