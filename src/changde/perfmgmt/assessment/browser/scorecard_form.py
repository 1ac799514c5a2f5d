"""``@@scorecard``: the scorer fills the lines scored by hand or by band (and
the qualitative indicators), marks what does not apply (with the reason) and
explains a low execution rate; the entries are checked by
:func:`rules.scoring.validate_entries`, as ``PATCH @scorecard`` does."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from changde.perfmgmt.assessment.cardview import card_data
from changde.perfmgmt.assessment.rules.scoring import validate_entries
from changde.perfmgmt.assessment.scorecards import card_facts
from changde.perfmgmt.assessment.scorecards import card_rows
from changde.perfmgmt.assessment.scorecards import has_card
from changde.perfmgmt.assessment.scorecards import is_draft
from changde.perfmgmt.assessment.scorecards import save_entries
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _


class ScorecardForm(BrowserView):
    """``@@scorecard``: the scorer's entries."""

    errors = None

    def __call__(self):
        if not has_card(self.context):
            api.portal.show_message(
                _("scorecard_none", default="此评价报告没有评分表。"),
                request=self.request,
                type="warning",
            )
            return self.request.response.redirect(self.context.absolute_url())
        if not is_draft(self.context):
            api.portal.show_message(
                _(
                    "scorecard_not_draft",
                    default="评价报告已提交,评分表不能再修改;退回草稿后才能修改。",
                ),
                request=self.request,
                type="warning",
            )
            return self.request.response.redirect(self.context.absolute_url())
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.save():
                api.portal.show_message(
                    _("scorecard_saved", default="评分表已保存。"), request=self.request
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def card(self):
        return card_data(self.context, self.request)

    def rows(self):
        """One dict per line the scorer may fill, with what is saved (or
        was just typed) and the errors of its key."""
        card = self.card()
        saved = self.context.scorecard_entries or {}
        typed = self.typed() if self.errors is not None else {}
        answer = []
        for index, line in enumerate(card["lines"]):
            if line["kind"] == "group":
                answer.append({"line": line, "index": index, "fill": None})
                continue
            if line["kind"] == "indicator":
                fill = "percent" if line["method"] == "band" else None
            elif line["method"] == "band":
                fill = "percent"
            elif line["method"] == "manual":
                fill = "points"
            else:
                fill = None
            entry = dict(saved.get(line["key"]) or {})
            if line["key"] in typed:
                entry = typed[line["key"]]
            elif self.errors is not None:
                entry = {}
            answer.append(
                {
                    "line": line,
                    "index": index,
                    "fill": fill,
                    "value": "" if entry.get(fill) is None else str(entry.get(fill)),
                    "not_applicable": bool(entry.get("not_applicable")),
                    "note": entry.get("note") or "",
                    "errors": (self.errors or {}).get(line["key"], []),
                }
            )
        return answer

    def typed(self):
        """The entries as the form sends them: ``<name>_<index>`` fields."""
        form = self.request.form
        card = self.card()
        entries = {}
        for index, line in enumerate(card["lines"]):
            if line["kind"] == "group":
                continue
            entry = {}
            for name in ("points", "percent"):
                value = (form.get(f"{name}_{index}") or "").strip()
                if value:
                    entry[name] = value
            if form.get(f"not_applicable_{index}"):
                entry["not_applicable"] = True
            note = (form.get(f"note_{index}") or "").strip()
            if note:
                entry["note"] = note
            if entry:
                entries[line["key"]] = entry
        return entries

    def save(self):
        entries = self.typed()
        violations = validate_entries(
            card_rows(self.context), entries, card_facts(self.context)
        )
        if violations:
            errors = {}
            for violation in violations:
                key = violation.params.get("key")
                errors.setdefault(key, []).append(
                    translate_violation(violation, self.request)
                )
            self.errors = errors
            return False
        save_entries(self.context, entries)
        return True

    def general_errors(self):
        keys = {row["line"]["key"] for row in self.rows()}
        return [
            message
            for key, messages in (self.errors or {}).items()
            if key not in keys
            for message in messages
        ]
