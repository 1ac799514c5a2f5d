"""MonitoringRound (监控轮次): one monitoring round of a year (plan measure 9,
R-M9): the cut-off date, the target execution rate, the focus items and the
report to the leadership group, due within the report period of the month
after the cut-off on the working-day calendar. Holds the round's records.

The field ids are a public contract (docs/monitoring-api.md).
"""

from decimal import Decimal

from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.rules import deadlines


class IMonitoringRound(model.Schema):
    year = schema.Int(
        title=_("label_year", default="Budget year"), min=MIN_YEAR, max=MAX_YEAR
    )
    round_number = schema.Int(
        title=_("label_round_number", default="Round"), min=1, required=True
    )
    cutoff_date = schema.Date(
        title=_("label_cutoff_date", default="Cut-off date"), required=True
    )
    target_rate = schema.Decimal(
        title=_("label_target_rate", default="Target execution rate (%)"),
        min=Decimal(0),
        max=Decimal(100),
        required=True,
    )
    focus = schema.List(
        title=_("label_focus", default="Focus items"),
        value_type=schema.Choice(vocabulary="changde.perfmgmt.MonitoringFocusItems"),
        required=False,
        default=[],
        missing_value=[],
    )
    reported_on = schema.Date(
        title=_("label_reported_on", default="Reported to the leadership group on"),
        required=False,
    )
    report_due = schema.Date(
        title=_("label_report_due", default="Report due"),
        description=_(
            "help_report_due",
            default="Computed on the working-day calendar from the cut-off date.",
        ),
        readonly=True,
        required=False,
    )
    report_status = schema.TextLine(
        title=_("label_report_status", default="Report status"),
        readonly=True,
        required=False,
    )


@implementer(IMonitoringRound)
class MonitoringRound(Container):
    """A monitoring round; ``report_due`` and ``report_status`` are computed."""

    title = ""
    reported_on = None
    # no class default for ``focus``: Dexterity answers the schema's [] (a
    # tuple would fail the List field's validation over REST)

    def Title(self):
        if self.title:
            return self.title
        return round_title(self.year, self.round_number)

    @property
    def report_due(self):
        from changde.perfmgmt.core.settings import workday_calendar
        from changde.perfmgmt.monitoring.settings import monitoring_settings

        if not self.cutoff_date:
            return None
        return deadlines.report_due(
            self.cutoff_date,
            workday_calendar(),
            monitoring_settings().report_working_days,
        )

    @property
    def report_status(self):
        due = self.report_due
        if due is None:
            return None
        return deadlines.report_status(due, self.reported_on, today_in_china())

    @property
    def overdue(self):
        return self.report_status == "overdue"


def round_title(year, number):
    return f"{year}年第{number}轮运行监控"
