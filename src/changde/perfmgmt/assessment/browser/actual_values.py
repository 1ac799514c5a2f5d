"""``@@actual-values`` (年末实际值): the unit enters each indicator's actual
value at year end, also on an approved project, which it may no longer edit
otherwise (permission ``changde.perfmgmt: Enter actual values``, which the
unit's staff hold on their own unit's projects). The self-evaluation's
scorecard is scored from these values; saving re-scores the draft reports."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from changde.perfmgmt.assessment.actuals import indicators_of
from changde.perfmgmt.assessment.actuals import set_actual_values
from changde.perfmgmt.assessment.actuals import validate_actual_values
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _


class ActualValuesForm(BrowserView):
    errors = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.save():
                api.portal.show_message(
                    _("actual_values_saved", default="实际值已保存。"),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def rows(self):
        form = self.request.form
        answer = []
        for index, indicator in enumerate(indicators_of(self.context)):
            value = indicator.actual_value or ""
            if self.errors is not None:
                value = form.get(f"actual_value_{index}", "")
            answer.append(
                {
                    "index": index,
                    "uid": indicator.UID(),
                    "title": indicator.Title(),
                    "levels": f"{indicator.level1 or ''} / {indicator.level2 or ''}",
                    "comparator": indicator.comparator,
                    "target_value": indicator.target_value or "",
                    "unit": indicator.unit or "",
                    "value": value,
                    "errors": (self.errors or {}).get(indicator.UID(), []),
                }
            )
        return answer

    def typed(self):
        form = self.request.form
        return [
            {
                "indicator": indicator.UID(),
                "actual_value": (form.get(f"actual_value_{index}") or "").strip(),
            }
            for index, indicator in enumerate(indicators_of(self.context))
            if f"actual_value_{index}" in form
        ]

    def save(self):
        values = self.typed()
        violations = validate_actual_values(self.context, values)
        if violations:
            errors = {}
            for violation in violations:
                errors.setdefault(violation.params.get("indicator"), []).append(
                    translate_violation(violation, self.request)
                )
            self.errors = errors
            return False
        set_actual_values(self.context, values)
        return True
