"""``@@copy-template`` (POST ``year``): a draft copy of a template for another
year."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from changde.perfmgmt.assessment.templates import copy_template
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _


class CopyTemplate(BrowserView):
    """``@@copy-template`` (POST ``year``): a draft copy for that year."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        year = year_or_none(self.request.form.get("year"))
        if year is None:
            api.portal.show_message(
                _("copy_template_year_invalid", default="请填写有效的年度。"),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        copy = copy_template(self.context, year)
        api.portal.show_message(
            _(
                "template_copied",
                default="已复制为 ${year} 年度的草稿,可修改评分项后启用。",
                mapping={"year": str(year)},
            ),
            request=self.request,
        )
        return self.request.response.redirect(f"{copy.absolute_url()}/@@edit-criteria")
