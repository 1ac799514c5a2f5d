"""The report's edit form refuses a score that differs from the scorecard's
computed total without a reason, on the score field (the same rule as the
modified-event check that REST meets)."""

from z3c.form import validator
from zope.interface import Invalid

from changde.perfmgmt.assessment.scorecards import override_problem
from changde.perfmgmt.evaluation.content.evaluation_report import IEvaluationReport

REASON_WIDGET = "form.widgets.IReportScorecard.score_override_reason"


class ScoreOverrideValidator(validator.SimpleFieldValidator):
    def validate(self, value, force=False):
        super().validate(value, force)
        reason = self.request.form.get(REASON_WIDGET)
        message = override_problem(self.context, value, reason, self.request)
        if message:
            raise Invalid(message)


validator.WidgetValidatorDiscriminators(
    ScoreOverrideValidator, field=IEvaluationReport["score"]
)
