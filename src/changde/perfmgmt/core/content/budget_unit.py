"""BudgetUnit (预算单位): a budget unit inside a jurisdiction. Holds projects;
its staff group gets local roles on it (see :mod:`changde.perfmgmt.core.tenancy`)."""

from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.content.tenant_folder import TenantFolder
from changde.perfmgmt.i18n import _


class IBudgetUnit(model.Schema):
    unit_code = schema.ASCIILine(
        title=_("label_unit_code", default="Unit code"),
        description=_(
            "help_unit_code",
            default="The unit's code in the integrated budget system.",
        ),
        required=True,
    )


@implementer(IBudgetUnit)
class BudgetUnit(TenantFolder):
    """A budget unit; ``staff_group`` is the id of its staff group."""

    staff_group = None
