"""The report page (评价报告): its fields, the agency and experts by name
(for every reader, :mod:`..references`), the feedback notices for the
office and the evaluated unit's staff, the rectification items the reader
may see, and, once published, the link to the public feedback form."""

from plone import api
from plone.dexterity.browser.view import DefaultView
from zope.i18n import translate

from changde.perfmgmt.core.display import ContentView
from changde.perfmgmt.core.display import omit_settings
from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.evaluation.feedback import feedback_url
from changde.perfmgmt.evaluation.references import report_members
from changde.perfmgmt.evaluation.reports import may_see_notifications
from changde.perfmgmt.evaluation.reports import notifications_of
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.i18n import _

#: fields the page shows itself (the title is the heading, the evaluated
#: project and unit by name, the year as 2026, the grade in words, the
#: indicator actuals as a table) or not at all (the ids and UIDs they copy)
OWN_FIELDS = (
    "title",
    "IBasic.title",
    "IBasic.description",
    "evaluator_agency",
    "experts",
    "project",
    "unit",
    "year",
    "grade",
    "grade_label",
    "indicator_actuals",
    "project_title",
    "project_code",
    "jurisdiction",
    "jurisdiction_title",
    "budget_unit",
    "unit_title",
)


class ReportView(DefaultView):
    def updateFieldsFromSchemata(self):
        super().updateFieldsFromSchemata()
        omit_settings(self)

    def shown(self, widget):
        return widget.__name__.split(".")[-1] not in OWN_FIELDS

    def subject(self):
        """What was evaluated, as people name it: the project (linked when
        the reader may open it) or the unit, its jurisdiction, the year and
        the grade in words."""
        context = self.context
        project = None
        project_uid = target_uid(context.project)
        if project_uid:
            brains = api.content.find(UID=project_uid)
            project = brains[0].getURL() if brains else None
        grade = GRADE_TITLES.get(context.grade)
        return {
            "project": context.project_title or "",
            "project_code": context.project_code or "",
            "project_url": project,
            "unit": context.unit_title or "",
            "jurisdiction": context.jurisdiction_title or "",
            "year": str(context.year) if context.year else "",
            "grade": translate(grade, context=self.request) if grade else "",
        }

    def actuals(self):
        """The indicator actuals at year end, one row per indicator."""
        rows = []
        yes = translate(_("yes", default="Yes"), context=self.request)
        no = translate(_("no", default="No"), context=self.request)
        for item in self.context.indicator_actuals or []:
            if not isinstance(item, dict):
                continue
            met = item.get("met")
            rows.append(
                {
                    "title": item.get("title") or "",
                    "target": item.get("target_value") or "",
                    "actual": item.get("actual_value") or "",
                    "met": "" if met is None else (yes if met else no),
                    "note": item.get("note") or "",
                }
            )
        return rows

    def members(self):
        agency, experts = report_members(self.context, self.request)
        return {"agency": agency, "experts": experts}

    def has_members(self):
        members = self.members()
        return bool(members["agency"] or members["experts"])

    def may_see_notifications(self):
        return may_see_notifications(self.context)

    def notifications(self):
        if not self.may_see_notifications():
            return []
        return list(reversed(notifications_of(self.context, self.request)))

    def state(self):
        return api.content.get_state(self.context, default=None)

    def items(self):
        """The report's rectification items the reader may see (catalog)."""
        return api.content.find(
            context=self.context,
            depth=1,
            portal_type="RectificationItem",
            sort_on="getObjPositionInParent",
        )

    def rectification_url(self):
        folder = self.context.__parent__
        return f"{folder.absolute_url()}/@@rectification-overview"

    def feedback_url(self):
        if self.state() != "published":
            return None
        return feedback_url(self.context)

    def grade_title(self):
        return GRADE_TITLES.get(self.context.grade)


class RectificationItemView(ContentView):
    """A rectification item's page: the owner unit and jurisdiction by name,
    not the UIDs and ids they are copied from."""

    omitted = (
        "monitoring_record",
        "owner_unit",
        "source_uid",
        "jurisdiction",
        "budget_unit",
    )


class NegativeListEntryView(ContentView):
    """A negative-list entry's page: what is listed by name (对象名称), not
    its UID, kind id or the source's UID."""

    omitted = ("target", "source", "target_kind", "jurisdiction", "budget_unit")
