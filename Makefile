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
DEV_ENV := DEBUG=true

.PHONY: help run test lint format assets bench messages clean

help:
	@echo "make run    install everything and serve on http://127.0.0.1:8000"
	@echo "make test   install everything, lint, and run the whole test suite"
	@echo "make bench  print the performance benchmarks"

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

var:
	mkdir -p var

run: $(PY_STAMP) $(ASSETS_STAMP) | var
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(PY_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(PY_STAMP) $(ASSETS_STAMP) lint
	$(BIN)/python -m pytest

bench: $(PY_STAMP) $(ASSETS_STAMP)
	$(DEV_ENV) $(BIN)/python bench/pdf_bench.py

messages: $(PY_STAMP)
	$(DEV_ENV) $(BIN)/python manage.py makemessages --locale en_GB --ignore ".venv/*" --ignore "node_modules/*"

clean:
	rm -rf $(VENV) node_modules static/build var
