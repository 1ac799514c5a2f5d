"""The elimination page (末位淘汰) of an expert or agency library: the year's
ranking (from the ratings given that year) and the proposals, marking them,
and confirming the office's decisions (remove or keep, with a reason for
every override)."""

import transaction
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.members import confirm_elimination
from changde.perfmgmt.libraries.members import elimination_as_json
from changde.perfmgmt.libraries.members import mark_proposed


class EliminationView(BrowserView):
    errors = ()

    def year(self):
        """The year ranked: ?year=, else this year (a bad value too)."""
        return year_or_none(self.request.form.get("year")) or (today_in_china().year)

    def data(self):
        if not hasattr(self, "_data"):
            self._data = elimination_as_json(self.context, year=self.year())
        return self._data

    def page_url(self):
        return f"{self.context.absolute_url()}/@@elimination?year={self.year()}"

    def proposed_ids(self):
        return {item["id"] for item in self.data()["proposed"]}

    def decisions_from_form(self):
        """{member id: (decision, reason)} from the form: a decision_<id>
        field for each member decided (empty = no decision)."""
        form = self.request.form
        decisions = {}
        for key, value in form.items():
            if key.startswith("decision_") and value:
                member_id = key[len("decision_") :]
                decisions[member_id] = (value, form.get(f"reason_{member_id}", ""))
        return decisions

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            messages = IStatusMessage(self.request)
            if form.get("form.buttons.propose"):
                marked = mark_proposed(self.context, year=self.year())
                messages.add(
                    _(
                        "elimination_marked",
                        default="已将 ${count} 名成员标记为拟淘汰。",
                        mapping={"count": str(len(marked))},
                    )
                )
                return self.request.response.redirect(self.page_url())
            if form.get("form.buttons.confirm"):
                violations, run = confirm_elimination(
                    self.context,
                    self.decisions_from_form(),
                    api.user.get_current().getId(),
                    year=self.year(),
                )
                if violations:
                    transaction.doom()
                    self.errors = [
                        {
                            "field": violation.field or "",
                            "message": translate_violation(violation, self.request),
                        }
                        for violation in violations
                    ]
                    return self.index()
                messages.add(
                    _(
                        "elimination_confirmed",
                        default="末位淘汰已确认:${count} 项决定。",
                        mapping={"count": str(len(run["decisions"]))},
                    )
                )
                return self.request.response.redirect(self.page_url())
        return self.index()
