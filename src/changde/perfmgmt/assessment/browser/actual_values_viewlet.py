"""A link to ``@@actual-values`` on an approved project's page, for those who
may enter the actual values."""

from plone import api
from plone.app.layout.viewlets import ViewletBase

from changde.perfmgmt.assessment.actuals import indicators_of

ENTER_ACTUAL_VALUES = "changde.perfmgmt: Enter actual values"


class ActualValuesViewlet(ViewletBase):
    """A link to ``@@actual-values`` on an approved project's page."""

    def available(self):
        return api.content.get_state(
            self.context, default=None
        ) == "approved" and api.user.has_permission(
            ENTER_ACTUAL_VALUES, obj=self.context
        )

    def render(self):
        if not self.available():
            return ""
        return self.index()

    def missing(self):
        return sum(
            1
            for indicator in indicators_of(self.context)
            if not (indicator.actual_value or "").strip()
        )
