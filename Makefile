# velferd: `make run` sets up and serves the demo; `make test` runs every test on SQLite and
# then on a throwaway PostgreSQL cluster.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
VELFERD := $(BIN)/velferd
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test test-sqlite test-postgresql lint openapi messages demo-db clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed messages

messages: $(VENV)/.installed
	cd src/velferd && ../../$(BIN)/python -m django compilemessages -v0 --settings=velferd.settings.test

demo-db: setup
	$(VELFERD) migrate --no-input -v0
	$(VELFERD) load-reference
	$(VELFERD) load-demo

run: demo-db
	@echo ""
	@echo "velferd runs on http://$(HOST):$(PORT)/  (Ctrl+C stops it)"
	$(VELFERD) runserver $(HOST):$(PORT)

test: setup
	scripts/ensure-chromium.sh
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgresql

test-sqlite:
	@echo "== Tests on SQLite"
	$(BIN)/python -m pytest

test-postgresql:
	@echo "== Tests on PostgreSQL (throwaway cluster)"
	scripts/with-postgresql.sh $(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

openapi: setup
	$(VELFERD) export_openapi docs/openapi.json

clean:
	rm -rf $(VENV) node_modules var
