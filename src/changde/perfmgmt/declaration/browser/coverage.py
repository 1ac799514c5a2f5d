"""The page ``@@coverage`` (四本预算覆盖情况, R-M5): per jurisdiction and year,
which budget kinds have projects under performance management and whether
the plan's target is met. Same data as the REST endpoint ``@coverage``."""

from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.declaration.coverage import coverage_of
from changde.perfmgmt.declaration.coverage import year_violations
from changde.perfmgmt.declaration.rules.budgets import BUDGET_KINDS
from changde.perfmgmt.declaration.vocabularies import BUDGET_KIND_TITLES


class CoverageView(BrowserView):
    def __call__(self):
        value = self.request.form.get("year") or str(today_in_china().year)
        self.year_value = value
        self.errors = [
            translate_violation(v, self.request) for v in year_violations(value)
        ]
        self.items = [] if self.errors else coverage_of(self.context, int(value))
        return self.index()

    def budget_kinds(self):
        """(id, label) of the five budget kinds, in the plan's order."""
        return [
            (kind, translate(BUDGET_KIND_TITLES[kind], context=self.request))
            for kind in BUDGET_KINDS
        ]

    def met_count(self):
        return sum(1 for item in self.items if item.result.met)
