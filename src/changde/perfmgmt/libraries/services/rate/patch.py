"""PATCH @rate/<index> on an Expert or Agency: the office corrects a rating.

Body: any of ``{"date", "engagement", "score", "note"}``; the others stay,
and so does the rater; ``changed_by`` and ``changed_on`` say who corrected
it and when. 200 with the rating and the member's count and average; 400
with field errors (``index`` when there is no such rating) and nothing
written.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.members import change_rating
from changde.perfmgmt.libraries.members import rating_summary
from changde.perfmgmt.libraries.members import ratings_of
from changde.perfmgmt.libraries.services.rate.traverse import RatingIndexTraverse

NOT_SAVED = _("rating_not_saved", default="评分未保存:请更正以下错误。")


class RatePatch(RatingIndexTraverse, Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_body(self.request)
        index = self.rating_index()
        violations = change_rating(
            self.context, index, data, api.user.get_current().getId()
        )
        if violations:
            raise InputRefused(NOT_SAVED, violations)
        summary = rating_summary(self.context)
        return {
            "@id": f"{self.context.absolute_url()}/@rate/{index}",
            "rating": ratings_of(self.context)[index],
            "ratings_count": summary["count"],
            "average": summary["average"],
        }
