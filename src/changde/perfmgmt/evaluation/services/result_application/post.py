"""POST @result-application on the evaluation folder: run the year's result
application (body ``{"year": 2026, "as_of": "2027-03-31", "propose": true}``;
``as_of`` defaults to today, ``propose`` to true): a recommendation per
approved project, stored, and negative-list entries proposed."""

import datetime

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.application import run_result_application
from changde.perfmgmt.i18n import _


class ResultApplicationPost(Service):
    def reply(self):
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        errors = []
        year = year_or_none(data.get("year"))
        if year is None:
            errors.append(
                field_error(
                    self.request,
                    "year",
                    _("error_year_required", default="请填写年度(2000–2100)。"),
                )
            )
        as_of = None
        if data.get("as_of"):
            try:
                as_of = datetime.date.fromisoformat(str(data["as_of"]))
            except ValueError:
                errors.append(
                    field_error(
                        self.request,
                        "as_of",
                        _(
                            "error_as_of_not_a_date",
                            default="日期格式应为 YYYY-MM-DD。",
                        ),
                    )
                )
        if errors:
            return bad_request(
                self.request,
                _("error_result_application_refused", default="结果应用未运行。"),
                errors,
            )
        alsoProvides(self.request, IDisableCSRFProtection)
        run = run_result_application(
            year,
            self.context,
            self.request,
            as_of=as_of,
            propose=data.get("propose", True) is not False,
            user=api.user.get_current().getId(),
        )
        return {
            "@id": f"{self.context.absolute_url()}/@result-application?year={year}",
            **run,
            "items_total": len(run["items"]),
        }
