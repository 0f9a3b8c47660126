#!/usr/bin/env bash
# The full check behind `make test`: lint, format, types, migrations, then pytest on the
# PostgreSQL and Redis given in DATABASE_URL / REDIS_URL (scripts/with_services.sh sets them).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DEBUG="${DEBUG:-true}"

echo "== ruff check";            "$BIN/ruff" check .
echo "== ruff format --check";   "$BIN/ruff" format --check .
echo "== mypy";                  "$BIN/mypy" .
echo "== makemigrations --check"; "$BIN/python" manage.py makemigrations --check --dry-run
echo "== compilemessages"
# shellcheck source=scripts/apt_install.sh
. scripts/apt_install.sh
command -v msgfmt >/dev/null 2>&1 || apt_install gettext || true
command -v msgfmt >/dev/null 2>&1 || {
    echo "GNU gettext is missing (it compiles and checks the translations): apt-get install gettext, or brew install gettext" >&2
    exit 3
}
"$BIN/python" manage.py compilemessages -v 0 -i .venv -i staticfiles -i node_modules
# The browser tests drive Debian's headless Chromium.
command -v chromium >/dev/null 2>&1 || apt_install chromium || echo "chromium is missing: the browser tests will fail (apt-get install chromium)" >&2
echo "== pytest";                "$BIN/pytest" "$@"
