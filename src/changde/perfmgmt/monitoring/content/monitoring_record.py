"""MonitoringRecord (监控记录): one approved project's monitoring in one round:
amounts, the execution rate (computed, never typed), the progress of each of
the project's indicators, problems found with their severity, an answer for
each focus item of the round, and the flags the rules raise.

The record lives in its round; it carries its project's jurisdiction and unit
(for the catalog) and gives their staff groups local roles (see
:mod:`changde.perfmgmt.monitoring.records`). Field ids are a public contract
(docs/monitoring-api.md).
"""

import json
from decimal import Decimal

from Acquisition import aq_inner
from Acquisition import aq_parent
from ComputedAttribute import ComputedAttribute
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import JSONField
from plone.supermodel import model
from z3c.form.interfaces import IAddForm
from z3c.form.interfaces import IEditForm
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.relations import PICKER
from changde.perfmgmt.core.relations import picker
from changde.perfmgmt.core.relations import source
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.rules import execution
from changde.perfmgmt.monitoring.rules import flags as flags_rules
from changde.perfmgmt.monitoring.rules.flags import flag_names
from changde.perfmgmt.monitoring.rules.focus import FOCUS_ITEMS

PROGRESS_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "indicator": {"type": "string"},
                "title": {"type": ["string", "null"]},
                "target_value": {"type": ["string", "number", "null"]},
                "actual_value": {"type": ["string", "number", "null"]},
                "on_track": {"type": ["boolean", "null"]},
                "deviation_cause": {"type": ["string", "null"]},
                "corrective_measure": {"type": ["string", "null"]},
            },
            "required": ["indicator"],
            "additionalProperties": False,
        },
    }
)

FOCUS_ANSWERS_SCHEMA = json.dumps(
    {
        "type": "object",
        "properties": {item: {"type": ["string", "null"]} for item in FOCUS_ITEMS},
        "additionalProperties": False,
    }
)


#: Held by Manager only (rolemap): nobody re-points a record to another
#: project, whose tenancy it would then copy. The code that creates records
#: (prepare, import) sets it; a REST PATCH that changes it is refused.
SET_RECORD_PROJECT = "changde.perfmgmt.SetRecordProject"

CHANGE_LOG_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "date": {"type": "string"},
                "actor": {"type": ["string", "null"]},
                "source": {"type": "string"},
                "changes": {"type": "array"},
            },
        },
    }
)


class IMonitoringRecord(model.Schema):
    directives.mode(IEditForm, project="display")
    directives.write_permission(project=SET_RECORD_PROJECT)
    directives.widget("project", PICKER, **picker("BudgetProject"))
    project = RelationChoice(
        title=_("label_record_project", default="Project"),
        source=source("BudgetProject"),
        required=True,
    )
    budget_amount = schema.Decimal(
        title=_("label_budget_amount", default="Budget amount (yuan)"),
        min=Decimal(0),
        required=False,
    )
    executed_amount = schema.Decimal(
        title=_("label_executed_amount", default="Executed amount (yuan)"),
        min=Decimal(0),
        required=False,
    )
    execution_rate = schema.Decimal(
        title=_("label_execution_rate", default="Execution rate (%)"),
        readonly=True,
        required=False,
    )
    flags = schema.List(
        title=_("label_flags", default="Flags"),
        value_type=schema.TextLine(),
        readonly=True,
        required=False,
    )
    # entered per indicator on @@indicator-progress and per focus item on
    # @@focus-answers (checked by the rules), never as raw JSON in a form
    directives.omitted(IEditForm, "indicator_progress", "focus_answers")
    directives.omitted(IAddForm, "indicator_progress", "focus_answers")
    indicator_progress = JSONField(
        title=_("label_indicator_progress", default="Indicator progress"),
        description=_(
            "help_indicator_progress",
            default="One entry per indicator: indicator (UID), actual_value, "
            "on_track, deviation_cause, corrective_measure.",
        ),
        schema=PROGRESS_SCHEMA,
        default=[],
        missing_value=[],
        required=False,
    )
    problems = schema.Text(
        title=_("label_problems", default="Problems found"), required=False
    )
    severity = schema.Choice(
        title=_("label_severity", default="Severity of the problems"),
        vocabulary="changde.perfmgmt.MonitoringSeverities",
        default="none",
        required=True,
    )
    focus_answers = JSONField(
        title=_("label_focus_answers", default="Answers to the focus items"),
        description=_(
            "help_focus_answers",
            default="One answer per focus item of the round, e.g. "
            '{"soundness": "预算编制科学合理"}.',
        ),
        schema=FOCUS_ANSWERS_SCHEMA,
        default={},
        missing_value={},
        required=False,
    )
    # Copied from the project when the record is created or changed (its
    # jurisdiction and unit: the tenancy behavior).
    project_title = schema.TextLine(
        title=_("label_project_title", default="Project"),
        readonly=True,
        required=False,
    )
    project_code = schema.TextLine(
        title=_("label_project_code", default="Project code"),
        readonly=True,
        required=False,
    )
    # who changed what and when (R-P6): edits, the progress pages and batch
    # imports each add an entry (see records.log_change); shown by a viewlet
    directives.omitted("change_log")
    change_log = JSONField(
        title=_("label_change_log", default="修改记录"),
        schema=CHANGE_LOG_SCHEMA,
        readonly=True,
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(IMonitoringRecord)
class MonitoringRecord(Item):
    """A project's monitoring in a round; rate and flags are computed."""

    title = ""
    budget_amount = None
    executed_amount = None
    problems = None
    severity = "none"
    project_title = None
    project_code = None
    change_log = ()

    @property
    def execution_rate(self):
        try:
            return execution.execution_rate(self.budget_amount, self.executed_amount)
        except ValueError:
            return None

    # ComputedAttribute(..., 1): computed on the acquisition wrapper, so the
    # round (the parent) is known; a plain property would see no parent.
    def _monitoring_round(self):
        parent = aq_parent(aq_inner(self))
        if getattr(parent, "portal_type", None) == "MonitoringRound":
            return parent
        return None

    monitoring_round = ComputedAttribute(_monitoring_round, 1)

    def _target_rate(self):
        monitoring_round = self._monitoring_round()
        return None if monitoring_round is None else monitoring_round.target_rate

    target_rate = ComputedAttribute(_target_rate, 1)

    def _record_flags(self):
        rate, target = self.execution_rate, self._target_rate()
        if target is None:
            rate = None  # no round, no target: only the severity counts
        return flags_rules.record_flags(rate, target or 0, self.severity)

    record_flags = ComputedAttribute(_record_flags, 1)

    def _flags(self):
        return flag_names(self._record_flags())

    flags = ComputedAttribute(_flags, 1)
