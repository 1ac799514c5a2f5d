#!/usr/bin/env bash
# Back up the site's database into $BACKUP_DIR (var/backups); run by `make backup`.
#   FileStorage (DB unset): repozo (incremental, gzipped) of $VAR_DIR/filestorage/Data.fs
#                           and a tarball of $VAR_DIR/blobstorage
#   DB=postgres:            pg_dump (custom format; blobs are in the database)
# Both read a consistent snapshot while the site runs (cron is fine).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
VAR_DIR="${VAR_DIR:-var}"
BACKUP_DIR="${BACKUP_DIR:-var/backups}"
export BACKUP_DIR
if [ "${DB:-}" = postgres ]; then
  exec ./scripts/postgres.sh backup
fi
mkdir -p "$BACKUP_DIR"
"$BIN/repozo" --backup --repository="$BACKUP_DIR" --file="$VAR_DIR/filestorage/Data.fs" --gzip
tar -czf "$BACKUP_DIR/blobstorage-$(date +%Y%m%d-%H%M%S).tar.gz" -C "$VAR_DIR" blobstorage
echo "FileStorage backed up into $BACKUP_DIR"
