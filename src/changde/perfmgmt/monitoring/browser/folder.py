"""The monitoring folder: rounds by year, newest first; overdue ones marked."""

from Products.Five.browser import BrowserView

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.monitoring.browser.base import LabelsMixin
from changde.perfmgmt.monitoring.rounds import round_info
from changde.perfmgmt.monitoring.rounds import rounds_in


class FolderView(BrowserView, LabelsMixin):
    """The rounds of every year, newest first; overdue ones marked."""

    def rounds(self):
        today = today_in_china()
        items = [round_info(obj, today) for obj in rounds_in(self.context)]
        items.sort(key=lambda item: (-(item["year"] or 0), item["round_number"] or 0))
        return items

    def overdue(self):
        return [item for item in self.rounds() if item["overdue"]]

    def this_year(self):
        return today_in_china().year
