"""The three scorecard templates the profile installs, kept as data files in
``scorecard_defaults/`` (one JSON file each: id, kind, title, description,
criteria): the unit self-evaluation (单位自评), the Hunan-style project
scorecard for key evaluations and the unit-wide scorecard. Plain Python."""

import json
from pathlib import Path

DEFAULTS_DIR = Path(__file__).parent / "scorecard_defaults"
DEFAULT_FILES = (
    "self_evaluation.json",
    "project_evaluation.json",
    "unit_overall_evaluation.json",
)


def default_templates() -> list[dict]:
    """The shipped templates as plain data, in the order above."""
    return [
        json.loads((DEFAULTS_DIR / name).read_text(encoding="utf-8"))
        for name in DEFAULT_FILES
    ]
