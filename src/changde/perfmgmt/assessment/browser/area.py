"""The assessment area (绩效考核) in the browser:

- the area page: the scorecard templates by year (the office), the year's
  assessment ranking and the subsidy table;
- ``@@assessment-ranking`` (and ``?format=xlsx``): the year's cards of
  municipal units and of districts the user may see, ranked by total, with
  each criterion's points; the office creates the year's cards here;
- the card's page: each criterion with its pre-filled number and where it
  came from, the office's entries (draft), the total;
- ``@@it-subsidies`` (and ``?format=xlsx``): the subsidy table by year with
  totals; the office enters the year each district's system went in use.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.behaviors import IITSystem
from changde.perfmgmt.assessment.cardview import explanation_text
from changde.perfmgmt.assessment.content.assessment_card import IAssessmentCard
from changde.perfmgmt.assessment.excel import ranking_workbook
from changde.perfmgmt.assessment.excel import subsidies_workbook
from changde.perfmgmt.assessment.labels import KIND_TITLES
from changde.perfmgmt.assessment.labels import SOURCE_TITLES
from changde.perfmgmt.assessment.labels import SUBSIDY_STATUS_TITLES
from changde.perfmgmt.assessment.rules import yearly as yearly_rules
from changde.perfmgmt.assessment.subsidies import jurisdictions
from changde.perfmgmt.assessment.subsidies import subsidy_table_for
from changde.perfmgmt.core.browser.money import display_amount
from changde.perfmgmt.core.browser.money import money_unit_label
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES as EVALUATION_KINDS
from changde.perfmgmt.i18n import _

MANAGE = "changde.perfmgmt: Manage assessment"


def state_title(state, portal_type, request):
    workflow = api.portal.get_tool("portal_workflow")
    return translate(
        workflow.getTitleForStateOnType(state, portal_type),
        domain="plone",
        context=request,
    )


def requested_year(request, default=None):
    year = year_or_none(request.form.get("year"))
    return year or default or today_in_china().year


class AreaView(BrowserView):
    def year(self):
        return requested_year(self.request)

    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def templates(self):
        brains = api.content.find(
            context=self.context,
            portal_type="ScorecardTemplate",
            sort_on="sortable_title",
        )
        rows = [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "year": brain.year,
                "kind": translate(
                    EVALUATION_KINDS.get(brain.template_kind, ""), context=self.request
                ),
                "state": state_title(
                    brain.review_state, "ScorecardTemplate", self.request
                ),
            }
            for brain in brains
        ]
        return sorted(rows, key=lambda row: (-(row["year"] or 0), row["title"]))

    def card_years(self):
        catalog = api.portal.get_tool("portal_catalog")
        years = {
            brain.year for brain in catalog(portal_type="AssessmentCard") if brain.year
        }
        return sorted(years, reverse=True)


class RankingView(BrowserView):
    """``@@assessment-ranking?year=``: the ranking tables, Excel with
    ``format=xlsx``; the office creates or refreshes the year's cards."""

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("create_cards"):
            CheckAuthenticator(self.request)
            if not api.user.has_permission(MANAGE, obj=self.context):
                self.request.response.setStatus(403)
                return translate(
                    _(
                        "assessment_not_allowed",
                        default="只有绩效科可以生成考核评分表。",
                    ),
                    context=self.request,
                )
            created = yearly.create_cards(self.year(), self.request)
            api.portal.show_message(
                _(
                    "assessment_cards_created",
                    default="已生成 ${count} 张考核评分表,并按系统数据预填。",
                    mapping={"count": str(len(created))},
                ),
                request=self.request,
            )
            return self.request.response.redirect(
                f"{self.context.absolute_url()}/@@assessment-ranking?year={self.year()}"
            )
        if form.get("format") == "xlsx":
            data = ranking_workbook(self.year(), self.export_tables(), self.request)
            return xlsx_response(
                self.request, data, f"{self.year()}年度绩效考核排名.xlsx"
            )
        return self.index()

    def year(self):
        return requested_year(self.request)

    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def tables(self):
        answer = []
        settings_criteria = None
        for kind in yearly_rules.TARGET_KINDS:
            rows = yearly.ranking(self.year(), kind)
            criteria = []
            for row in rows:
                card = api.content.get(UID=row["UID"])
                result = yearly.card_result(card)
                row["points"] = [
                    None if line.points is None else str(line.points)
                    for line in result.lines
                ]
                row["state_title"] = state_title(
                    row["review_state"], "AssessmentCard", self.request
                )
                if not criteria:
                    criteria = [
                        {
                            "id": line.id,
                            "title": yearly.criterion_title(
                                line.id, line.title, self.request
                            ),
                            "weight": str(line.weight),
                        }
                        for line in result.lines
                    ]
            if not criteria:
                if settings_criteria is None:
                    from changde.perfmgmt.assessment.settings import assessment_settings

                    settings_criteria = assessment_settings()
                criteria = [
                    {
                        "id": c.id,
                        "title": yearly.criterion_title(c.id, c.title, self.request),
                        "weight": str(c.weight),
                    }
                    for c in settings_criteria.criteria(kind)
                ]
            answer.append(
                {
                    "kind": kind,
                    "title": translate(KIND_TITLES[kind], context=self.request),
                    "rows": rows,
                    "criteria": criteria,
                }
            )
        return answer

    def export_tables(self):
        return [
            (table["kind"], table["rows"], table["criteria"]) for table in self.tables()
        ]

    def xlsx_url(self):
        return (
            f"{self.context.absolute_url()}/@@assessment-ranking"
            f"?year={self.year()}&format=xlsx"
        )


