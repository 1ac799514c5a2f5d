"""BudgetProject (项目 / 专项 / 政策): a project, special fund or policy declared
with its budget, its performance goal and its indicators (plan measure 4, R-M4).

The field ids are a public contract (external systems create projects over
plone.restapi): keep them; see docs/declaration.md.
"""

from decimal import Decimal

from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import alsoProvides
from zope.interface import implementer

from changde.perfmgmt.core.validation import RuleConstraint
from changde.perfmgmt.declaration.rules.fields import DEFAULT_SETTINGS
from changde.perfmgmt.declaration.rules.fields import validate_amount
from changde.perfmgmt.declaration.rules.fields import validate_budget_kind
from changde.perfmgmt.declaration.rules.fields import validate_project_year
from changde.perfmgmt.declaration.widgets import IYearField
from changde.perfmgmt.i18n import _

#: Who decides whether a project is a new major policy and how its
#: pre-evaluation came out: the performance office (the permission it holds
#: in core's rolemap, with Manager and Site Administrator), never the unit,
#: which could otherwise pass its own pre-evaluation gate. Reviewers never
#: edit projects (the workflow gives them no Modify portal content).
OFFICE_DECIDES = "changde.perfmgmt.ManageSettings"


class IBudgetProject(model.Schema):
    # full-text search finds a project by its code and the words of its goal
    searchable("project_code", "performance_goal")

    project_code = schema.ASCIILine(
        title=_("label_project_code", default="Project code"),
        description=_(
            "help_project_code",
            default="The project's code in the integrated budget system.",
        ),
        required=False,
    )
    year = schema.Int(
        title=_("label_year", default="Budget year"),
        min=DEFAULT_SETTINGS.min_year,
        max=DEFAULT_SETTINGS.max_year,
        constraint=RuleConstraint(validate_project_year),
        required=True,
    )
    budget_kind = schema.Choice(
        title=_("label_budget_kind", default="Budget kind"),
        vocabulary="changde.perfmgmt.BudgetKinds",
        constraint=RuleConstraint(validate_budget_kind),
        required=True,
    )
    is_special_fund = schema.Bool(
        title=_("label_is_special_fund", default="Special fund (专项)"),
        default=False,
        required=False,
    )
    amount = schema.Decimal(
        title=_("label_amount", default="Amount (yuan)"),
        min=Decimal(0),
        constraint=RuleConstraint(validate_amount),
        required=True,
    )
    directives.write_permission(
        is_new_major=OFFICE_DECIDES, pre_evaluation_result=OFFICE_DECIDES
    )
    is_new_major = schema.Bool(
        title=_("label_is_new_major", default="New major policy or project"),
        description=_(
            "help_is_new_major",
            default="新出台重大政策和项目: needs a passed pre-evaluation before "
            "it can be submitted. Set by the performance office.",
        ),
        default=False,
        required=False,
    )
    performance_goal = RichText(
        title=_("label_performance_goal", default="Overall performance goal"),
        required=False,
    )
    management_measure = NamedBlobFile(
        title=_("label_management_measure", default="Special-fund management measure"),
        description=_(
            "help_management_measure",
            default="The 专项资金管理办法 issued jointly with the finance bureau.",
        ),
        required=False,
    )
    management_measure_reference = schema.TextLine(
        title=_(
            "label_management_measure_reference",
            default="Management measure: document number",
        ),
        description=_(
            "help_management_measure_reference",
            default="Or the number of the document that issued it.",
        ),
        required=False,
    )
    pre_evaluation_result = schema.Choice(
        title=_("label_pre_evaluation_result", default="Pre-evaluation result"),
        description=_(
            "help_pre_evaluation_result",
            default="Set by the performance office, or by an approved "
            "pre-evaluation report.",
        ),
        vocabulary="changde.perfmgmt.PreEvaluationResults",
        default="none",
        required=True,
    )


# shown and read as 2026, not 2,026
alsoProvides(IBudgetProject["year"], IYearField)


@implementer(IBudgetProject)
class BudgetProject(Container):
    """A declared project; holds its indicators."""

    @property
    def has_management_measure(self):
        reference = (self.management_measure_reference or "").strip()
        return bool(self.management_measure or reference)

    @property
    def has_performance_goal(self):
        goal = self.performance_goal
        return bool(goal and (goal.raw or "").strip())


# attribute defaults for objects created before a field existed
BudgetProject.management_measure = None
BudgetProject.management_measure_reference = None
BudgetProject.performance_goal = None
