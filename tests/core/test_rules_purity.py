"""The plain-Python rules import nothing of Zope or Plone.

One test for every ``changde.perfmgmt.<module>.rules`` module (found on disk,
so a new module is covered without editing this file) and for
``changde.perfmgmt.core.workdays``. The modules are imported in a fresh
interpreter, which gets the parent's ``sys.path`` through ``PYTHONPATH`` (under
buildout the packages live in eggs/, not in site-packages).
"""

import json
import os
import subprocess
import sys
import unittest
from pathlib import Path

import changde.perfmgmt

#: Top-level names of Zope, Plone and their packages.
FORBIDDEN_PREFIXES = ("zope", "Products", "plone", "Zope2", "App", "OFS", "five")

PACKAGE_DIR = Path(changde.perfmgmt.__file__).resolve().parent
#: The directory holding ``changde/``: first on the child's path.
PACKAGE_ROOT = PACKAGE_DIR.parents[1]

# Imports the modules one by one and reports, per module, which forbidden
# modules it loaded, plus every forbidden module loaded in the end.
CHILD = """
import importlib
import json
import sys

prefixes = tuple(sys.argv[1].split(","))
modules = sys.argv[2:]


def forbidden():
    return {name for name in sys.modules if name.startswith(prefixes)}


by_module = {}
seen = forbidden()
for name in modules:
    importlib.import_module(name)
    now = forbidden()
    by_module[name] = sorted(now - seen)
    seen = now
print(json.dumps({"loaded": sorted(forbidden()), "by_module": by_module}))
"""


def rules_modules() -> list[str]:
    """Every ``changde.perfmgmt.<module>.rules`` module, plus the calendar."""
    names = [
        f"changde.perfmgmt.{path.parent.name}.rules"
        for path in sorted(PACKAGE_DIR.glob("*/rules.py"))
    ]
    return [*names, "changde.perfmgmt.core.workdays"]


def child_pythonpath() -> str:
    """The parent's ``sys.path`` (package root first) for ``PYTHONPATH``."""
    entries = []
    for entry in [str(PACKAGE_ROOT), *sys.path]:
        if entry and entry not in entries:
            entries.append(entry)
    return os.pathsep.join(entries)


class RulesPurityTests(unittest.TestCase):
    def test_every_rules_module_is_found(self):
        self.assertTrue(
            {
                "changde.perfmgmt.core.rules",
                "changde.perfmgmt.core.workdays",
                "changde.perfmgmt.declaration.rules",
                "changde.perfmgmt.evaluation.rules",
                "changde.perfmgmt.libraries.rules",
                "changde.perfmgmt.monitoring.rules",
            }
            <= set(rules_modules()),
            rules_modules(),
        )

    def test_rules_import_nothing_of_zope_or_plone(self):
        modules = rules_modules()
        result = subprocess.run(
            [sys.executable, "-c", CHILD, ",".join(FORBIDDEN_PREFIXES), *modules],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": child_pythonpath()},
            timeout=120,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout)
        self.assertEqual(sorted(report["by_module"]), sorted(modules))
        culprits = {name: found for name, found in report["by_module"].items() if found}
        self.assertEqual(report["loaded"], [], f"loaded by: {culprits}")


if __name__ == "__main__":
    unittest.main()
