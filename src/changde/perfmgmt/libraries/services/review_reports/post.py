"""POST @review-reports on an internal-review round: set its reviewed reports.

Body: ``{"reports": [{"title": "...", "reference": "...", "uid": "",
"scores": {"goal_completion": 90, "problem_depth": 85,
"suggestion_feasibility": 80, "text_quality": 88}, "excellent": true}]}``.
The list replaces the round's reports. Totals are computed with the weights
of the registry; more excellent reports than the yearly cap (5) are refused.
All or nothing: 400 with errors (``index`` of the report, ``field``) and
nothing written.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.reviews import round_as_json
from changde.perfmgmt.libraries.reviews import set_report_rows
from changde.perfmgmt.libraries.services import NOTHING_WRITTEN


class ReviewReportsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_body(self.request)
        reports = data.get("reports")
        if not isinstance(reports, list):
            message = _(
                "review_reports_required",
                default='请提供 "reports":点评报告的列表。',
            )
            raise InputRefused(
                message,
                [FieldError("reports", message)],
            )
        errors = set_report_rows(self.context, reports)
        if errors:
            answer = []
            for index, violation in errors:
                answer.extend(violation_errors([violation], index=index))
            raise InputRefused(NOTHING_WRITTEN, answer)
        return round_as_json(self.context)
