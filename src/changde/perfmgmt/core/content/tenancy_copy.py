"""The jurisdiction and unit that content living outside its unit copies from
its project or unit (see :func:`changde.perfmgmt.core.tenancy.apply_tenancy`):
read-only fields, for catalog filters, listings and the REST answer."""

from plone.supermodel import model
from zope import schema

from changde.perfmgmt.i18n import _


class ITenancyCopy(model.Schema):
    jurisdiction = schema.TextLine(
        title=_("label_eval_jurisdiction", default="地区"),
        readonly=True,
        required=False,
    )
    jurisdiction_title = schema.TextLine(
        title=_("label_eval_jurisdiction_title", default="地区名称"),
        readonly=True,
        required=False,
    )
    budget_unit = schema.TextLine(
        title=_("label_eval_budget_unit", default="预算单位"),
        readonly=True,
        required=False,
    )
    unit_title = schema.TextLine(
        title=_("label_eval_unit_title", default="预算单位名称"),
        readonly=True,
        required=False,
    )


class TenancyCopy:
    """Defaults of :class:`ITenancyCopy` for the content classes."""

    jurisdiction = None
    jurisdiction_title = None
    budget_unit = None
    unit_title = None
