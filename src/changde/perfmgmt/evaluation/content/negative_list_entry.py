"""NegativeListEntry (负面清单条目): a project or a unit excluded from support
(plan measure 13, R-M13): the target, the reason, the record or report that
caused it, the year. Its status is its workflow state: proposed (by the
result application) → listed (confirmed by the office) → released (with who
and why), or rejected. The declaration gate reads the listed entries
(:class:`changde.perfmgmt.evaluation.negative_list.NegativeListSource`).
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.relations import PICKER
from changde.perfmgmt.core.relations import picker
from changde.perfmgmt.core.relations import source as relation_source
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.evaluation.rules.negative_list import NEGATIVE_LIST_REASON_LABELS
from changde.perfmgmt.i18n import _


class INegativeListEntry(model.Schema):
    directives.widget("target", PICKER, **picker("BudgetProject", "BudgetUnit"))
    target = RelationChoice(
        title=_("label_negative_target", default="对象(项目或单位)"),
        source=relation_source("BudgetProject", "BudgetUnit"),
        required=True,
    )
    reason = schema.Choice(
        title=_("label_negative_reason", default="列入原因"),
        vocabulary="changde.perfmgmt.NegativeListReasons",
        required=True,
    )
    reason_detail = schema.Text(
        title=_("label_negative_reason_detail", default="具体情况"), required=False
    )
    directives.widget(
        "source", PICKER, **picker("MonitoringRecord", "EvaluationReport")
    )
    source = RelationChoice(
        title=_("label_negative_source", default="来源(监控记录或评价报告)"),
        source=relation_source("MonitoringRecord", "EvaluationReport"),
        required=False,
    )
    year = schema.Int(
        title=_("label_negative_year", default="年度"),
        description=_(
            "help_negative_year",
            default="发现问题的年度;列入后,以后年度的预算申报被拒绝,直至移出。",
        ),
        min=MIN_YEAR,
        max=MAX_YEAR,
        required=True,
    )
    released_by = schema.TextLine(
        title=_("label_released_by", default="移出人"), readonly=True, required=False
    )
    release_reason = schema.Text(
        title=_("label_release_reason", default="移出理由"),
        readonly=True,
        required=False,
    )
    released_on = schema.Date(
        title=_("label_released_on", default="移出日期"), readonly=True, required=False
    )

    target_kind = schema.TextLine(
        title=_("label_target_kind", default="对象类型(project 或 unit)"),
        readonly=True,
        required=False,
    )
    target_title = schema.TextLine(
        title=_("label_target_title", default="对象名称"),
        readonly=True,
        required=False,
    )
    target_code = schema.TextLine(
        title=_("label_target_code", default="项目编码"),
        readonly=True,
        required=False,
    )


@implementer(INegativeListEntry)
class NegativeListEntry(Item):
    """A negative-list entry; target data are copied for listings and gates."""

    title = ""
    reason_detail = None
    source = None
    released_by = None
    release_reason = None
    released_on = None
    target_kind = None
    target_title = None
    target_code = None

    @property
    def reason_label(self):
        return NEGATIVE_LIST_REASON_LABELS.get(self.reason, self.reason)

    def Title(self):
        if self.title:
            return self.title
        return f"{self.target_title or self.target}:{self.reason_label}"
