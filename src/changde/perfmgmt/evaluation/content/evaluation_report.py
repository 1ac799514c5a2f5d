"""EvaluationReport (评价报告): one evaluation of a project (or of a unit, for
a unit-wide evaluation): its kind, year, score and the grade computed from it
(bands in the registry), the agency and experts from the libraries, findings,
suggestions, the report file and the indicator actuals at year end.

Reports live in the evaluation folder; each copies its project's (or unit's)
tenancy and gives the staff groups local roles (:mod:`..reports`). Key
evaluations hold their rectification items. Field ids are a public contract
(docs/evaluation-api.md).

What defines a report (its kind, year, project and unit), who evaluates it
and the office's findings that the result application reads are written by
the performance office only (``ManageEvaluation``): a unit with Editor on its
self-evaluation, or an assigned expert, writes the score and the text.
"""

import json

from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.schema import JSONField
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import alsoProvides
from zope.interface import implementer

from changde.perfmgmt.core.relations import PICKER
from changde.perfmgmt.core.relations import picker
from changde.perfmgmt.core.relations import source
from changde.perfmgmt.core.rules.numbers import SCORE_MAX
from changde.perfmgmt.core.rules.numbers import SCORE_MIN
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.evaluation.interfaces import IMemberReference
from changde.perfmgmt.evaluation.interfaces import IMemberReferences
from changde.perfmgmt.evaluation.rules.grades import GRADE_LABELS
from changde.perfmgmt.evaluation.rules.grades import grade_for_score
from changde.perfmgmt.i18n import _

MANAGE = "changde.perfmgmt.ManageEvaluation"
#: fields the office alone writes: what the report is about
DEFINING_FIELDS = ("evaluation_kind", "year", "project", "unit")
#: the office's findings that the result application reads (R-M10)
OFFICE_FINDINGS = (
    "goals_unclear",
    "ineffective",
    "overlapping_or_fragmented",
    "funds_idle_months",
)

ACTUALS_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "indicator": {"type": ["string", "null"]},
                "title": {"type": "string"},
                "target_value": {"type": ["string", "number", "null"]},
                "actual_value": {"type": ["string", "number", "null"]},
                "met": {"type": ["boolean", "null"]},
                "note": {"type": ["string", "null"]},
            },
            "required": ["title"],
            "additionalProperties": False,
        },
    }
)


