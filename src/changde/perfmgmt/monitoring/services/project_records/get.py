"""GET @monitoring-records on a budget project: its records across rounds and
years (newest first), as the user may see them."""

from plone import api
from plone.restapi.services import Service

from changde.perfmgmt.monitoring.records import records_of_project
from changde.perfmgmt.monitoring.summary import public_item
from changde.perfmgmt.monitoring.summary import record_item


class ProjectRecordsGet(Service):
    def reply(self):
        items = []
        for brain in records_of_project(api.content.get_uuid(self.context)):
            item = public_item(record_item(brain))
            item["round"] = brain.getURL().rsplit("/", 1)[0]
            items.append(item)
        return {
            "@id": f"{self.context.absolute_url()}/@monitoring-records",
            "items": items,
            "items_total": len(items),
        }
