"""POST @monitoring-prepare on a round: a draft record for each approved
project of the round's year that has none yet (201 with the new records)."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.monitoring.rounds import prepare_records


class PreparePost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        created = prepare_records(self.context)
        self.request.response.setStatus(201 if created else 200)
        return {
            "@id": f"{self.context.absolute_url()}/@monitoring-prepare",
            "items": [
                {
                    "@id": record.absolute_url(),
                    "UID": api.content.get_uuid(record),
                    "title": record.Title(),
                    "project": target_uid(record.project),
                }
                for record in created
            ],
            "items_total": len(created),
        }
