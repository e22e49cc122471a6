# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh`): starts a throwaway
# PostgreSQL on 127.0.0.1 in a temporary directory and exports the PANTAU_TEST_DB_* variables
# that make the build run the database tests against it. `pantau_pg_stop` stops it and removes
# the directory; .ci/run calls it on exit.

pantau_pg_start() {
  local bin dir port owner
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2
    return 1
  fi
  dir=$(mktemp -d /tmp/pantau-pg.XXXXXX)
  # PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
  if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    chown "$owner" "$dir"
    pantau_pg_as() { runuser -u postgres -- "$@"; }
  else
    pantau_pg_as() { "$@"; }
  fi
  port=${PANTAU_PG_PORT:-55432}
  while (: </dev/tcp/127.0.0.1/"$port") 2>/dev/null; do port=$((port + 1)); done
  pantau_pg_as "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  pantau_pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
    { cat "$dir/server.log" >&2; return 1; }
  pantau_pg_as "$bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE pantau LOGIN PASSWORD 'pantau'" \
    -c "CREATE DATABASE pantau_test OWNER pantau" || return 1
  PANTAU_PG_DIR=$dir
  PANTAU_PG_BIN=$bin
  export PANTAU_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$port/pantau_test"
  export PANTAU_TEST_DB_USER=pantau
  export PANTAU_TEST_DB_PASSWORD=pantau
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
}

pantau_pg_stop() {
  if [ -n "${PANTAU_PG_DIR:-}" ] && [ -d "$PANTAU_PG_DIR/data" ]; then
    pantau_pg_as "$PANTAU_PG_BIN/pg_ctl" -D "$PANTAU_PG_DIR/data" -m fast -w stop >/dev/null || true
    rm -rf "$PANTAU_PG_DIR"
  fi
}
