"""Copying a plan and its measures to the next year (POST)."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.plans import copy_plan


class CopyToNextYear(BrowserView):
    """POST: copy the plan and its measures to the next year."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        plan, violations = copy_plan(self.context)
        if violations:
            api.portal.show_message(
                " ".join(translate_violation(v, self.request) for v in violations),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        api.portal.show_message(
            _(
                "plan_copied",
                default="已复制为 ${year} 年度工作方案,各项措施状态重置为“未启动”。",
                mapping={"year": plan.year},
            ),
            request=self.request,
        )
        return self.request.response.redirect(plan.absolute_url())
