"""DELETE @rate/<id> on an Expert or Agency: the office deletes a rating
given by mistake. 204; 400 with field ``id`` when there is no such
rating."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.libraries.members import delete_rating
from changde.perfmgmt.libraries.services.rate.patch import NOT_SAVED
from changde.perfmgmt.libraries.services.rate.traverse import RatingIdTraverse


class RateDelete(RatingIdTraverse, Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        violations = delete_rating(self.context, self.rating_id())
        if violations:
            return bad_request(
                self.request, NOT_SAVED, violation_errors(violations, self.request)
            )
        return self.reply_no_content()
