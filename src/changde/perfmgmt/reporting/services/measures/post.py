"""POST @copy-to-next-year on a work plan: the plan and its measures for
the next year (201), or 400 when that year has a plan already."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.plans import copy_plan


class CopyToNextYearPost(Service):
    def reply(self):
        # a JSON API call, authenticated per request (plone.restapi's way)
        alsoProvides(self.request, IDisableCSRFProtection)
        plan, violations = copy_plan(self.context)
        if violations:
            return bad_request(
                self.request,
                _("plan_copy_refused", default="工作方案未复制。"),
                violation_errors(violations, self.request),
            )
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", plan.absolute_url())
        return {
            "@id": plan.absolute_url(),
            "year": plan.year,
            "title": plan.Title(),
            "items_total": len(plan.measures()),
        }
