"""Plain-Python rules of the libraries and of internal review (R-M8).

Plan measure 8 (提升工作质量): internal review (内部点评) of evaluation reports,
the expert and intermediary-agency libraries with bottom-ranked elimination
(末位淘汰), and the supervision-guidance library (监督指导库) with its five
member groups.

Nothing in this package imports Zope or Plone. Scores and averages are
:class:`~decimal.Decimal`; inputs may be ``Decimal``, ``int``, numeric strings
or ``float`` (taken through ``str()``); ``bool``, NaN and infinities are
refused. Thresholds live in frozen settings dataclasses with the plan's
defaults; the Plone side builds them from the registry and passes them in.

One module per topic: ``supervision`` (监督指导库), ``review_scoring``
(internal review scores, weights, the excellent cap), ``review_rounds`` (rounds
and reviewed reports), ``members`` (kinds, levels, statuses), ``ratings``
(ratings of engagements), ``elimination`` (末位淘汰) and ``import_export``
(the spreadsheet columns of a library).
"""
