"""POST @monitoring-rounds ``{"year": 2026}``: create the year's rounds from
the settings in one action. Rounds that exist are left alone and listed
(201 when any was created, else 200)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.interfaces import IMonitoringFolder
from changde.perfmgmt.monitoring.rounds import create_year_rounds
from changde.perfmgmt.monitoring.rounds import monitoring_folder
from changde.perfmgmt.monitoring.rounds import round_info


class RoundsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_json_object(self.request)
        year = None if data is None else year_or_none(data.get("year"))
        if year is None:
            message = _(
                "monitoring_year_required",
                default='Give the year of the rounds, e.g. {"year": 2026}.',
            )
            return bad_request(
                self.request,
                message,
                [
                    {
                        "field": "year",
                        "message": translate(message, context=self.request),
                    }
                ],
            )
        if IMonitoringFolder.providedBy(self.context):
            folder = self.context
        else:
            folder = monitoring_folder(self.context)
        created, existing = create_year_rounds(year, folder)
        today = today_in_china()
        items = [dict(round_info(obj, today), created=True) for obj in created]
        items += [dict(round_info(obj, today), created=False) for obj in existing]
        items.sort(key=lambda item: item["round_number"])
        self.request.response.setStatus(201 if created else 200)
        return {
            "@id": f"{folder.absolute_url()}/@monitoring-rounds",
            "year": year,
            "items": items,
            "items_total": len(items),
            "created": len(created),
        }
