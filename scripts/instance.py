"""Write the Zope instance's configuration under var/ from the templates.

Usage: python scripts/instance.py
Environment: PORT (8080), HOST (0.0.0.0), DEBUG_MODE (off).
Only configuration is (re)written; the database under var/filestorage and
var/blobstorage is never touched.
"""

import os
import shutil
from pathlib import Path
from string import Template

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = PROJECT / "scripts" / "instance"
VAR = Path(os.environ.get("VAR_DIR", PROJECT / "var")).resolve()
ETC = VAR / "etc"


def main():
    for folder in ("etc", "filestorage", "blobstorage", "log", "cache"):
        (VAR / folder).mkdir(parents=True, exist_ok=True)
    values = {
        "instance": str(VAR),
        "var": str(VAR),
        "host": os.environ.get("HOST", "0.0.0.0"),
        "port": os.environ.get("PORT", "8080"),
        "debug_mode": os.environ.get("DEBUG_MODE", "off"),
    }
    for name in ("zope.conf", "zope.ini"):
        text = Template((TEMPLATES / f"{name}.in").read_text(encoding="utf-8"))
        (ETC / name).write_text(text.substitute(values), encoding="utf-8")
    shutil.copyfile(TEMPLATES / "site.zcml", ETC / "site.zcml")
    print(f"instance configuration written to {ETC}")


if __name__ == "__main__":
    main()
