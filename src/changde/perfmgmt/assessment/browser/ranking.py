"""``@@assessment-ranking?year=`` (and ``format=xlsx``): the year's cards of
municipal units and of districts the user may see, ranked by total, with
each criterion's points; the office creates or refreshes the year's cards."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.browser.base import MANAGE
from changde.perfmgmt.assessment.browser.base import requested_year
from changde.perfmgmt.assessment.browser.base import state_title
from changde.perfmgmt.assessment.excel import ranking_workbook
from changde.perfmgmt.assessment.labels import KIND_TITLES
from changde.perfmgmt.assessment.rules import yearly as yearly_rules
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.i18n import _


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
