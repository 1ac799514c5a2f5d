"""The plain-Python rules import nothing of Zope or Plone.

Every module of every ``changde.perfmgmt.<module>.rules`` package (found on
disk, so a new module or topic is covered without editing this file) is
imported in a fresh interpreter, which gets the parent's ``sys.path`` through
``PYTHONPATH`` (under buildout the packages live in eggs/, not in
site-packages); none may load a module of Zope or Plone. And, read from the
source, a rule imports only the standard library, plain libraries and other
rules: never another part of the add-on (content, views, settings), which
would bring Zope in sooner or later.
"""

import ast
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


def rules_files() -> list[Path]:
    """Every ``.py`` file of every ``<module>/rules/`` package."""
    return sorted(PACKAGE_DIR.glob("*/rules/**/*.py"))


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE_ROOT).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def rules_modules() -> list[str]:
    return [module_name(path) for path in rules_files()]


def child_pythonpath() -> str:
    """The parent's ``sys.path`` (package root first) for ``PYTHONPATH``."""
    entries = []
    for entry in [str(PACKAGE_ROOT), *sys.path]:
        if entry and entry not in entries:
            entries.append(entry)
    return os.pathsep.join(entries)


def imported_modules(path: Path) -> set[str]:
    """The absolute module names ``path`` imports (``from . import`` resolved
    against the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path.parent / "__init__.py")
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0]
                names.add(f"{base}.{node.module}" if node.module else base)
            else:
                names.add(node.module)
    return names


class RulesPurityTests(unittest.TestCase):
    def test_every_module_has_a_rules_package(self):
        for module in ("core", "declaration", "evaluation", "libraries", "monitoring"):
            with self.subTest(module=module):
                self.assertTrue(
                    (PACKAGE_DIR / module / "rules" / "__init__.py").exists()
                )
                self.assertFalse((PACKAGE_DIR / module / "rules.py").exists())
        self.assertIn("changde.perfmgmt.core.rules.workdays", rules_modules())
        self.assertIn("changde.perfmgmt.monitoring.rules.execution", rules_modules())

    def test_rules_import_only_rules_of_the_add_on(self):
        for path in rules_files():
            for name in imported_modules(path):
                if not name.startswith("changde."):
                    continue
                with self.subTest(rule=module_name(path), imports=name):
                    parts = name.split(".")
                    self.assertEqual(parts[:2], ["changde", "perfmgmt"])
                    self.assertEqual(parts[3:4], ["rules"], "a rule imports only rules")

    def test_rules_name_no_zope_or_plone_import(self):
        for path in rules_files():
            for name in imported_modules(path):
                with self.subTest(rule=module_name(path), imports=name):
                    self.assertFalse(name.startswith(FORBIDDEN_PREFIXES))

    def test_rules_packages_hold_no_re_exports(self):
        # rules/__init__.py says what the package is for; names are imported
        # from the topic module that defines them.
        for path in PACKAGE_DIR.glob("*/rules/__init__.py"):
            with self.subTest(package=module_name(path)):
                tree = ast.parse(path.read_text(encoding="utf-8"))
                self.assertTrue(ast.get_docstring(tree))
                self.assertEqual(len(tree.body), 1, "only a docstring")

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
