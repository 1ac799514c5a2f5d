"""GET @public-feedback on the site root (``year``, ``report``,
``answered=true|false``): the opinions, newest first, and the same grouped
by year and report, with the counts."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rules.years import year_or_none
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
        form = self.request.form
        rows = public_feedback.feedback_rows(
            year=year_or_none(form.get("year")),
            report=form.get("report") or None,
            answered=ANSWERED.get(str(form.get("answered", "")).lower()),
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
