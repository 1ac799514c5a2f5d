"""RectificationItem (整改事项): one problem a key evaluation (or a monitoring
record) found, with the unit that owns it, the deadline, the measures taken
and the evidence (files). Its workflow: draft (not yet fed back) → open →
submitted → accepted, or reopened (back to the unit).

Items found by a key evaluation live in its report; items found by
monitoring live in the evaluation folder and name their monitoring record
(``monitoring_record``: MonitoringRecord is not folderish). The item copies
its owner unit's tenancy and year for the catalog and gives the unit's
and the jurisdiction's staff local roles (:mod:`..reports`).
"""

from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.content.tenancy_copy import ITenancyCopy
from changde.perfmgmt.core.content.tenancy_copy import TenancyCopy
from changde.perfmgmt.evaluation.content.uids import is_monitoring_record
from changde.perfmgmt.evaluation.content.uids import is_unit
from changde.perfmgmt.i18n import _


class IRectificationItem(ITenancyCopy):
    monitoring_record = schema.ASCIILine(
        title=_("label_source_monitoring_record", default="来源监控记录(UID)"),
        description=_(
            "help_source_monitoring_record",
            default="监控发现的问题:整改事项放在绩效评价文件夹中,填写监控记录;"
            "重点评价发现的问题放在评价报告中,不填。",
        ),
        constraint=is_monitoring_record,
        required=False,
    )
    problem = schema.Text(title=_("label_problem", default="问题"), required=True)
    owner_unit = schema.ASCIILine(
        title=_("label_owner_unit", default="整改责任单位(UID)"),
        description=_(
            "help_owner_unit", default="不填则为被评价(被监控)项目所属单位。"
        ),
        constraint=is_unit,
        required=False,
    )
    deadline = schema.Date(
        title=_("label_rectification_deadline", default="整改期限"), required=False
    )
    measures = schema.Text(
        title=_("label_measures", default="整改措施"), required=False
    )
    evidence = schema.List(
        title=_("label_evidence", default="整改佐证材料"),
        value_type=NamedBlobFile(),
        required=False,
        default=[],
        missing_value=[],
    )

    year = schema.Int(
        title=_("label_item_year", default="年度"),
        readonly=True,
        required=False,
    )
    source_uid = schema.TextLine(
        title=_("label_item_source_uid", default="来源(评价报告或监控记录 UID)"),
        readonly=True,
        required=False,
    )


@implementer(IRectificationItem)
class RectificationItem(Item, TenancyCopy):
    """A problem to rectify; its status is its workflow state."""

    title = ""
    monitoring_record = None
    owner_unit = None
    deadline = None
    measures = None
    evidence = []
    year = None
    source_uid = None
    source_kind = None

    def Title(self):
        if self.title:
            return self.title
        problem = (self.problem or "").strip().splitlines()
        return problem[0][:60] if problem else ""
