"""The changde.perfmgmt domain speaks Simplified Chinese and English."""

import unittest

from zope.i18n import translate

from changde.perfmgmt.core.settings import ICoreSettings
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestTranslations(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_settings_labels_in_chinese(self):
        title = ICoreSettings["extra_holidays"].title
        self.assertEqual(translate(title, target_language="zh_CN"), "补充节假日")

    def test_settings_labels_in_english(self):
        title = ICoreSettings["extra_workdays"].title
        self.assertEqual(
            translate(title, target_language="en"), "Adjusted working days"
        )
