#!/usr/bin/env bash
# The project's own PostgreSQL cluster for RelStorage (DB=postgres, docs/operations.md).
#
#   scripts/postgres.sh start          install (apt, where root), create once and start
#                                      the cluster, create the role and the database once
#   scripts/postgres.sh stop           stop the cluster
#   scripts/postgres.sh status         whether it runs
#   scripts/postgres.sh psql [args]    psql on the site's database, as its owner
#   scripts/postgres.sh superuser-psql [args]   psql as the cluster's superuser
#   scripts/postgres.sh backup         pg_dump (custom format) into $BACKUP_DIR
#   scripts/postgres.sh restore DUMP NEWDB   pg_restore a dump into a NEW database
#
# Environment (the same for every instance that shares the database):
#   PG_DIR      the cluster's folder (var/postgres): data/ (owned by the postgres user
#               when run as root: PostgreSQL refuses to run as root), run/ (its socket),
#               postgres.log, password (the role's password, made once, mode 600)
#   PGPORT      its port on 127.0.0.1 (5433: Debian's own cluster takes 5432)
#   PGDATABASE  the site's database (plone); PGUSER its owner role (plone)
#   PGPASSWORD  the role's password (default: the one in $PG_DIR/password)
#   BACKUP_DIR  where `backup` writes (var/backups)
set -euo pipefail
cd "$(dirname "$0")/.."
PG_DIR="$(realpath -m "${PG_DIR:-var/postgres}")"
export PGPORT="${PGPORT:-5433}" PGDATABASE="${PGDATABASE:-plone}" PGUSER="${PGUSER:-plone}"
export PGHOST=127.0.0.1
DATA="$PG_DIR/data"
RUN="$PG_DIR/run"
LOG="$PG_DIR/postgres.log"

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

# The server's programs: Debian keeps them in /usr/lib/postgresql/<version>/bin.
pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ]; then
    echo "$found"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

ensure_installed() {
  [ -n "$(pg_bin)" ] && command -v pg_dump >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL (Debian's postgresql package) ..."
    export DEBIAN_FRONTEND=noninteractive
    for attempt in 1 2 3 4 5; do
      if apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql; then
        return 0
      fi
      echo "apt-get failed (attempt $attempt; another install may hold the lock), retrying ..."
      sleep 15
    done
    die "could not install Debian's postgresql package"
  fi
  cat >&2 <<MSG
DB=postgres needs PostgreSQL (the server, pg_dump and pg_restore), which is not installed.
Install it as root, for instance:
  apt-get install --no-install-recommends postgresql
then run the command again. Without DB=postgres the site runs on its FileStorage.
MSG
  exit 1
}

# Run a server program as the cluster's owner: the postgres user when we are root.
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The bootstrap superuser, through the cluster's own socket (no password).
superuser_sql() {
  local super=postgres
  [ "$(id -u)" = "0" ] || super=$(id -un)
  as_owner "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$PGPORT" -U "$super" \
    -d postgres "$@"
}

password() {
  if [ -n "${PGPASSWORD:-}" ]; then
    echo "$PGPASSWORD"
  elif [ -f "$PG_DIR/password" ]; then
    cat "$PG_DIR/password"
  fi
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$(pg_bin)/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

init_cluster() {
  mkdir -p "$PG_DIR"
  chmod 755 "$PG_DIR"
  if [ ! -f "$PG_DIR/password" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$PG_DIR/password")
  fi
  [ -f "$DATA/PG_VERSION" ] && return 0
  # PostgreSQL's own processes must reach the folder: every parent must be searchable.
  if [ "$(id -u)" = "0" ] && ! runuser -u postgres -- test -x "$PG_DIR"; then
    die "the postgres user cannot reach $PG_DIR (a parent folder is not searchable); set PG_DIR elsewhere"
  fi
  mkdir -p "$DATA" "$RUN"
  if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$DATA" "$RUN"; fi
  chmod 700 "$DATA"
  local super=postgres
  [ "$(id -u)" = "0" ] || super=$(id -un)
  echo "Creating the PostgreSQL cluster in $DATA ..."
  as_owner "$(pg_bin)/initdb" -D "$DATA" -U "$super" -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  cat >>"$DATA/postgresql.conf" <<CONF

# changde.perfmgmt (scripts/postgres.sh): local TCP for the Zope instances, the
# socket in the cluster's own folder.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$RUN'
max_connections = 100
CONF
}

start_cluster() {
  running && return 0
  touch "$LOG"
  if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$LOG"; fi
  echo "Starting PostgreSQL on 127.0.0.1:$PGPORT ($DATA) ..."
  # 9>&-: the server must not inherit (and so hold forever) the start lock.
  as_owner "$(pg_bin)/pg_ctl" start -D "$DATA" -o "-p $PGPORT" -l "$LOG" -w -t 60 >/dev/null 9>&- ||
    die "PostgreSQL did not start; see $LOG"
}

ensure_database() {
  local pass
  pass=$(password)
  # The owner role (its password set at every start: the file or PGPASSWORD decide).
  superuser_sql <<SQL
SELECT 'CREATE ROLE "$PGUSER" LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PGUSER') \gexec
ALTER ROLE "$PGUSER" LOGIN PASSWORD '$pass';
SELECT 'CREATE DATABASE "$PGDATABASE" OWNER "$PGUSER" ENCODING ''UTF8'' TEMPLATE template0'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PGDATABASE') \gexec
SQL
}

cmd="${1:-start}"
shift || true
case "$cmd" in
start)
  ensure_installed
  mkdir -p "$PG_DIR"
  # Two instances starting at once: one creates and starts the cluster, the other waits.
  exec 9>"$PG_DIR/.lock"
  flock 9
  init_cluster
  start_cluster
  ensure_database
  echo "PostgreSQL: database $PGDATABASE on 127.0.0.1:$PGPORT (role $PGUSER)"
  ;;
stop)
  if [ -n "$(pg_bin)" ] && running; then
    as_owner "$(pg_bin)/pg_ctl" stop -D "$DATA" -m fast -w >/dev/null
    echo "PostgreSQL stopped ($DATA)"
  fi
  ;;
