"""Plain-Python building blocks the rules of every module share.

Nothing in this package imports Zope or Plone (``tests/core/test_rules_purity.py``
checks it). One module per topic: ``violations`` (how a rule answers),
``values`` (form values), ``numbers`` (decimals, percentages, score range),
``money`` (yuan as people read them, in 元 or 万元), ``years``,
``jurisdictions``, ``pinyin`` (name ordering), ``clock`` (the Beijing date)
and ``workdays`` (the working-day calendar of every deadline).
"""
