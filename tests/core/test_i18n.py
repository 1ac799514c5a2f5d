"""The changde.perfmgmt domain speaks Simplified Chinese and English."""

import ast
import importlib.util
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
PACKAGE = Path(changde.perfmgmt.__file__).parent
CHINESE = re.compile(r"[\u4e00-\u9fff]")
SCRIPTS = PACKAGE.parent.parent.parent / "scripts"


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def catalogue(language):
    """{msgid: msgstr} of the ``language`` catalogue (msgstr joined when it is
    written over several lines)."""
    text = (LOCALES / language / "LC_MESSAGES" / "changde.perfmgmt.po").read_text(
        encoding="utf-8"
    )
    entries = {}
    for block in text.split("\n\n"):
        msgid = re.search(r'^msgid "(.+)"$', block, re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            entries[msgid.group(1)] = "".join(re.findall(r'"(.*)"', msgstr.group(1)))
    return entries


def python_message_ids():
    """The msgids the package's Python code uses: ``_("msgid", ...)`` calls and
    the Violation/Recommendation literals that scripts/extract_rule_messages.py
    extracts for `make i18n`."""
    used = set(load_script("extract_rule_messages").rule_messages(PACKAGE))
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                used.add(node.args[0].value)
    return used


class TestCatalogues(unittest.TestCase):
    """Both catalogues translate every message (plain unit tests of the .po
    files). A msgid may carry an English default in Python and a Chinese one
    in a template, so an empty msgstr is never safe: every entry of both
    languages has one."""

    def test_every_entry_is_translated(self):
        for language in ("zh_CN", "en"):
            empty = [msgid for msgid, text in catalogue(language).items() if not text]
            self.assertEqual(empty, [], language)

    def test_chinese_entries_are_chinese(self):
        # a message copied from an English default is not a translation
        english = [
            msgid
            for msgid, text in catalogue("zh_CN").items()
            if not CHINESE.search(text) and re.search(r"[a-z]{4}", text)
        ]
        self.assertEqual(english, [])

    def test_every_python_message_is_in_both_catalogues(self):
        used = python_message_ids()
        for language in ("zh_CN", "en"):
            missing = sorted(used - set(catalogue(language)))
            self.assertEqual(missing, [], f"{language}: run make i18n")

    def test_plone_domain_titles_are_current(self):
        # the toolbar translates our type actions, workflow states and
        # transitions in Plone's domain: plone.po carries them (make i18n)
        script = load_script("plone_domain_po")
        self.assertEqual(
            (LOCALES / "zh_CN" / "LC_MESSAGES" / "plone.po").read_text(
                encoding="utf-8"
            ),
            script.plone_po_text(),
        )
        catalogue = script.our_catalogue()
        untranslated = [t for t in script.plone_domain_titles() if t not in catalogue]
        self.assertEqual(untranslated, [])

    def test_no_fuzzy_entries(self):
        # gettext ignores fuzzy translations: the default would be shown
        for language in ("zh_CN", "en"):
            text = LOCALES / language / "LC_MESSAGES" / "changde.perfmgmt.po"
            self.assertNotIn("#, fuzzy", text.read_text(encoding="utf-8"))
