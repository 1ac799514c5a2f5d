"""GET @publicity-record on the site root (``year``, default this year in
China): how many news items, work meetings and internal review meetings
(catalog ``publicity_kind``) and trainings (``TrainingEvent``) the year
had, and the items — what the annual report counts (R-M1, R-M2)."""

from plone import api
from plone.restapi.services import Service

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity.portal import news_item
from changde.perfmgmt.publicity.portal import public_item
from changde.perfmgmt.publicity.portal import training_item
from changde.perfmgmt.publicity.rules import listings
from changde.perfmgmt.publicity.services.json import jsonable


def publicity_record(year):
    news = api.content.find(
        portal_type="PublicityItem", year=year, sort_on="publicity_date"
    )
    trainings = api.content.find(
        portal_type="TrainingEvent", year=year, sort_on="start"
    )
    counts = listings.publicity_counts(brain.publicity_kind for brain in news)
    return {
        "year": year,
        "counts": {**counts, "training_events": len(trainings)},
        "items": [news_item(brain) for brain in news],
        "trainings": [public_item(training_item(brain)) for brain in trainings],
    }


class PublicityRecordGet(Service):
    def reply(self):
        raw = self.request.form.get("year")
        year = year_or_none(raw) if raw not in (None, "") else today_in_china().year
        if year is None:
            return bad_request(
                self.request,
                _(
                    "api_year_invalid",
                    default="Not a year: ${value}.",
                    mapping={"value": raw},
                ),
                [
                    field_error(
                        self.request,
                        "year",
                        _(
                            "api_year_invalid",
                            default="Not a year: ${value}.",
                            mapping={"value": raw},
                        ),
                    )
                ],
            )
        return {
            "@id": f"{self.context.absolute_url()}/@publicity-record?year={year}",
            **jsonable(publicity_record(year)),
        }
