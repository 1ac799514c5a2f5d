"""GET @monitoring-rounds[?year=2026][&overdue=1]: the rounds the caller may
see with their report due date and status; ``overdue`` lists the rounds past
due and unreported (China's date). A ``year`` that is not a year answers 400;
a caller who may not see the monitoring folder gets 401."""

from AccessControl import Unauthorized
from plone import api
from plone.restapi.services import Service

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.interfaces import IMonitoringFolder
from changde.perfmgmt.monitoring.rounds import monitoring_folder
from changde.perfmgmt.monitoring.rounds import round_info
from changde.perfmgmt.monitoring.rounds import rounds_in


def folder_of(context):
    if IMonitoringFolder.providedBy(context):
        return context
    return monitoring_folder(context, create=False)


class RoundsGet(Service):
    def reply(self):
        folder = folder_of(self.context)
        if folder is not None and not api.user.has_permission("View", obj=folder):
            raise Unauthorized("You may not see the monitoring rounds.")
        year = self.request.form.get("year")
        if year not in (None, ""):
            year = year_or_none(year)
            if year is None:
                message = _(
                    "monitoring_year_invalid_query",
                    default="year 须为 ${min} 至 ${max} 之间的年份。",
                    mapping={"min": str(MIN_YEAR), "max": str(MAX_YEAR)},
                )
                return bad_request(
                    self.request, message, [field_error(self.request, "year", message)]
                )
        else:
            year = None
        today = today_in_china()
        items = (
            [round_info(obj, today) for obj in rounds_in(folder, year)]
            if folder is not None
            else []
        )
        if self.request.form.get("overdue") in ("1", "true", "yes"):
            items = [item for item in items if item["overdue"]]
        return {
            "@id": f"{self.context.absolute_url()}/@monitoring-rounds",
            "items": items,
            "items_total": len(items),
            "overdue": [item["@id"] for item in items if item["overdue"]],
        }