class CardView(BrowserView):
    """The card's page; the office enters points and notes on a draft."""

    errors = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and self.may_enter():
            CheckAuthenticator(self.request)
            if form.get("refresh_facts"):
                yearly.refresh_facts(self.context)
                notify(ObjectModifiedEvent(self.context))
                api.portal.show_message(
                    _(
                        "assessment_facts_refreshed",
                        default="已按系统当前数据重新预填。",
                    ),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
            if form.get("form.submitted") and self.save():
                api.portal.show_message(
                    _("assessment_saved", default="考核评分已保存。"),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def may_enter(self):
        return api.content.get_state(self.context) == "draft" and (
            api.user.has_permission("Modify portal content", obj=self.context)
        )

    def kind_title(self):
        kind = self.context.assessment_kind
        return translate(KIND_TITLES[kind], context=self.request) if kind else ""

    def target(self):
        target = self.context.target.to_object if self.context.target else None
        if target is None:
            return None
        return {"title": target.Title(), "url": target.absolute_url()}

    def state_title(self):
        return state_title(
            api.content.get_state(self.context), "AssessmentCard", self.request
        )

    def as_of(self):
        return (self.context.facts or {}).get("as_of")

    def result(self):
        return yearly.card_result(self.context)

    def lines(self):
        result = self.result()
        typed = self.typed() if self.errors is not None else None
        answer = []
        for line in result.lines:
            facts = line.facts
            entry = (typed or self.context.entries or {}).get(line.id) or {}
            answer.append(
                {
                    "id": line.id,
                    "title": yearly.criterion_title(line.id, line.title, self.request),
                    "weight": line.weight,
                    "source": translate(
                        SOURCE_TITLES.get(line.source, line.source),
                        context=self.request,
                    ),
                    "points": line.points,
                    "prefilled": line.prefilled,
                    "entered": line.entered,
                    "explanation": explanation_text(line.explanation, self.request),
                    "sources": list(facts.sources) if facts else [],
                    "note": line.note,
                    "value": ""
                    if entry.get("points") is None
                    else str(entry["points"]),
                    "note_value": entry.get("note") or "",
                    "errors": (self.errors or {}).get(line.id, []),
                }
            )
        return answer

    def typed(self):
        form = self.request.form
        entries = {}
        for criterion in yearly.criteria_of(self.context):
            points = (form.get(f"points_{criterion.id}") or "").strip()
            note = (form.get(f"note_{criterion.id}") or "").strip()
            entry = {}
            if points:
                entry["points"] = points
            if note:
                entry["note"] = note
            if entry:
                entries[criterion.id] = entry
        return entries

    def save(self):
        entries = self.typed()
        violations = yearly_rules.validate_assessment_entries(
            yearly.criteria_of(self.context), entries, yearly.facts_of(self.context)
        )
        if violations:
            errors = {}
            for violation in violations:
                errors.setdefault(violation.params.get("key"), []).append(
                    translate_violation(violation, self.request)
                )
            self.errors = errors
            return False
        self.context.entries = entries
        yearly.update_total(self.context)
        notify(
            ObjectModifiedEvent(self.context, Attributes(IAssessmentCard, "entries"))
        )
        return True


class SubsidiesView(BrowserView):
    """``@@it-subsidies?year=``: the table (all years without ``year``),
    Excel with ``format=xlsx``; the office saves the years in use."""

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if not self.may_manage():
                self.request.response.setStatus(403)
                return translate(
                    _(
                        "subsidies_not_allowed",
                        default="只有绩效科可以修改信息化建设年度。",
                    ),
                    context=self.request,
                )
            if self.save():
                api.portal.show_message(
                    _("subsidy_years_saved", default="信息化建设年度已保存。"),
                    request=self.request,
                )
                return self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@it-subsidies"
                )
        if form.get("format") == "xlsx":
            table = self.table()
            name = (
                f"{table.year}年度信息化奖补.xlsx" if table.year else "信息化奖补.xlsx"
            )
            return xlsx_response(
                self.request, subsidies_workbook(table, self.request), name
            )
        return self.index()

    errors = None

    def year(self):
        return year_or_none(self.request.form.get("year"))

    def table(self):
        return subsidy_table_for(self.year())

    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def rows(self):
        urls = {j.getId(): j.absolute_url() for j in jurisdictions()}
        return [
            {
                "key": row.key,
                "title": row.title,
                "url": urls.get(row.key),
                "in_use_year": row.in_use_year or "",
                "is_management_zone": row.is_management_zone,
                "base": display_amount(row.base),
                "share": row.share,
                "amount": display_amount(row.amount),
                "status": translate(
                    SUBSIDY_STATUS_TITLES[row.status], context=self.request
                ),
                "errors": (self.errors or {}).get(row.key, []),
            }
            for row in self.table().rows
        ]

    def totals(self):
        table = self.table()
        return {
            "total": display_amount(table.total),
            "by_year": [
                {"year": year, "total": display_amount(total)}
                for year, total in table.totals_by_year
            ],
        }

    def years(self):
        return [year for year, _total in self.table().totals_by_year]

    def money_unit_label(self):
        """元 or 万元, as the office chose; the amount columns name it."""
        return money_unit_label(request=self.request)

    def xlsx_url(self):
        year = self.year()
        query = f"year={year}&format=xlsx" if year else "format=xlsx"
        return f"{self.context.absolute_url()}/@@it-subsidies?{query}"

    def save(self):
        form = self.request.form
        errors, changes = {}, []
        for jurisdiction in jurisdictions():
            name = f"in_use_year_{jurisdiction.getId()}"
            if name not in form:
                continue
            text = (form.get(name) or "").strip()
            year = year_or_none(text) if text else None
            if text and year is None:
                errors[jurisdiction.getId()] = [
                    translate(
                        _(
                            "subsidy_year_invalid",
                            default="“${value}”不是有效的年度。",
                            mapping={"value": text},
                        ),
                        context=self.request,
                    )
                ]
                continue
            if getattr(jurisdiction, "it_system_year", None) != year:
                changes.append((jurisdiction, year))
        if errors:
            self.errors = errors
            return False
        for jurisdiction, year in changes:
            jurisdiction.it_system_year = year
            notify(
                ObjectModifiedEvent(
                    jurisdiction, Attributes(IITSystem, "it_system_year")
                )
            )
        return True
