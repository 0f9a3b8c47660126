#!/usr/bin/env bash
# Run a command with PostgreSQL and Redis available, exported as DATABASE_URL and REDIS_URL.
#
# Uses DATABASE_URL / REDIS_URL when they are already set. Otherwise starts throwaway servers from
# the installed binaries on free loopback ports in a temp dir (PostgreSQL as the `postgres` user
# when run as root) and stops them when the command ends. A missing server is installed with apt
# when that can be done without asking (root, or passwordless sudo, on Debian/Ubuntu); otherwise it
# prints what to install and exits 3.
#
# The test suite's fault-tolerance tests restart these servers; they find them through
# CHATBET_TEST_PG_CTL / CHATBET_TEST_PGDATA / CHATBET_TEST_REDIS_CMD (exported below).
set -euo pipefail

cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

missing() {
    cat >&2 <<MSG
scripts/with_services.sh: $1 is not installed, and ${2} is not set.
Install it, or point ${2} at a running server:
  Debian/Ubuntu:  sudo apt-get install -y postgresql redis-server
  macOS:          brew install postgresql@15 redis
  Docker:         docker compose up -d postgres redis
                  export DATABASE_URL=postgres://chatbet:chatbet@127.0.0.1:5432/chatbet REDIS_URL=redis://127.0.0.1:6379/0
MSG
    exit 3
}

# shellcheck source=scripts/apt_install.sh
. "$(dirname "$0")/apt_install.sh"

pg_bin_dir() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$bin" ] && command -v pg_ctl >/dev/null 2>&1; then bin="$(dirname "$(command -v pg_ctl)")"; fi
    echo "$bin"
}

TMP=""
PG_CTL=""
PGDATA_DIR=""
REDIS_PIDFILE=""
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
    if [ -n "$PG_CTL" ] && [ -n "$PGDATA_DIR" ]; then
        as_pg "$PG_CTL" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
    fi
    if [ -n "$REDIS_PIDFILE" ] && [ -f "$REDIS_PIDFILE" ]; then
        kill "$(cat "$REDIS_PIDFILE")" 2>/dev/null || true
    fi
    if [ -n "$TMP" ]; then rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; then
    TMP="$(mktemp -d /tmp/chatbet-services.XXXXXX)"
    chmod 755 "$TMP"
fi

if [ -z "${DATABASE_URL:-}" ]; then
    PG_BIN="$(pg_bin_dir)"
    if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
        apt_install postgresql || missing PostgreSQL DATABASE_URL
        PG_BIN="$(pg_bin_dir)"
        [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || missing PostgreSQL DATABASE_URL
    fi
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
        echo "scripts/with_services.sh: running as root needs a 'postgres' system user (apt-get install postgresql creates it)" >&2
        exit 3
    fi
    PG_CTL="$PG_BIN/pg_ctl"
    PGDATA_DIR="$TMP/pg"
    mkdir -p "$PGDATA_DIR"
    [ "$(id -u)" = "0" ] && chown postgres "$PGDATA_DIR"
    PG_PORT="$(free_port)"
    as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 \
        || { cat "$TMP/initdb.log" >&2; exit 3; }
    PG_OPTS="-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGDATA_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    as_pg "$PG_CTL" -D "$PGDATA_DIR" -o "$PG_OPTS" -l "$PGDATA_DIR/server.log" -w start >/dev/null \
        || { cat "$PGDATA_DIR/server.log" >&2; exit 3; }
    as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres chatbet
    export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/chatbet"
    export CHATBET_TEST_PG_CTL="$PG_CTL" CHATBET_TEST_PGDATA="$PGDATA_DIR" CHATBET_TEST_PG_OPTS="$PG_OPTS"
    echo "with_services: PostgreSQL on 127.0.0.1:$PG_PORT ($PGDATA_DIR)"
fi

if [ -z "${REDIS_URL:-}" ]; then
    command -v redis-server >/dev/null 2>&1 || apt_install redis-server || missing Redis REDIS_URL
    command -v redis-server >/dev/null 2>&1 || missing Redis REDIS_URL
    REDIS_PORT="$(free_port)"
    REDIS_PIDFILE="$TMP/redis.pid"
    REDIS_CMD="redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile $REDIS_PIDFILE --dir $TMP --logfile $TMP/redis.log"
    eval "$REDIS_CMD"
    for _ in $(seq 1 50); do
        [ -f "$REDIS_PIDFILE" ] && redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
    export CHATBET_TEST_REDIS_CMD="$REDIS_CMD" CHATBET_TEST_REDIS_PIDFILE="$REDIS_PIDFILE"
    echo "with_services: Redis on 127.0.0.1:$REDIS_PORT"
fi

"$@"
