"""The changde.perfmgmt domain speaks Simplified Chinese and English."""

import re
import unittest
from pathlib import Path

from zope.i18n import translate

import changde.perfmgmt
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


LOCALES = Path(changde.perfmgmt.__file__).parent / "locales"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def untranslated(language):
    """(msgid, default) of the entries of ``language`` with no translation."""
    text = (LOCALES / language / "LC_MESSAGES" / "changde.perfmgmt.po").read_text(
        encoding="utf-8"
    )
    answer = []
    for block in text.split("\n\n"):
        entry = re.search(r'^msgid "(.+)"\nmsgstr ""$', block, re.M)
        if entry is None or re.search(r'^msgstr ""\n"', block, re.M):
            continue
        default = re.search(r'^#\. Default: "(.*)"$', block, re.M)
        answer.append((entry.group(1), default.group(1) if default else entry.group(1)))
    return answer


class TestCatalogues(unittest.TestCase):
    """Every message reads right in both languages: an entry left untranslated
    falls back to its default, so that default must already be in the
    language (a plain unit test of the .po files)."""

    def test_simplified_chinese_is_complete(self):
        missing = [
            msgid
            for msgid, default in untranslated("zh_CN")
            if not CHINESE.search(default)
        ]
        self.assertEqual(missing, [])

    def test_english_is_complete(self):
        missing = [
            msgid for msgid, default in untranslated("en") if CHINESE.search(default)
        ]
        self.assertEqual(missing, [])

    def test_no_fuzzy_entries(self):
        # gettext ignores fuzzy translations: the default would be shown
        for language in ("zh_CN", "en"):
            text = LOCALES / language / "LC_MESSAGES" / "changde.perfmgmt.po"
            self.assertNotIn("#, fuzzy", text.read_text(encoding="utf-8"))
