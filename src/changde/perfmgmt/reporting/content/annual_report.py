"""AnnualReport (年度预算绩效管理工作报告, R-M11): the report of a year to the
city government or to the NPC standing committee. Drafted by the system
from its own data (``figures``: every number with the query behind it,
kept as drafted), the text (``body``) edited by the office in the site with
versions (CMFEditions), exported to Word and PDF from the office's template.
"""

from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import JSONField
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.i18n import _

FIGURES_SCHEMA = '{"type": "array", "items": {"type": "object"}}'


class IAnnualReport(model.Schema):
    year = schema.Int(
        title=_("label_report_year", default="报告年度"),
        min=MIN_YEAR,
        max=MAX_YEAR,
        required=True,
        defaultFactory=lambda: today_in_china().year,
    )
    audience = schema.Choice(
        title=_("label_report_audience", default="报送对象"),
        vocabulary="changde.perfmgmt.ReportAudiences",
        default="city_government",
        required=True,
    )
    addressee = schema.TextLine(
        title=_("label_report_addressee", default="主送"),
        required=False,
    )
    body = RichText(
        title=_("label_report_body", default="报告正文"),
        description=_(
            "help_report_body",
            default="系统起草的正文,可直接修改;"
            "数字后的 [n] 指向文末“数据来源”中的第 n 项。",
        ),
        required=False,
    )
    issuer = schema.TextLine(
        title=_("label_report_issuer", default="落款"),
        default="常德市财政局",
        required=False,
    )
    issued_on = schema.Date(
        title=_("label_report_issued_on", default="成文日期"),
        required=False,
    )
    # what the system counted when it drafted the text (not edited by hand)
    directives.omitted("figures")
    figures = JSONField(
        title=_("label_report_figures", default="数据来源"),
        schema=FIGURES_SCHEMA,
        default=[],
        missing_value=[],
        required=False,
        readonly=True,
    )
    directives.omitted("drafted_at")
    drafted_at = schema.TextLine(
        title=_("label_report_drafted_at", default="起草时间"),
        required=False,
        readonly=True,
    )


@implementer(IAnnualReport)
class AnnualReport(Item):
    """A year's report on budget performance management."""

    addressee = None
    body = None
    issuer = "常德市财政局"
    issued_on = None
    figures = []
    drafted_at = None
