#!/usr/bin/env bash
# Starts a private PostgreSQL cluster on 127.0.0.1 for the test suite and prints its URL.
# Usage: scripts/start-postgres.sh [DATA_DIR] [PORT]
set -euo pipefail
dir=${1:-/tmp/plexus-pg}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  chown postgres "$dir" 2>/dev/null || true
  su postgres -c "$bin/initdb -D $dir -A trust -U postgres" >/dev/null
fi
if ! su postgres -c "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then
  su postgres -c "$bin/pg_ctl -D $dir -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400' -l $dir/server.log -w start" >/dev/null
fi
psql -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'plexus_test'" | grep -q 1 \
  || psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE plexus_test"
echo "postgres://postgres@127.0.0.1:$port/plexus_test"
