"""The assessment rules package imports nothing of Zope or Plone (the core
test covers ``<module>/rules.py`` files; this one the ``rules/`` package)."""

import json
import subprocess
import sys
import unittest
from pathlib import Path

from tests.core.test_rules_purity import CHILD
from tests.core.test_rules_purity import FORBIDDEN_PREFIXES
from tests.core.test_rules_purity import child_pythonpath

import changde.perfmgmt.assessment.rules as package

MODULES = [
    f"changde.perfmgmt.assessment.rules.{path.stem}"
    for path in sorted(Path(package.__file__).parent.glob("*.py"))
    if path.stem != "__init__"
] + ["changde.perfmgmt.assessment.defaults"]


class TestPurity(unittest.TestCase):
    def test_rules_import_nothing_of_zope_or_plone(self):
        self.assertIn("changde.perfmgmt.assessment.rules.scoring", MODULES)
        result = subprocess.run(
            [sys.executable, "-c", CHILD, ",".join(FORBIDDEN_PREFIXES), *MODULES],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": child_pythonpath()},
            timeout=120,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout)
        self.assertEqual(report["loaded"], [], report["by_module"])


if __name__ == "__main__":
    unittest.main()
