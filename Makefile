# The two commands: `make run` (the app, embedded defaults) and `make test` (the full suite on
# real PostgreSQL and Redis). Everything else is a helper for them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test lint format messages lock bench eval eval-own eval-leagues clean

# Installs come from the lock files (every package pinned, with hashes); requirements*.txt are the
# human-edited inputs they are compiled from (`make lock`).
$(VENV)/.runtime: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements.lock
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements-dev.lock
	@touch $@

UV_COMPILE := $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes
lock: $(VENV)/.dev
	$(UV_COMPILE) requirements.txt -o requirements.lock
	$(UV_COMPILE) requirements-dev.txt -o requirements-dev.lock

run: $(VENV)/.runtime
	@scripts/run.sh

test: $(VENV)/.dev
	@scripts/with_services.sh scripts/check.sh $(ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Translations: refresh locale/*/LC_MESSAGES/{django,djangojs}.po from the code (then translate the
# new entries) and compile them. conversations/tests/test_translations.py runs the same makemessages.
MAKEMESSAGES := $(PY) manage.py makemessages -l es -l pt_BR --no-obsolete --add-location=file -i staticfiles -i node_modules -i test-artifacts
messages: $(VENV)/.runtime
	DEBUG=true $(MAKEMESSAGES) -d django
	DEBUG=true $(MAKEMESSAGES) -d djangojs
	DEBUG=true $(PY) manage.py compilemessages -i .venv -i staticfiles -i node_modules

bench: $(VENV)/.dev
	@DEBUG=false SECRET_KEY=bench-only SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false \
		scripts/with_services.sh $(PY) benchmarks/run_all.py

eval: $(VENV)/.runtime
	@test -x ../shared/tools/run_eval.sh || { echo "../shared/tools/run_eval.sh not found"; exit 2; }
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/.run/eval.sqlite3} DEBUG=true $(PY) manage.py migrate -v0
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/.run/eval.sqlite3} DEBUG=true ../shared/tools/run_eval.sh public

eval-own: $(VENV)/.runtime
	@test -x ../shared/tools/run_eval.sh || { echo "../shared/tools/run_eval.sh not found"; exit 2; }
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/.run/eval-own.sqlite3} DEBUG=true $(PY) manage.py migrate -v0
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/.run/eval-own.sqlite3} DEBUG=true ../shared/tools/run_eval.sh $(CURDIR)/evaluation/own

eval-leagues: $(VENV)/.runtime
	@test -x ../shared/tools/run_eval.sh || { echo "../shared/tools/run_eval.sh not found"; exit 2; }
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/.run/eval-leagues.sqlite3} DEBUG=true $(PY) manage.py migrate -v0
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/.run/eval-leagues.sqlite3} DEBUG=true ../shared/tools/run_eval.sh $(CURDIR)/evaluation/leagues

clean:
	rm -rf $(VENV) .run staticfiles .mypy_cache .ruff_cache .pytest_cache
