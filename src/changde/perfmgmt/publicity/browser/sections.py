"""A section of the column: its listing by year and kind (catalog brains,
the visitor's rights), its feed and, for the training section, the
calendar of upcoming and past trainings and the materials."""

from plone.batching import Batch
from plone.memoize.view import memoize

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity import portal
from changde.perfmgmt.publicity import reports
from changde.perfmgmt.publicity.browser.base import PublicityView
from changde.perfmgmt.publicity.rules import listings
from changde.perfmgmt.publicity.rules import training as training_rules
from changde.perfmgmt.publicity.vocabularies import POLICY_LEVEL_TITLES
from changde.perfmgmt.publicity.vocabularies import PUBLICITY_KIND_TITLES

BATCH_SIZE = 20


class SectionView(PublicityView):
    """The listing of a section (政策文件, 工作动态, 评价报告, 培训, 公众意见)."""

    def kind(self):
        return self.context.section_kind

    def section_url(self):
        return self.context.absolute_url()

    def batch(self, items):
        start = self.request.form.get("b_start") or 0
        try:
            start = max(int(start), 0)
        except (TypeError, ValueError):
            start = 0
        return Batch(items, BATCH_SIZE, start)

    # --- filters ------------------------------------------------------------

    def filter_options(self):
        """(name, label, options as (value, title)) of the section's kind
        filter, and the years that have items."""
        kind = self.kind()
        if kind == "policies":
            return (
                "policy_level",
                self.t(self.label_kind("policies")),
                [(v, self.policy_level_label(v)) for v in listings.POLICY_LEVELS],
            )
        if kind == "news":
            return (
                "publicity_kind",
                self.t(self.label_kind("news")),
                [(v, self.publicity_kind_label(v)) for v in listings.PUBLICITY_KINDS],
            )
        if kind == "reports":
            return (
                "evaluation_kind",
                self.t(self.label_kind("reports")),
                [(v, self.evaluation_kind_label(v)) for v in KIND_TITLES],
            )
        if kind == "training":
            return (
                "material_kind",
                self.t(self.label_kind("training")),
                [
                    (v, self.material_kind_label(v))
                    for v in training_rules.MATERIAL_KINDS
                ],
            )
        return None

    def label_kind(self, kind):
        return {
            "policies": _("filter_policy_level", default="层级"),
            "news": _("filter_publicity_kind", default="类别"),
            "reports": _("filter_evaluation_kind", default="评价类型"),
            "training": _("filter_material_kind", default="资料类型"),
        }[kind]

    @memoize
    def years(self):
        kind = self.kind()
        if kind == "reports":
            return reports.report_years()
        if kind == "policies":
            brains = portal.policy_brains(self.context)
        elif kind == "news":
            brains = portal.news_brains(self.context)
        elif kind == "training":
            brains = portal.training_brains(self.context)
        else:
            return []
        return listings.years(brain.year for brain in brains)

    def _query(self):
        query = {}
        year = self.year_filter()
        if year:
            query["year"] = year
        return query

    # --- listings -----------------------------------------------------------

    @memoize
    def policies(self):
        query = self._query()
        level = self.choice_filter("policy_level", POLICY_LEVEL_TITLES)
        if level:
            query["policy_level"] = level
        return self.batch(
            [portal.policy_item(b) for b in portal.policy_brains(self.context, **query)]
        )

    @memoize
    def news(self):
        query = self._query()
        kind = self.choice_filter("publicity_kind", PUBLICITY_KIND_TITLES)
        if kind:
            query["publicity_kind"] = kind
        return self.batch(
            [portal.news_item(b) for b in portal.news_brains(self.context, **query)]
        )

    @memoize
    def reports(self):
        kind = self.choice_filter("evaluation_kind", KIND_TITLES)
        return self.batch(reports.published_reports(self.year_filter(), kind))

    @memoize
    def trainings(self):
        return portal.trainings(self.context, today_in_china(), self.year_filter())

    def upcoming(self):
        return self.trainings()[0]

    def past(self):
        return self.trainings()[1]

    @memoize
    def materials(self):
        query = {}
        kind = self.choice_filter("material_kind", training_rules.MATERIAL_KINDS)
        if kind:
            query["material_kind"] = kind
        return [
            portal.material_item(b)
            for b in portal.material_brains(self.context, **query)
        ]

    def feedback_form_url(self):
        return reports.feedback_form_url()

    @memoize
    def latest_reports(self):
        """The feedback section: the published reports to comment on."""
        return reports.published_reports()[:10]

    def feed_url(self):
        return f"{self.section_url()}/RSS"

    def ical_url(self):
        return f"{self.section_url()}/ics_view"
