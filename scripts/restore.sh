#!/usr/bin/env bash
# Restore a backup into a NEW folder or database; run by `make restore FROM=... TO=...`.
# The running site is never touched: start an instance on the restored copy, check it,
# then switch (docs/operations.md).
#
#   FileStorage (DB unset): FROM is the backup folder (var/backups), TO a new folder;
#     TO/filestorage/Data.fs from repozo (DATE=YYYY-MM-DD-HH-MM-SS: the state at that
#     time, default the newest) and TO/blobstorage from the newest blob tarball
#     (BLOBS=<tarball> to choose one). Start it: VAR_DIR=TO PORT=8081 make start
#   DB=postgres: FROM is a dump (default the newest var/backups/postgres-*.dump), TO a
#     new database name. Start it: DB=postgres PGDATABASE=TO INSTANCE=restored PORT=8081 make start
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
FROM="${1:-}"
TO="${2:-}"
die() {
  echo "restore: $*" >&2
  exit 1
}
[ -n "$TO" ] || die "say where to: make restore TO=<new folder> (DB=postgres: TO=<new database>) [FROM=...]"
if [ "${DB:-}" = postgres ]; then
  if [ -z "$FROM" ]; then
    FROM=$(ls -1 var/backups/postgres-*.dump 2>/dev/null | sort | tail -n 1 || true)
    [ -n "$FROM" ] || die "no var/backups/postgres-*.dump: say FROM=<dump>"
  fi
  ./scripts/postgres.sh restore "$FROM" "$TO"
  echo "start an instance on it: DB=postgres PGDATABASE=$TO INSTANCE=$TO PORT=8081 make start"
  exit 0
fi
FROM="${FROM:-var/backups}"
[ -d "$FROM" ] || die "no backup folder $FROM"
if [ -e "$TO" ] && [ -n "$(ls -A "$TO")" ]; then
  die "$TO exists and is not empty: restore into a new folder"
fi
BLOBS="${BLOBS:-$(ls -1 "$FROM"/blobstorage-*.tar.gz 2>/dev/null | sort | tail -n 1 || true)}"
mkdir -p "$TO/filestorage"
"$BIN/repozo" --recover --repository="$FROM" ${DATE:+--date="$DATE"} -o "$TO/filestorage/Data.fs"
if [ -n "$BLOBS" ]; then
  tar -xzf "$BLOBS" -C "$TO"
else
  echo "restore: no blobstorage-*.tar.gz in $FROM: the restored site has no files" >&2
  mkdir -p "$TO/blobstorage"
fi
echo "restored $FROM into $TO (blobs: ${BLOBS:-none})"
echo "start an instance on it: VAR_DIR=$TO PORT=8081 make start"
