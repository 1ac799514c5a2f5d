"""Shared by the views of the libraries: the permissions they check, the
titles of the internal-review criteria."""

from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.rules.review_scoring import REVIEW_CRITERIA

MANAGE = "changde.perfmgmt: Manage libraries"
VIEW_RATINGS = "changde.perfmgmt: View library ratings"

CRITERION_TITLES = {
    "goal_completion": _(
        "review_criterion_goal_completion", default="项目目标完成情况"
    ),
    "problem_depth": _("review_criterion_problem_depth", default="问题揭示深度"),
    "suggestion_feasibility": _(
        "review_criterion_suggestion_feasibility", default="建议可行性"
    ),
    "text_quality": _("review_criterion_text_quality", default="报告文本水平"),
}
#: (criterion, title) in the order of the rules
CRITERIA = [(criterion, CRITERION_TITLES[criterion]) for criterion in REVIEW_CRITERIA]
