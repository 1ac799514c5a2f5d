"""PATCH @rate/<id> on an Expert or Agency: the office corrects a rating.

Body: any of ``{"date", "engagement", "score", "note"}``; the others stay,
and so does the rater; ``changed_by`` and ``changed_on`` say who corrected
it and when. 200 with the rating and the member's count and average; 400
with field errors (``id`` when there is no such rating) and nothing
written.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.members import change_rating
from changde.perfmgmt.libraries.members import rating_position
from changde.perfmgmt.libraries.members import rating_summary
from changde.perfmgmt.libraries.members import ratings_of
from changde.perfmgmt.libraries.services.rate.traverse import RatingIdTraverse

NOT_SAVED = _("rating_not_saved", default="评分未保存:请更正以下错误。")


class RatePatch(RatingIdTraverse, Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        rating_id = self.rating_id()
        violations = change_rating(
            self.context, rating_id, data, api.user.get_current().getId()
        )
        if violations:
            return bad_request(
                self.request, NOT_SAVED, violation_errors(violations, self.request)
            )
        summary = rating_summary(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@rate/{rating_id}",
            "rating": ratings_of(self.context)[
                rating_position(self.context, rating_id)
            ],
            "ratings_count": summary["count"],
            "average": summary["average"],
        }
