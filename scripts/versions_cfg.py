"""Write versions.cfg (buildout) from requirements.txt, so both paths share one pin set.

Usage: .venv/bin/python scripts/versions_cfg.py   (run by `make pins`)
"""

import re
from importlib import metadata
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s#;]+)")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def project_names():
    """Normalized name -> the name a project publishes (zc.recipe.egg, not
    zc-recipe-egg): buildout matches [versions] keys by that spelling. Read
    from the installed distributions; run this with the project's venv."""
    return {
        normalize(dist.metadata["Name"]): dist.metadata["Name"]
        for dist in metadata.distributions()
    }


def main():
    names = project_names()
    pins = []
    for line in (PROJECT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            name = names.get(normalize(match.group(1)), match.group(1))
            pins.append(f"{name} = {match.group(2)}")
    header = (
        "# Generated from requirements.txt by scripts/versions_cfg.py (make pins).\n"
        "# Do not edit: change requirements.in and run `make pins`.\n"
        "[versions]\n"
        "changde.perfmgmt =\n"
    )
    (PROJECT / "versions.cfg").write_text(
        header + "\n".join(pins) + "\n", encoding="utf-8"
    )
    print(f"versions.cfg: {len(pins)} pins")


if __name__ == "__main__":
    main()
