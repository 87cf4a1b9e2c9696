# Two commands matter: `make demo` and `make test`. Everything else is a step they share.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers: one per core ("auto"); each has its own test database, live server port and temporary
# directories. PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= auto

.PHONY: demo test install lint types pytest bench messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

demo: install
	mkdir -p var
	$(BIN)/kvp migrate --noinput
	$(BIN)/kvp demo
	$(BIN)/kvp collectstatic --noinput --verbosity 0
	@echo "KVP is running on http://$(HOST):$(PORT)/ (Ctrl+C stops it)"
	$(BIN)/gunicorn kvp.wsgi --bind $(HOST):$(PORT) --workers 2

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

types: install
	$(BIN)/mypy

pytest: install
	mkdir -p var
	$(BIN)/pytest -n $(PYTEST_WORKERS)

test: lint types pytest

bench: install
	$(BIN)/python -m bench

# Developers only: refresh the translation catalogues after changing user-facing strings. Bokmål lists every message;
# the other languages' catalogues come from translators through `kvp translations import` (docs/languages.md), a
# guess marked fuzzy until checked (compilemessages leaves fuzzy entries out). All locales are compiled.
messages: install
	cd src/kvp && ../../$(BIN)/kvp makemessages --locale nb --no-obsolete --no-location && ../../$(BIN)/kvp compilemessages
