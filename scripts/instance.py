"""Write the Zope instance's configuration under var/ from the templates.

Usage: python scripts/instance.py
Environment: PORT (8080), HOST (0.0.0.0), DEBUG_MODE (off), VAR_DIR (var/, or
var/<INSTANCE> when INSTANCE is set), DB (unset: the FileStorage under VAR_DIR;
``postgres``: RelStorage on the project's PostgreSQL, see scripts/postgres.sh for
PG_DIR, PGPORT, PGDATABASE, PGUSER, PGPASSWORD; BLOB_CACHE_SIZE, 1gb, bounds this
instance's blob cache); MAX_CONFLICT_RETRIES (10), Zope's retries of a
conflicting request.
Only configuration is (re)written; the database (var/filestorage and
var/blobstorage, or PostgreSQL) is never touched.
"""

import os
import shutil
from pathlib import Path
from string import Template

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = PROJECT / "scripts" / "instance"


def var_dir():
    if os.environ.get("VAR_DIR"):
        return Path(os.environ["VAR_DIR"]).resolve()
    instance = os.environ.get("INSTANCE", "")
    return (PROJECT / "var" / instance).resolve() if instance else PROJECT / "var"


VAR = var_dir()
ETC = VAR / "etc"


def database():
    db = os.environ.get("DB", "") or "filestorage"
    if db not in ("filestorage", "postgres"):
        raise SystemExit(f"DB={db!r}: unset (the FileStorage) or 'postgres'")
    return db


def postgres_values():
    pg_dir = Path(os.environ.get("PG_DIR") or PROJECT / "var" / "postgres").resolve()
    password = os.environ.get("PGPASSWORD")
    if not password:
        password_file = pg_dir / "password"
        if not password_file.exists():
            raise SystemExit(
                f"no {password_file}: start the database first "
                "(scripts/postgres.sh start)"
            )
        password = password_file.read_text(encoding="utf-8").strip()
    return {
        "pghost": "127.0.0.1",
        "pgport": os.environ.get("PGPORT", "5433"),
        "pgdatabase": os.environ.get("PGDATABASE", "plone"),
        "pguser": os.environ.get("PGUSER", "plone"),
        "pgpassword": password,
        "blob_cache_size": os.environ.get("BLOB_CACHE_SIZE", "1gb"),
    }


def main():
    db = database()
    folders = ("etc", "filestorage", "blobstorage", "log", "cache")
    if db == "postgres":
        folders = ("etc", "blobcache", "log", "cache")
    for folder in folders:
        (VAR / folder).mkdir(parents=True, exist_ok=True)
    values = {
        "instance": str(VAR),
        "var": str(VAR),
        "host": os.environ.get("HOST", "0.0.0.0"),
        "port": os.environ.get("PORT", "8080"),
        "debug_mode": os.environ.get("DEBUG_MODE", "off"),
        "max_conflict_retries": os.environ.get("MAX_CONFLICT_RETRIES", "10"),
    }
    if db == "postgres":
        values.update(postgres_values())
    zodb = Template((TEMPLATES / f"zodb-{db}.conf.in").read_text(encoding="utf-8"))
    values["zodb_db"] = zodb.substitute(values)
    for name in ("zope.conf", "zope.ini"):
        text = Template((TEMPLATES / f"{name}.in").read_text(encoding="utf-8"))
        (ETC / name).write_text(text.substitute(values), encoding="utf-8")
    if db == "postgres":
        # it holds the database's password
        (ETC / "zope.conf").chmod(0o600)
    shutil.copyfile(TEMPLATES / "site.zcml", ETC / "site.zcml")
    print(f"instance configuration written to {ETC}")


if __name__ == "__main__":
    main()
