"""BudgetUnit (预算单位): a budget unit inside a jurisdiction. Holds projects;
its staff group gets local roles on it (see :mod:`changde.perfmgmt.core.tenancy`)."""

from OFS.event import ObjectWillBeAddedEvent
from plone.supermodel import model
from zope import schema
from zope.event import notify
from zope.interface import implementer
from zope.lifecycleevent import ObjectAddedEvent

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
    """A budget unit; ``staff_group`` is the id of its staff group.

    Unordered: a unit's projects are listed by the catalog (title, state,
    year), never by a hand-made order, and an ordered folder writes one
    order list on every addition, which made the unit's staff adding
    projects at the same moment conflict (issue 17)."""

    staff_group = None
    _ordering = "unordered"

    def _setObject(
        self, id, object, roles=None, user=None, set_owner=1, suppress_events=False
    ):
        """Add as every folder does, but without the container-modified event:
        it reindexed the whole unit and rewrote its modification date on every
        new project, so that two of the unit's staff adding projects at the
        same moment always conflicted on the unit (issue 17). The unit's
        ``modified`` is the unit's own last edit; its projects have theirs."""
        if suppress_events:
            return super()._setObject(id, object, roles, user, set_owner, True)
        id = self._checkId(id) or id
        notify(ObjectWillBeAddedEvent(object, self, id))
        id = super()._setObject(id, object, roles, user, set_owner, True)
        notify(ObjectAddedEvent(self._getOb(id), self, id))
        return id
