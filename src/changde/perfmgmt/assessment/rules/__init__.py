"""Plain-Python rules of the assessment module, one file per topic.

- :mod:`.scorecards`: scorecard templates (评分表), a tree of criteria whose
  weights add up to 100 at each level;
- :mod:`.scoring`: a report's scorecard scored from the facts the system holds
  and the scorer's entries, line by line;
- :mod:`.yearly`: the yearly assessment (考核) of municipal units and
  districts, and its ranking;
- :mod:`.subsidies`: the IT subsidies (信息化奖补) of plan measure 7.

Nothing here imports Zope or Plone; numbers are :class:`~decimal.Decimal`.
"""
