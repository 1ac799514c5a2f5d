"""One clock: at 23:30 UTC on 31 December it is already 1 January in Beijing,
and every business date of the add-on says so — what is overdue, which year
is "this year" and which is "last year" — whatever the server's clock says
(integration)."""

import ast
import datetime
import unittest
from pathlib import Path

from plone import api
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city

from changde.perfmgmt.core.rules.clock import now_in_china
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.evaluation.rectification import overdue_brains
from changde.perfmgmt.evaluation.rectification import rectification_summary
from changde.perfmgmt.libraries.members import elimination_year
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import frozen_clock

#: 23:30 UTC on New Year's Eve: 07:30 on 1 January 2027 in Beijing.
NEW_YEARS_EVE_UTC = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
#: 15:59 UTC: still 23:59 on 31 December in Beijing.
LAST_MINUTE_UTC = datetime.datetime(2026, 12, 31, 15, 59, tzinfo=datetime.UTC)


PACKAGE_DIR = Path(__file__).resolve().parents[2] / "src" / "changde" / "perfmgmt"
#: calls that read the server's clock for a date
SERVER_CLOCK = {("date", "today"), ("datetime", "today"), ("datetime", "now")}


def server_clock_calls(path):
    """(line, call) of every ``date.today()``/``datetime.now()``-like call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            value = node.func.value
            name = (
                value.attr
                if isinstance(value, ast.Attribute)
                else getattr(value, "id", None)
            )
            if (name, node.func.attr) in SERVER_CLOCK or node.func.attr == "utcnow":
                yield node.lineno, ast.unparse(node)


class TestTheClock(unittest.TestCase):
    def test_nothing_but_the_clock_reads_the_server_date(self):
        clock = PACKAGE_DIR / "core" / "rules" / "clock.py"
        found = [
            f"{path.relative_to(PACKAGE_DIR)}:{line}: {call}"
            for path in sorted(PACKAGE_DIR.rglob("*.py"))
            if path != clock
            for line, call in server_clock_calls(path)
        ]
        self.assertEqual(found, [])

    def test_beijing_is_already_in_the_new_year(self):
        with frozen_clock(NEW_YEARS_EVE_UTC):
            self.assertEqual(today_in_china(), datetime.date(2027, 1, 1))
            self.assertEqual(now_in_china().hour, 7)
        with frozen_clock(LAST_MINUTE_UTC):
            self.assertEqual(today_in_china(), datetime.date(2026, 12, 31))


class TestBusinessDates(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        self.city, self.projects, _members = set_up_city(self.portal)

    def feed_back_items(self):
        report = create_report(self.projects["b1"], id="key-b1", score="55")
        for id, deadline in (
            ("due-new-years-eve", datetime.date(2026, 12, 31)),
            ("due-new-years-day", datetime.date(2027, 1, 1)),
        ):
            api.content.create(
                container=report,
                type="RectificationItem",
                id=id,
                problem=id,
                deadline=deadline,
            )
        do(report, "submit", "approve", "feed_back")

    def test_an_item_due_on_new_years_eve_is_overdue_at_0730_beijing(self):
        self.feed_back_items()
        with frozen_clock(LAST_MINUTE_UTC):
            self.assertEqual({b.getId for b in overdue_brains()}, set())
        with frozen_clock(NEW_YEARS_EVE_UTC):
            self.assertEqual({b.getId for b in overdue_brains()}, {"due-new-years-eve"})
            overdue = rectification_summary(year=2026)["overdue"]
            self.assertEqual([item["title"] for item in overdue], ["due-new-years-eve"])

    def test_this_year_and_last_year_follow_beijing(self):
        with frozen_clock(NEW_YEARS_EVE_UTC):
            # the libraries rank this year's ratings
            self.assertEqual(elimination_year(), 2027)
            # a new internal-review round is for this year
            folder = self.portal["internal-review"]
            review_round = api.content.create(
                container=folder, type="InternalReviewRound", id="r", title="轮次"
            )
            self.assertEqual(review_round.year, 2027)
            # the self-evaluations missing are last year's
            view = api.content.get_view(
                "missing-self-evaluations", self.portal["evaluation"], self.request
            )
            self.assertEqual(view.year(), 2026)
            # the monitoring folder offers this year's rounds
            view = api.content.get_view("view", self.portal["monitoring"], self.request)
            self.assertEqual(view.this_year(), 2027)
