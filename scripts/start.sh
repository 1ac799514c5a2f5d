#!/usr/bin/env bash
# Install (if needed), configure and start the Zope instance with the Plone site.
# Called by `make start`; see README.md for the environment variables.
#
# DB=postgres: RelStorage on the project's PostgreSQL (scripts/postgres.sh starts it),
# INSTANCE=b: this instance's configuration, logs and blob cache under var/b, so that
# several instances share one database (docs/operations.md):
#   DB=postgres make start                       # the first: creates the site once
#   DB=postgres PORT=8081 INSTANCE=b make start  # then the others, one port each
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${PORT:-8080}" ADMIN_USER="${ADMIN_USER:-admin}" ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin}"
export SITE_ID="${SITE_ID:-Plone}"
BIN="${BIN:-.venv/bin}"
if [ -z "${VAR_DIR:-}" ]; then
  VAR_DIR=var${INSTANCE:+/$INSTANCE}
fi
export VAR_DIR
ETC="$VAR_DIR/etc"
if [ "${DB:-}" = postgres ]; then
  ./scripts/postgres.sh start
  LOCK="$(realpath -m "${PG_DIR:-var/postgres}")/.site.lock"
  DATA_MSG="PostgreSQL database ${PGDATABASE:-plone} on 127.0.0.1:${PGPORT:-5433}, blob cache $VAR_DIR/blobcache"
else
  mkdir -p "$VAR_DIR"
  LOCK="$VAR_DIR/.site.lock"
  DATA_MSG="$VAR_DIR/filestorage/Data.fs and $VAR_DIR/blobstorage (see README: backup)"
fi
"$BIN/python" scripts/instance.py
# The site is created once, by the first instance: one at a time on this machine (a
# second instance started meanwhile waits here, then finds the site).
(
  flock 9
  "$BIN/zconsole" run "$ETC/zope.conf" scripts/create_site.py
) 9>"$LOCK"
cat <<MSG

  changde.perfmgmt is starting on http://localhost:${PORT}/${SITE_ID}
  admin user: ${ADMIN_USER}   password: ${ADMIN_PASSWORD}
  data: ${DATA_MSG}

MSG
exec "$BIN/runwsgi" "$ETC/zope.ini"