class IEvaluationReport(model.Schema):
    directives.write_permission(**dict.fromkeys(DEFINING_FIELDS, MANAGE))
    evaluation_kind = schema.Choice(
        title=_("label_evaluation_kind", default="评价类型"),
        vocabulary="changde.perfmgmt.EvaluationKinds",
        default="key",
        required=True,
    )
    year = schema.Int(
        title=_("label_evaluation_year", default="评价年度"),
        description=_("help_evaluation_year", default="被评价的预算年度。"),
        min=MIN_YEAR,
        max=MAX_YEAR,
        required=True,
    )
    directives.widget("project", PICKER, **picker("BudgetProject"))
    project = RelationChoice(
        title=_("label_evaluated_project", default="被评价项目"),
        description=_(
            "help_evaluated_project",
            default="部门整体支出评价可不填项目,填被评价单位。",
        ),
        source=source("BudgetProject"),
        required=False,
    )
    directives.widget("unit", PICKER, **picker("BudgetUnit"))
    unit = RelationChoice(
        title=_("label_evaluated_unit", default="被评价单位"),
        description=_(
            "help_evaluated_unit",
            default="部门整体支出评价必填;项目评价取项目所属单位。",
        ),
        source=source("BudgetUnit"),
        required=False,
    )
    score = schema.Decimal(
        title=_("label_score", default="评分"),
        min=SCORE_MIN,
        max=SCORE_MAX,
        required=False,
    )
    grade = schema.TextLine(
        title=_("label_grade", default="等级"),
        description=_(
            "help_grade",
            default="由评分按等级区间计算:优 ≥ 90,良 80–89,中 60–79,差 < 60。",
        ),
        readonly=True,
        required=False,
    )
    # the office assigns the evaluators; the assigned ones may edit the
    # report's other fields, not who evaluates
    directives.write_permission(evaluator_agency=MANAGE, experts=MANAGE)
    # from the libraries, members not removed (已淘汰)
    directives.widget("evaluator_agency", PICKER, **picker("Agency"))
    evaluator_agency = RelationChoice(
        title=_("label_evaluator_agency", default="评价机构"),
        source=source("Agency", library_removed=False),
        required=False,
    )
    directives.widget("experts", PICKER, **picker("Expert"))
    experts = RelationList(
        title=_("label_evaluation_experts", default="评价专家"),
        value_type=RelationChoice(
            title=_("label_evaluation_expert", default="评价专家"),
            source=source("Expert", library_removed=False),
        ),
        required=False,
        default=[],
        missing_value=[],
    )
    findings = schema.Text(
        title=_("label_findings", default="评价发现的问题"), required=False
    )
    suggestions = schema.Text(
        title=_("label_suggestions", default="评价建议"), required=False
    )
    report_file = NamedBlobFile(
        title=_("label_report_file", default="评价报告文件"), required=False
    )
    indicator_actuals = JSONField(
        title=_("label_indicator_actuals", default="年末指标完成情况"),
        description=_(
            "help_indicator_actuals",
            default="每个指标一行:indicator(UID)、title、target_value、"
            "actual_value、met、note。",
        ),
        schema=ACTUALS_SCHEMA,
        default=[],
        missing_value=[],
        required=False,
    )
    grade_label = schema.TextLine(
        title=_("label_grade_label", default="等级(中文)"),
        readonly=True,
        required=False,
    )
    project_title = schema.TextLine(
        title=_("label_eval_project_title", default="项目名称"),
        readonly=True,
        required=False,
    )
    project_code = schema.TextLine(
        title=_("label_eval_project_code", default="项目编码"),
        readonly=True,
        required=False,
    )
    # Findings the result application reads (R-M10): the office marks them
    # on its own tab; the run counts them once the report is approved.
    model.fieldset(
        "office_findings",
        label=_("fieldset_office_findings", default="绩效科认定"),
        fields=list(OFFICE_FINDINGS),
    )
    directives.write_permission(**dict.fromkeys(OFFICE_FINDINGS, MANAGE))
    goals_unclear = schema.Bool(
        title=_("label_goals_unclear", default="绩效目标不明确"),
        description=_(
            "help_goals_unclear",
            default="目标审核发现绩效目标不明确：建议调减或整合，并拟列入负面清单。",
        ),
        required=False,
    )
    ineffective = schema.Bool(
        title=_("label_ineffective", default="资金低效或无效"),
        description=_(
            "help_ineffective", default="评价认定资金低效或无效：建议削减或取消。"
        ),
        required=False,
    )
    overlapping_or_fragmented = schema.Bool(
        title=_("label_overlapping_or_fragmented", default="交叉重复或碎片化"),
        description=_(
            "help_overlapping_or_fragmented",
            default="与其他项目交叉重复，或资金安排碎片化：建议调整或整合。",
        ),
        required=False,
    )
    funds_idle_months = schema.Int(
        title=_("label_funds_idle_months", default="资金闲置月数"),
        description=_(
            "help_funds_idle_months",
            default="资金闲置的月数；达到设置的月数（默认 24）的，建议收回统筹使用。",
        ),
        min=0,
        required=False,
    )


# The agency and experts are serialized as references (names resolved for
# every reader of the report), not through the viewer's vocabulary.
alsoProvides(IEvaluationReport["evaluator_agency"], IMemberReference)
alsoProvides(IEvaluationReport["experts"], IMemberReferences)


@implementer(IEvaluationReport)
class EvaluationReport(Container):
    """An evaluation report; ``grade`` is computed from the score."""

    evaluation_kind = "key"
    project = None
    unit = None
    score = None
    evaluator_agency = None
    experts = []
    findings = None
    suggestions = None
    report_file = None
    indicator_actuals = []
    goals_unclear = False
    ineffective = False
    overlapping_or_fragmented = False
    funds_idle_months = None
    # copied from the project or unit (see reports.refresh_report)
    project_title = None
    project_code = None
    unit_uid = None
    notifications = ()

    @property
    def grade(self):
        from changde.perfmgmt.evaluation.settings import grade_bands

        if self.score is None:
            return None
        try:
            return grade_for_score(self.score, grade_bands())
        except ValueError:
            return None

    @property
    def grade_label(self):
        grade = self.grade
        return GRADE_LABELS.get(grade) if grade else None
