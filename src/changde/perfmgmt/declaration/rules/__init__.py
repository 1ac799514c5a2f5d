"""Business rules of the declaration module (预算编制有目标), in plain Python.

The gates of the plan that a budget project (项目 / 专项 / 政策) must pass before
it is submitted or approved, the checks of its fields and of its indicators,
and the four-budgets coverage targets. Nothing in this package imports Zope or
Plone: the Plone side (workflow guards, form validators, REST services) builds
plain inputs (``gates.ProjectFacts``, ``gates.NegativeListHit``, the settings)
from content and the registry, and turns the violations answered here into
translated, field-level messages. Every rule answers with a list of
violations; an empty list means the rule is met. Money is
:class:`~decimal.Decimal` in yuan.

One module per topic: ``budgets`` (budget kinds), ``fields`` (a project's
fields and the thresholds), ``indicators`` (an indicator's fields), ``gates``
(submission, approval, return) and ``coverage`` (the four budgets, R-M5).
"""
