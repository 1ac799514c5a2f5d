"""ScorecardTemplate (评分表模板): a scorecard the office edits, kept per year
and kind of evaluation (the criteria are rows, see
:mod:`..rules.scorecards`).

The criteria are edited on the template's "评分项" page (``@@edit-criteria``)
or over REST (``criteria``); weights that do not add up at each level are
refused when saved. An active template (workflow) is offered to reports and
is never changed again: nobody has Modify portal content on it. A report
keeps a copy of the criteria it was scored with, so a template can never
change under it. Next year's template is a copy (``@@copy-template``).
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import JSONField
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.assessment.rules.scorecards import validate_criteria
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.core.validation import RuleConstraint
from changde.perfmgmt.i18n import _

#: Rows are checked by the rule (its messages name the row), not by JSON
#: Schema (whose messages name nothing a person reads).
CRITERIA_SCHEMA = '{"type": "array"}'


def this_year():
    return today_in_china().year


class IScorecardTemplate(model.Schema):
    template_kind = schema.Choice(
        title=_("label_template_kind", default="适用评价类型"),
        description=_(
            "help_template_kind",
            default="没有指定评分表的评价报告,按评价类型和年度使用对应的模板。",
        ),
        vocabulary="changde.perfmgmt.EvaluationKinds",
        default="self",
        required=True,
    )
    year = schema.Int(
        title=_("label_template_year", default="适用年度"),
        min=MIN_YEAR,
        max=MAX_YEAR,
        defaultFactory=this_year,
        required=True,
    )
    # edited as a table on @@edit-criteria, not as raw JSON in a form
    directives.omitted("criteria")
    criteria = JSONField(
        title=_("label_criteria", default="评分项"),
        description=_(
            "help_criteria",
            default="每行一个评分项:code(如 1、1.2)、title、weight、method"
            "(formula、band、manual)、formula、description。同一层级的权重之和"
            "须为 100(下级之和等于上级的权重)。",
        ),
        schema=CRITERIA_SCHEMA,
        constraint=RuleConstraint(validate_criteria),
        default=[],
        missing_value=[],
        required=False,
    )


@implementer(IScorecardTemplate)
class ScorecardTemplate(Item):
    """A scorecard template."""

    criteria = []
    template_kind = "self"
    year = None
