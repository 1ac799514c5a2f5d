"""RectificationItem (整改事项): one problem a key evaluation (or a monitoring
record) found, with the unit that owns it, the deadline, the measures taken
and the evidence (files). Its workflow: draft (not yet fed back) → open →
submitted → accepted, or reopened (back to the unit).

Items found by a key evaluation live in its report; items found by
monitoring live in the evaluation folder and name their monitoring record
(``monitoring_record``: MonitoringRecord is not folderish). The item copies
its owner unit's tenancy and year for the catalog and gives the unit's
and the jurisdiction's staff local roles (:mod:`..reports`).

What defines the item (the problem, its source, the owner unit, the
deadline) is written by the performance office only (``ManageEvaluation``);
the unit, Editor on its item while it is open, writes the measures and the
evidence. An item belongs in a key evaluation or, with its monitoring record,
in the evaluation folder: anywhere else it is refused (the invariant below,
in the forms and over REST).
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.globalrequest import getRequest
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant

from changde.perfmgmt.core.relations import PICKER
from changde.perfmgmt.core.relations import picker
from changde.perfmgmt.core.relations import source
from changde.perfmgmt.i18n import _

MANAGE = "changde.perfmgmt.ManageEvaluation"
#: fields the office alone writes: what the item is
DEFINING_FIELDS = ("monitoring_record", "problem", "owner_unit", "deadline")


class ItemMisplaced(Invalid):
    """The item is neither in a key evaluation nor, with its monitoring
    record, in the evaluation folder."""


def _container_of(context):
    """The folder or report the item is (being) added to: the item's parent
    (REST wraps a new item in it, edit forms validate against the item), or,
    for the add form (which validates without a context), the context of the
    add view being published."""
    if context is None:
        request = getRequest()
        published = request.get("PUBLISHED") if request is not None else None
        context = getattr(published, "context", None)
    if getattr(context, "portal_type", None) == "RectificationItem":
        return aq_parent(aq_inner(context))
    return context


class IRectificationItem(model.Schema):
    directives.write_permission(**dict.fromkeys(DEFINING_FIELDS, MANAGE))
    directives.widget("monitoring_record", PICKER, **picker("MonitoringRecord"))
    monitoring_record = RelationChoice(
        title=_("label_source_monitoring_record", default="来源监控记录"),
        description=_(
            "help_source_monitoring_record",
            default="监控发现的问题:整改事项放在绩效评价文件夹中,填写监控记录;"
            "重点评价发现的问题放在评价报告中,不填。",
        ),
        source=source("MonitoringRecord"),
        required=False,
    )
    problem = schema.Text(title=_("label_problem", default="问题"), required=True)
    directives.widget("owner_unit", PICKER, **picker("BudgetUnit"))
    owner_unit = RelationChoice(
        title=_("label_owner_unit", default="整改责任单位"),
        description=_(
            "help_owner_unit", default="不填则为被评价(被监控)项目所属单位。"
        ),
        source=source("BudgetUnit"),
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

    @invariant
    def placed_where_it_belongs(data):
        container = _container_of(getattr(data, "__context__", None))
        container_type = getattr(container, "portal_type", None)
        if container_type == "EvaluationReport":
            if container.evaluation_kind != "key":
                raise ItemMisplaced(
                    _(
                        "error_item_only_in_key_evaluation",
                        default="整改事项只能添加在重点评价报告中；"
                        "监控发现的问题请在绩效评价文件夹中添加，并填写来源监控记录。",
                    )
                )
        elif container_type == "EvaluationFolder":
            try:
                record = data.monitoring_record
            except (AttributeError, TypeError, Invalid):  # not in the form
                record = None
            if not record:
                raise ItemMisplaced(
                    _(
                        "error_item_needs_monitoring_record",
                        default="绩效评价文件夹中的整改事项须填写来源监控记录"
                        "（重点评价发现的问题请在评价报告中添加）。",
                    )
                )


@implementer(IRectificationItem)
class RectificationItem(Item):
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
