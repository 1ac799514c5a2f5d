"""GET @public-column on the site root: the performance column's sections,
each with its newest published items, the years of published reports and
the upcoming trainings — what the home page's portal shows."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import error
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity.portal import portal_data
from changde.perfmgmt.publicity.services.json import jsonable


class PublicColumnGet(Service):
    def reply(self):
        data = portal_data()
        if data is None:
            return error(
                self.request,
                404,
                "NotFound",
                _("api_no_column", default="The site has no performance column."),
            )
        return {
            "@id": f"{self.context.absolute_url()}/@public-column",
            **jsonable(data),
        }
