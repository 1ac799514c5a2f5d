"""POST @self-evaluation-drafts on the evaluation folder (office): create the
year's self-evaluation drafts, one per approved project of the year that has
none (body ``{"year": 2026}``; the year defaults to last year, as the missing
list's). Running it again creates nothing twice. The unit's staff get Editor
on their own drafts and write and submit them."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.self_evaluations import create_self_evaluation_drafts
from changde.perfmgmt.evaluation.self_evaluations import draft_info
from changde.perfmgmt.evaluation.self_evaluations import missing_self_evaluations
from changde.perfmgmt.i18n import _


class SelfEvaluationDraftsPost(Service):
    def reply(self):
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        if data.get("year") in (None, ""):
            year = today_in_china().year - 1
        else:
            year = year_or_none(data.get("year"))
        if year is None:
            return bad_request(
                self.request,
                _(
                    "error_self_evaluation_drafts_refused",
                    default="未生成自评草稿。",
                ),
                [
                    field_error(
                        self.request,
                        "year",
                        _("error_year_required", default="请填写年度(2000–2100)。"),
                    )
                ],
            )
        alsoProvides(self.request, IDisableCSRFProtection)
        created = create_self_evaluation_drafts(year, self.context, self.request)
        missing = missing_self_evaluations(year)
        url = self.context.absolute_url()
        return {
            "@id": f"{url}/@self-evaluation-drafts",
            "year": year,
            "created": [draft_info(report) for report in created],
            "created_total": len(created),
            "not_submitted_total": len(missing),
            "missing_self_evaluations": f"{url}/@missing-self-evaluations?year={year}",
        }
