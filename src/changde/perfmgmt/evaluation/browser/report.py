"""The report page (评价报告): its fields, the agency and experts by name
(for every reader, :mod:`..references`), the feedback notices for the
office and the evaluated unit's staff, the rectification items the reader
may see, and, once published, the link to the public feedback form."""

from plone import api
from plone.dexterity.browser.view import DefaultView

from changde.perfmgmt.evaluation.feedback import feedback_url
from changde.perfmgmt.evaluation.references import report_members
from changde.perfmgmt.evaluation.reports import may_see_notifications
from changde.perfmgmt.evaluation.reports import notifications_of
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES

#: fields the page shows itself (the title is the heading)
OWN_FIELDS = ("title", "IBasic.title", "evaluator_agency", "experts")


class ReportView(DefaultView):
    def shown(self, widget):
        return widget.__name__ not in OWN_FIELDS

    def members(self):
        agency, experts = report_members(self.context, self.request)
        return {"agency": agency, "experts": experts}

    def has_members(self):
        members = self.members()
        return bool(members["agency"] or members["experts"])

    def may_see_notifications(self):
        return may_see_notifications(self.context)

    def notifications(self):
        if not self.may_see_notifications():
            return []
        return list(reversed(notifications_of(self.context, self.request)))

    def state(self):
        return api.content.get_state(self.context, default=None)

    def items(self):
        """The report's rectification items the reader may see (catalog)."""
        return api.content.find(
            context=self.context,
            depth=1,
            portal_type="RectificationItem",
            sort_on="getObjPositionInParent",
        )

    def rectification_url(self):
        folder = self.context.__parent__
        return f"{folder.absolute_url()}/@@rectification-overview"

    def feedback_url(self):
        if self.state() != "published":
            return None
        return feedback_url(self.context)

    def grade_title(self):
        return GRADE_TITLES.get(self.context.grade)
