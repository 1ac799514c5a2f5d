"""GET @public-feedback on the site root (``year``, ``report``,
``answered=true|false``): the opinions, newest first, and the same grouped
by year and report, with the counts."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import query_value
from changde.perfmgmt.core.rest import query_year
from changde.perfmgmt.publicity import public_feedback
from changde.perfmgmt.publicity.services.json import jsonable

ANSWERED = {
    "true": True,
    "1": True,
    "yes": True,
    "false": False,
    "0": False,
    "no": False,
}


class PublicFeedbackGet(Service):
    def reply(self):
        rows = public_feedback.feedback_rows(
            year=query_year(self.request),
            report=query_value(self.request, "report"),
            answered=ANSWERED.get(
                (query_value(self.request, "answered") or "").lower()
            ),
        )
        answered = sum(1 for row in rows if row["answered"])
        return {
            "@id": f"{self.context.absolute_url()}/@public-feedback",
            "items_total": len(rows),
            "answered": answered,
            "unanswered": len(rows) - answered,
            "items": jsonable(rows),
            "by_year": jsonable(public_feedback.grouped(rows)),
        }
