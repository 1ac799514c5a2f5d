"""Tests of changde.perfmgmt.libraries.rules.members (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.libraries.rules.members import publish_profile_violations


class PublishProfileTests(unittest.TestCase):
    def test_only_a_removed_member_may_not_be_published(self):
        for status in (None, "active", "proposed_for_removal"):
            self.assertEqual(publish_profile_violations(status), [], status)
        (violation,) = publish_profile_violations("removed")
        self.assertEqual(violation.code, "library_publish_removed")
