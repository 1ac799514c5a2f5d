"""InternalReviewRound (内部点评): one round of internal review of evaluation
reports (plan measure 8: 5 rounds a year by default).

The reviewed reports are rows (``reports``), not references: the
EvaluationReport type comes with the evaluation module, which can fill the
optional ``uid`` of a row. Each row: ``title``, ``reference``, ``uid``, the
four scores (``goal_completion``, ``problem_depth``,
``suggestion_feasibility``, ``text_quality``), the weighted ``total`` and
``excellent``. Rows are written through the "点评打分" form or POST
@review-reports, which validate them and compute the totals.
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.content.fields import MANAGE_PORTAL


def _people(title):
    return schema.List(
        title=title,
        description=_("help_one_per_line", default="每行一人。"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )


class IInternalReviewRound(model.Schema):
    year = schema.Int(
        title=_("label_review_year", default="年度"),
        min=MIN_YEAR,
        max=MAX_YEAR,
        required=True,
        defaultFactory=lambda: today_in_china().year,
    )
    number = schema.Int(
        title=_("label_review_number", default="轮次"),
        description=_("help_review_number", default="本年度第几轮内部点评。"),
        min=1,
        required=True,
    )
    date = schema.Date(
        title=_("label_review_date", default="点评日期"),
        required=True,
    )
    panel_experts = _people(_("label_panel_experts", default="专家"))
    panel_officials = _people(_("label_panel_officials", default="省财政厅领导"))
    panel_representatives = _people(
        _("label_panel_representatives", default="财经代表")
    )
    directives.omitted("reports")
    directives.write_permission(reports=MANAGE_PORTAL)
    reports = schema.List(
        title=_("label_reviewed_reports", default="点评报告"),
        value_type=schema.Dict(key_type=schema.TextLine(), value_type=schema.Field()),
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(IInternalReviewRound)
class InternalReviewRound(Item):
    """One round of internal review."""
