"""PlanMeasure (工作措施): one measure of a work plan (R-M14): its number,
title and text, exactly one responsible leader, the responsible offices in
order (the first is the lead office, 牵头科室), its status, dated progress
notes with evidence links, and the module that carries it out."""

import json

from plone.dexterity.content import Item
from plone.schema import JSONField
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.validation import RuleConstraint
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.rules import measures as rules

NOTES_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "date": {"type": "string"},
                "text": {"type": "string"},
                "evidence": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["date", "text"],
            "additionalProperties": False,
        },
    }
)


class IPlanMeasure(model.Schema):
    number = schema.Int(
        title=_("label_measure_number", default="序号"),
        min=1,
        required=True,
    )
    text = schema.Text(
        title=_("label_measure_text", default="措施内容"),
        required=False,
    )
    leader = schema.TextLine(
        title=_("label_measure_leader", default="责任领导"),
        description=_("help_measure_leader", default="一条措施只明确一名责任领导。"),
        constraint=RuleConstraint(rules.leader_violations),
        required=True,
    )
    offices = schema.List(
        title=_("label_measure_offices", default="责任科室"),
        description=_(
            "help_measure_offices",
            default="每行一个科室,按分解任务排序:第一个为牵头科室。",
        ),
        value_type=schema.TextLine(),
        constraint=RuleConstraint(rules.offices_violations),
        required=True,
        missing_value=[],
    )
    status = schema.Choice(
        title=_("label_measure_status", default="进展状态"),
        vocabulary="changde.perfmgmt.MeasureStatuses",
        default="not_started",
        required=True,
    )
    module = schema.Choice(
        title=_("label_measure_module", default="承担模块"),
        vocabulary="changde.perfmgmt.ReportingModules",
        default="none",
        required=False,
    )
    link = schema.TextLine(
        title=_("label_measure_link", default="模块页面"),
        description=_(
            "help_measure_link",
            default="承担该措施的模块页面,站点内的路径,例如 monitoring 或 @@coverage。",
        ),
        required=False,
    )
    progress_notes = JSONField(
        title=_("label_measure_progress_notes", default="进展记录"),
        description=_(
            "help_measure_progress_notes",
            default="每条记录:date(日期)、text(进展)、evidence(佐证链接)。",
        ),
        schema=NOTES_SCHEMA,
        constraint=RuleConstraint(rules.progress_notes_violations),
        default=[],
        missing_value=[],
        required=False,
    )


@implementer(IPlanMeasure)
class PlanMeasure(Item):
    """A measure of the plan."""

    text = None
    status = "not_started"
    module = "none"
    link = None
    progress_notes = []
    offices = []

    @property
    def lead_office(self):
        return rules.lead_office(self.offices)
