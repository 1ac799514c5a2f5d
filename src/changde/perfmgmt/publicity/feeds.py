"""RSS and Atom feeds of the column's sections (Plone's syndication:
``<section>/RSS``, ``rss.xml``, ``atom.xml``). A section's feed lists what
its page lists, newest first: the reports section the published evaluation
reports (which live in the evaluation folder), the training section its
trainings, the others their own published content. The catalog query runs
with the reader's rights, so a draft never reaches a feed."""

from plone import api
from plone.base.interfaces.syndication import IFeed
from Products.CMFPlone.browser.syndication.adapters import FolderFeed
from zope.component import adapter
from zope.interface import implementer

from changde.perfmgmt.publicity.content.column_section import IColumnSection
from changde.perfmgmt.publicity.rules.listings import SECTION_TYPES

#: the sort of each section's feed (catalog index)
SORT_ON = {
    "policies": "effective",
    "news": "publicity_date",
    "reports": "effective",
    "training": "start",
}


@adapter(IColumnSection)
@implementer(IFeed)
class SectionFeed(FolderFeed):
    def _brains(self):
        kind = self.context.section_kind
        query = {
            "sort_on": SORT_ON.get(kind, "effective"),
            "sort_order": "descending",
            "sort_limit": self.limit,
        }
        if kind == "reports":
            query.update(portal_type="EvaluationReport", review_state="published")
        else:
            # a training's feed lists the trainings (materials have no date)
            types = (
                ("TrainingEvent",) if kind == "training" else SECTION_TYPES.get(kind)
            )
            if not types:
                return []
            query.update(
                portal_type=list(types),
                path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            )
        return api.content.find(**query)[: self.limit]
