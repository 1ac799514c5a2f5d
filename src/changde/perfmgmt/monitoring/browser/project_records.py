"""A project's monitoring records across rounds."""

from plone import api
from Products.Five.browser import BrowserView

from changde.perfmgmt.monitoring.browser.base import LabelsMixin
from changde.perfmgmt.monitoring.records import records_of_project
from changde.perfmgmt.monitoring.summary import public_item
from changde.perfmgmt.monitoring.summary import record_item


class ProjectRecordsView(BrowserView, LabelsMixin):
    """A project's monitoring records across rounds and years."""

    def records(self):
        items = []
        for brain in records_of_project(api.content.get_uuid(self.context)):
            items.append(public_item(record_item(brain)))
        return items
