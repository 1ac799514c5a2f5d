"""Rules of the test suite itself: every test asserts something, and the
REST tests share one client (``changde.perfmgmt.testing.RestClient``)
instead of each module writing its own ``call()``."""

import ast
import unittest
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parents[1]


def test_modules():
    return sorted(TESTS_DIR.rglob("test_*.py"))


def asserts(function):
    """Whether ``function`` asserts anything (``self.assert…``, ``self.fail``
    or an ``assert`` statement)."""
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and (node.func.attr.startswith("assert") or node.func.attr == "fail")
        ):
            return True
    return False


class TestSuiteRules(unittest.TestCase):
    def test_every_test_asserts(self):
        silent = []
        for path in test_modules():
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
                for method in cls.body:
                    if (
                        isinstance(method, ast.FunctionDef)
                        and method.name.startswith("test")
                        and not asserts(method)
                    ):
                        silent.append(f"{path.name}:{cls.name}.{method.name}")
        self.assertEqual(silent, [])

    def test_one_rest_client(self):
        own = []
        for path in [*test_modules(), *TESTS_DIR.rglob("base.py")]:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef) and node.name == "call":
                    own.append(f"{path.relative_to(TESTS_DIR)}:{node.lineno}")
        self.assertEqual(own, [])