status)
  if [ -n "$(pg_bin)" ] && running; then
    echo "PostgreSQL runs on 127.0.0.1:$PGPORT ($DATA)"
  else
    echo "PostgreSQL does not run ($DATA)"
    exit 3
  fi
  ;;
psql)
  PGPASSWORD=$(password) exec psql -X "$@"
  ;;
superuser-psql)
  superuser_sql "$@"
  ;;
backup)
  running || die "PostgreSQL does not run: scripts/postgres.sh start"
  BACKUP_DIR="$(realpath -m "${BACKUP_DIR:-var/backups}")"
  mkdir -p "$BACKUP_DIR"
  umask 077 # the dump holds every user's data and password hashes
  target="$BACKUP_DIR/postgres-$PGDATABASE-$(date +%Y%m%d-%H%M%S).dump"
  # One consistent snapshot of the database, blobs (large objects) included.
  PGPASSWORD=$(password) pg_dump --format=custom --file="$target.part" "$PGDATABASE"
  mv "$target.part" "$target"
  echo "$target"
  ;;
restore)
  [ $# -eq 2 ] || die "usage: scripts/postgres.sh restore DUMP NEWDATABASE"
  dump="$(realpath "$1")"
  newdb="$2"
  [ -f "$dump" ] || die "no dump $dump"
  [[ "$newdb" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "a database name is letters, digits and _: $newdb"
  running || die "PostgreSQL does not run: scripts/postgres.sh start"
  exists=$(superuser_sql -tA -c "SELECT 1 FROM pg_database WHERE datname = '$newdb'")
  [ -z "$exists" ] || die "the database $newdb exists already: restore into a new one"
  superuser_sql -c "CREATE DATABASE \"$newdb\" OWNER \"$PGUSER\" ENCODING 'UTF8' TEMPLATE template0"
  PGPASSWORD=$(password) pg_restore --no-owner --exit-on-error -d "$newdb" "$dump"
  echo "restored $dump into the database $newdb"
  ;;
*)
  die "unknown command $cmd (start, stop, status, psql, superuser-psql, backup, restore)"
  ;;
esac
