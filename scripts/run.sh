#!/usr/bin/env bash
# `make run`: migrate, load the sports data, then serve daphne on http://127.0.0.1:8000 with a
# Celery worker and beat beside it. Ctrl-C stops every process this script started.
#
# With no DATABASE_URL / REDIS_URL / GOOGLE_API_KEY (environment or .env) it runs embedded:
# SQLite, in-memory channel layer, filesystem Celery broker, bundled demo data, offline engine.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

if [ ! -f .env ]; then
    key="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
    sed -e "s|^SECRET_KEY=.*|SECRET_KEY=$key|" -e "s|^DEBUG=.*|DEBUG=true|" .env.example > .env
    echo "run: wrote .env (DEBUG=true, a new SECRET_KEY); edit it to point at PostgreSQL, Redis or Gemini"
fi
mkdir -p .run/broker/queue .run/broker/processed .run/broker/control .run/logs

"$PY" manage.py migrate --no-input -v 0
# The compiled catalogs are committed; recompile them when GNU gettext is here (a translator's edit).
if command -v msgfmt >/dev/null 2>&1; then
    "$PY" manage.py compilemessages -v 0 -i .venv -i staticfiles -i node_modules
fi
"$PY" manage.py load_articles -v 0
"$PY" manage.py sync_sportsdata

PIDS=()
stop_all() {
    trap - INT TERM EXIT
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    echo "run: stopped"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

.venv/bin/celery -A chatbet_site worker --pool=solo --loglevel=WARNING >.run/logs/worker.log 2>&1 &
PIDS+=($!)
.venv/bin/celery -A chatbet_site beat -S django --loglevel=WARNING --pidfile= >.run/logs/beat.log 2>&1 &
PIDS+=($!)
"$PY" -m chatbet_site.serve -b "$HOST" -p "$PORT" chatbet_site.asgi:application &
PIDS+=($!)

for _ in $(seq 1 100); do
    if "$PY" -c "import urllib.request,sys; urllib.request.urlopen('http://$HOST:$PORT/health/live', timeout=1)" 2>/dev/null; then
        break
    fi
    sleep 0.2
done
echo
echo "  ChatBet is running at http://$HOST:$PORT/   (admin: /admin/, readiness: /health/ready)"
echo "  Worker and beat logs: .run/logs/. Press Ctrl-C to stop everything."
echo

# Stop everything as soon as any one process exits, so a crash is never silent.
wait -n "${PIDS[@]}"
echo "run: a process exited; stopping the others" >&2
