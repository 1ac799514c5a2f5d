"""Business rules of monitoring (运行监控, requirement R-M9).

Work plan measure 9: at least two monitoring rounds a year. By default the
first round looks at the execution rate at the end of October (target 60%,
focus on the soundness of the budget and the safety of funds), the second at
the end of December (target 85%, focus on compliance, timeliness,
effectiveness and completeness). Each round's result is reported to the
leadership group within 10 working days of the following month. Execution
below target is flagged, serious problems can suspend funding (R-M10), and
flagged results enter the negative list (R-M13).

Plain Python: nothing in this package imports Zope or Plone. Amounts and rates
are :class:`~decimal.Decimal`; rates are percentages (``Decimal("60.00")`` is
60%).

One module per topic: ``rounds`` (the year's rounds and the settings),
``deadlines`` (when a round's report is due), ``execution`` (amounts and
rates), ``flags`` (below target, suspension, over budget), ``progress``
(indicator progress), ``focus`` (a round's focus items), ``records`` (locked
records) and ``import_rows`` (a batch of rows).
"""
