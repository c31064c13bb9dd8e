# The front door: `make run` serves the site with demo content, `make test` runs every check.
# Both set up what they need (virtualenv, pinned dependencies, local services) and are safe to repeat.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
TEST_SETTINGS := lodestar.settings.test
BENCH_DOCS ?= 10000

.PHONY: help install messages run bench bench-load proxy-deps test pytest test-browser browser-deps lint audit format services-up services-down services-status migrate lock clean

help:
	@echo "make run              install, start services, migrate, serve http://127.0.0.1:8000/ with worker and beat"
	@echo "make test             install, start services, lint, check migrations, run the whole test suite"
	@echo "make test-browser     only the browser journeys (Playwright + Debian's Chromium + axe-core)"
	@echo "make bench            search benchmark on its own database and indexes (BENCH_DOCS=10000)"
	@echo "make bench-load       load benchmark: gunicorn with production settings, 20 clients, a table of req/s and latencies"
	@echo "make lint             ruff, import cycles, bandit, pip-audit, docker-compose config check"
	@echo "make format           apply ruff's fixes and formatting"
	@echo "make services-up      start PostgreSQL, Redis and Elasticsearch (scripts/services)"
	@echo "make services-down    stop them"
	@echo "make services-status  say what runs"
	@echo "make lock             re-pin requirements/constraints.txt from pyproject.toml"
	@echo "make messages         collect text marked for translation into locale/fr and locale/es"

$(STAMP): pyproject.toml requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Lodestar needs Python 3.11 or newer: set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	@touch $(STAMP)

# The interface's translations (locale/<language>/LC_MESSAGES/django.po), compiled with GNU msgfmt.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
TRANSLATED_LANGUAGES := fr es

locale/%.mo: locale/%.po
	@scripts/gettext-deps
	msgfmt --check-format --output-file=$@ $<

install: $(STAMP) $(CATALOGUES)

# After marking new text for translation: collect it into the catalogues, then translate each new
# message (tests/home/test_languages.py fails while one is missing).
messages: install
	$(BIN)/python manage.py makemessages --no-location --no-obsolete $(addprefix -l ,$(TRANSLATED_LANGUAGES)) \
		--ignore='.venv/*' --ignore='.services/*' --ignore='tests/*' --ignore='static_collected/*'

services-up:
	@scripts/services up

services-down:
	@scripts/services down

services-status:
	@scripts/services status

migrate: install services-up
	$(BIN)/python manage.py migrate --noinput

run: migrate
	$(BIN)/python manage.py load_demo
	@$(BIN)/python manage.py search_index --rebuild || echo "[run] The search index could not be rebuilt (is Elasticsearch up? see make services-status); the site runs without it. Later: $(BIN)/python manage.py search_index --rebuild"
	@scripts/run

# A script, not a test: its own database, index prefix and Redis databases, removed at the end.
bench: install services-up
	$(BIN)/python -m tests.bench.search_bench --docs $(BENCH_DOCS)

# Load benchmark: gunicorn (production settings, 3 workers), 20 clients on loopback, its own
# database (lodestar_load), index prefix and Redis databases 56-58; prints a table.
bench-load: install services-up
	$(BIN)/python -m tests.bench.load_bench

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/check-imports
	$(BIN)/bandit --quiet --recursive --severity-level medium --exclude '*/migrations/*' site cases forum search
	@scripts/audit
	@scripts/check-compose

audit: install
	@scripts/audit

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install services-up browser-deps proxy-deps lint
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/pytest

pytest: install services-up browser-deps proxy-deps
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/pytest $(ARGS)

test-browser: install services-up browser-deps
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/pytest -m browser $(ARGS)

browser-deps:
	@scripts/browser-deps

# nginx and openssl from Debian's packages, for the production-like stack test (tests/deploy/).
proxy-deps:
	@scripts/proxy-deps

lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade "pip==26.3"
	.venv-lock/bin/python -m pip install --quiet -e ".[dev]"
	{ sed -n '1,2p' requirements/constraints.txt; .venv-lock/bin/python -m pip freeze --exclude-editable; } > requirements/constraints.new
	mv requirements/constraints.new requirements/constraints.txt && rm -rf .venv-lock

clean:
	rm -rf $(VENV) static_collected .pytest_cache .ruff_cache
