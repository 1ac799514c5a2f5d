"""WorkPlan (工作方案): a year's work plan holding its measures (PlanMeasure)."""

from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.i18n import _


class IWorkPlan(model.Schema):
    year = schema.Int(
        title=_("label_plan_year", default="年度"),
        min=MIN_YEAR,
        max=MAX_YEAR,
        required=True,
        defaultFactory=lambda: today_in_china().year,
    )
    goal = RichText(
        title=_("label_plan_goal", default="总体目标"),
        required=False,
    )


@implementer(IWorkPlan)
class WorkPlan(Container):
    """A year's work plan."""

    goal = None

    def measures(self):
        """The plan's measures by number."""
        return sorted(
            (
                obj
                for obj in self.objectValues()
                if getattr(obj, "portal_type", None) == "PlanMeasure"
            ),
            key=lambda obj: obj.number or 0,
        )
