# Two commands do all the set-up: `make run` and `make test`.
# Each installs what is missing (a virtual environment in .venv, npm packages,
# the compiled front end) and then does its job.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
ASSETS_STAMP := static/build/.built
ASSET_SOURCES := $(shell find static/scss static/js -type f 2>/dev/null)
# The Welsh catalogue, and the compiled file Django reads (git-ignored, built here).
CATALOGUE := screening/locale/cy/LC_MESSAGES/django.po
COMPILED_CATALOGUE := $(CATALOGUE:.po=.mo)
DEV_ENV := DEBUG=true

.PHONY: help run serve test lint typecheck format assets catalogue bench load messages clean new-secret-key

help:
	@echo "make run    install everything and serve on http://127.0.0.1:8000"
	@echo "make test   install everything, lint, type-check, and run the whole test suite"
	@echo "make serve  serve the production way (gunicorn, production settings) on http://127.0.0.1:8000"
	@echo "make bench  print the performance benchmarks"
	@echo "make load   a bounded load test against a local production-style server"

$(PY_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[dev]"
	@touch $@

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(ASSETS_STAMP): $(NPM_STAMP) $(ASSET_SOURCES)
	npm run --silent build
	@touch $@

assets: $(ASSETS_STAMP)

# Compiled in pure Python (polib): no GNU gettext needed to build or run the service.
$(COMPILED_CATALOGUE): $(CATALOGUE) $(PY_STAMP)
	$(DEV_ENV) $(BIN)/python manage.py compile_catalogues

catalogue: $(COMPILED_CATALOGUE)

var:
	mkdir -p var

run: $(PY_STAMP) $(ASSETS_STAMP) $(COMPILED_CATALOGUE) | var
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py demo_accounts
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# The current two-factor code for the demo advocate that `make run` prints.
demo-code: $(PY_STAMP)
	@$(DEV_ENV) $(BIN)/python manage.py demo_accounts --code

# Production settings and gunicorn, over plain HTTP on loopback only. The keys
# are made for this run and thrown away, so the run gets a fresh database of its
# own (var/serve.sqlite3) unless DATABASE_URL says otherwise.
SERVE_DB := var/serve.sqlite3
# A Fernet key for FIELD_ENCRYPTION_KEYS, and a SECRET_KEY long and varied enough for
# `check --deploy` (50 characters or more).
NEW_KEY := $(BIN)/python -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"
NEW_SECRET_KEY := $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))"

serve: $(PY_STAMP) $(ASSETS_STAMP) $(COMPILED_CATALOGUE) | var
	@echo "make serve: production settings over plain HTTP (LOCAL_PLAIN_HTTP) on 127.0.0.1 only,"
	@echo "with a throwaway SECRET_KEY and encryption key made for this run. Not for real use."
	@if [ -z "$$DATABASE_URL" ]; then rm -f $(SERVE_DB); fi
	@export SECRET_KEY="$$($(NEW_SECRET_KEY))" \
	  FIELD_ENCRYPTION_KEYS="$${FIELD_ENCRYPTION_KEYS:-$$($(NEW_KEY))}" \
	  DATABASE_URL="$${DATABASE_URL:-sqlite:///$(CURDIR)/$(SERVE_DB)}" \
	  LOCAL_PLAIN_HTTP=true ALLOWED_HOSTS=127.0.0.1,localhost DEBUG=false; \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	$(BIN)/python manage.py migrate --noinput --verbosity 0 && \
	exec $(BIN)/gunicorn --config gunicorn.conf.py

# Prints a new random SECRET_KEY (the one `make serve` uses is made the same way).
new-secret-key: $(PY_STAMP)
	@$(NEW_SECRET_KEY)

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The pure domain modules (listed in pyproject.toml) are type-checked.
typecheck: $(PY_STAMP)
	$(BIN)/mypy

format: $(PY_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(PY_STAMP) $(ASSETS_STAMP) $(COMPILED_CATALOGUE) lint typecheck
	$(BIN)/python -m pytest

# The web figures, then the PDF figures, then every NAME: VALUE line again together.
bench: $(PY_STAMP) $(ASSETS_STAMP) $(COMPILED_CATALOGUE) | var
	@{ $(BIN)/python -u bench/web_bench.py; echo $$? > var/bench-web.status; } | tee var/bench-web.txt
	@exit $$(cat var/bench-web.status)
	@{ $(DEV_ENV) $(BIN)/python -u bench/pdf_bench.py; echo $$? > var/bench-pdf.status; } \
	  | tee var/bench-pdf.txt
	@exit $$(cat var/bench-pdf.status)
	@echo
	@echo "All figures:"
	@grep -h -E '^[a-z0-9_]+: ' var/bench-pdf.txt var/bench-web.txt

load: $(PY_STAMP) $(ASSETS_STAMP) $(COMPILED_CATALOGUE) | var
	$(BIN)/python bench/load.py

# Brings the Welsh catalogue up to date with the code and templates: new wording arrives
# untranslated, changed wording fuzzy (docs/welsh.md). Needs GNU gettext's xgettext and msgmerge.
messages: $(PY_STAMP)
	$(DEV_ENV) $(BIN)/python manage.py makemessages --locale cy --no-obsolete \
	  --ignore ".venv/*" --ignore "node_modules/*" --ignore "var/*" --ignore "tests/*"

clean:
	rm -rf $(VENV) node_modules static/build var $(COMPILED_CATALOGUE)
