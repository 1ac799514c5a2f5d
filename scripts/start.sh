#!/usr/bin/env bash
# Install (if needed), configure and start the Zope instance with the Plone site.
# Called by `make start`; see README.md for the environment variables.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${PORT:-8080}" ADMIN_USER="${ADMIN_USER:-admin}" ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin}"
export SITE_ID="${SITE_ID:-Plone}"
.venv/bin/python scripts/instance.py
.venv/bin/zconsole run var/etc/zope.conf scripts/create_site.py
cat <<MSG

  changde.perfmgmt is starting on http://localhost:${PORT}/${SITE_ID}
  admin user: ${ADMIN_USER}   password: ${ADMIN_PASSWORD}
  data: var/filestorage/Data.fs and var/blobstorage (see README: backup)

MSG
exec .venv/bin/runwsgi var/etc/zope.ini
