"""POST @rate on an Expert or Agency: the office rates one engagement.

Body: ``{"date": "2026-05-01", "engagement": "...", "score": 88, "note": ""}``
(date defaults to today). The rater is the signed-in user. Answers 201 with
the stored rating (with its ``id``: ``@rate/<id>`` corrects or deletes it)
and the member's count and average; 400 with field errors and nothing
written when the rating is not valid.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.members import add_rating
from changde.perfmgmt.libraries.members import rating_summary


class RatePost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        violations = add_rating(
            self.context,
            data.get("date") or today_in_china(),
            data.get("engagement"),
            data.get("score"),
            api.user.get_current().getId(),
            data.get("note") or "",
        )
        if violations:
            return bad_request(
                self.request,
                _("rating_not_saved", default="评分未保存:请更正以下错误。"),
                violation_errors(violations, self.request),
            )
        self.request.response.setStatus(201)
        summary = rating_summary(self.context)
        rating = self.context.ratings[-1]
        return {
            "@id": f"{self.context.absolute_url()}/@rate/{rating['id']}",
            "rating": rating,
            "ratings_count": summary["count"],
            "average": summary["average"],
        }
