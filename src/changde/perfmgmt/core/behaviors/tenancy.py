"""The tenancy behavior (``changde.perfmgmt.tenancy``): the jurisdiction and
budget unit that a tenant-owned item living outside its unit (a monitoring
record, an evaluation report, a rectification item, a negative-list entry)
belongs to.

The values are copies of its project's or unit's (see
:func:`changde.perfmgmt.core.tenancy.apply_tenancy`), read-only in forms, for
catalog filters, listings and the REST answer; the staff groups' local roles
come with them. Items inside their unit (projects, indicators) need no copy:
their place says it.
"""

from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider

from changde.perfmgmt.i18n import _

#: The fields of the behavior.
TENANCY_FIELDS = ("jurisdiction", "jurisdiction_title", "budget_unit", "unit_title")


@provider(IFormFieldProvider)
class ITenancy(model.Schema):
    """Which jurisdiction and unit an item belongs to (copied)."""

    # first in the forms, as when they were part of each type's schema
    directives.order_before(jurisdiction="*")
    directives.order_after(jurisdiction_title="ITenancy.jurisdiction")
    directives.order_after(budget_unit="ITenancy.jurisdiction_title")
    directives.order_after(unit_title="ITenancy.budget_unit")

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
