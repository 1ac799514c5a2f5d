"""Package hygiene: the licence, the changelog of the version, and each
module's docstring saying in one line what it is for."""

import re
import unittest
from importlib.metadata import version
from pathlib import Path

import changde.perfmgmt

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(changde.perfmgmt.__file__).resolve().parent


def modules():
    return sorted(
        path.parent.name
        for path in PACKAGE_DIR.glob("*/configure.zcml")
        if (path.parent / "__init__.py").exists()
        and (path.parent / "profiles").is_dir()
    )


class TestHygiene(unittest.TestCase):
    def test_gpl_2_licence(self):
        text = (ROOT / "LICENSE").read_text(encoding="utf-8")
        self.assertIn("GNU GENERAL PUBLIC LICENSE", text)
        self.assertIn("Version 2, June 1991", text)
        self.assertIn('license="GPL-2.0-only"', (ROOT / "setup.py").read_text())

    def test_the_changelog_has_the_version(self):
        release = re.sub(r"\.dev\d+$", "", version("changde.perfmgmt"))
        changes = (ROOT / "CHANGES.rst").read_text(encoding="utf-8")
        self.assertRegex(changes, rf"(?m)^{re.escape(release)} \(")

    def test_each_module_says_in_one_line_what_it_is_for(self):
        self.assertTrue({"core", "declaration", "evaluation"} <= set(modules()))
        for module in modules():
            with self.subTest(module=module):
                package = __import__(f"changde.perfmgmt.{module}", fromlist=["__doc__"])
                doc = (package.__doc__ or "").strip()
                self.assertTrue(doc)
                self.assertNotIn("\n", doc)
                self.assertNotRegex(doc, r"^The \w+ module of changde\.perfmgmt\.$")
