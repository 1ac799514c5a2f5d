"""Plain-Python rules of evaluation, rectification and result application.

Covers plan measures 10 (强化结果应用机制), 12 (建立反馈整改机制) and 13
(建立淘汰机制) of the 2019 work plan, i.e. requirements R-M10, R-M12 and R-M13,
plus the grade bands every scored evaluation uses.

Nothing in this package imports Zope or Plone. Numbers (scores, rates) are
:class:`~decimal.Decimal`; inputs may be ``Decimal``, ``int``, numeric strings
or ``float`` (taken through ``str()`` so that ``89.99`` stays ``89.99``);
``bool``, NaN and infinities are refused. Every threshold of the plan lives in
a frozen settings dataclass whose defaults are the plan's numbers; the Plone
side builds them from the registry and passes them in.

One module per topic: ``kinds`` (kinds of evaluation), ``grades`` (scores,
grade bands, pre-evaluation results), ``rectification`` (R-M12),
``application`` (result application, R-M10) and ``negative_list`` (R-M13).
"""
