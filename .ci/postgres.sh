#!/usr/bin/env bash
# Installs PostgreSQL (Debian package) when missing, starts a throw-away cluster on loopback for the
# gateway's tests, and prints its JDBC URL on standard output (everything else goes to standard error).
# Idempotent: a second run reuses the running cluster. Needs root (CI and developer machines run as root).
set -euo pipefail

DATA="${PARAPET_PG_DATA:-/tmp/parapet-postgres}"
PORT="${PARAPET_PG_PORT:-55432}"
DB=parapet_test
PASSWORD=parapet-test

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "postgres.sh: installing PostgreSQL" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_postgres() { runuser -u postgres -- "$@"; }

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  mkdir -p "$DATA"
  chown postgres:postgres "$DATA"
  chmod 700 "$DATA"
  PWFILE="$(mktemp)"
  echo "$PASSWORD" > "$PWFILE"
  chown postgres "$PWFILE"
  as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=scram-sha-256 --pwfile="$PWFILE" -E UTF8 >&2
  rm -f "$PWFILE"
fi
if ! as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1" start >&2
fi
export PGPASSWORD="$PASSWORD"
if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
fi
echo "jdbc:postgresql://127.0.0.1:$PORT/$DB?user=postgres&password=$PASSWORD"
