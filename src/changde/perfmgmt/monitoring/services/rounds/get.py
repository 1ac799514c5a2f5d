"""GET @monitoring-rounds[?year=2026][&overdue=1]: the rounds with their report
due date and status; ``overdue`` lists the rounds past due and unreported."""

from datetime import date

from plone.restapi.services import Service

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
        year = self.request.form.get("year")
        try:
            year = int(year) if year not in (None, "") else None
        except ValueError:
            year = None
        today = date.today()
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
