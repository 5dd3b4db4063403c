# velferd: `make run` sets up and serves the demo; `make test` runs every test on SQLite and
# then on a throwaway PostgreSQL cluster, each in parallel on every core (pytest-xdist:
# TEST_WORKERS=0 runs serially, TEST_WORKERS=4 on four workers).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
VELFERD := $(BIN)/velferd
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_WORKERS ?= auto
# worksteal: a worker that runs out of tests takes half of what another has left, so the long
# browser walks at the end never leave one core idle.
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

.PHONY: run setup test test-sqlite test-postgresql lint openapi messages demo-db clean \
	scale-demo restore-drill

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

# The production topology on loopback with the demo: PostgreSQL primary and streaming
# replica, two gunicorn app servers, the task worker, nginx (README, "Production").
scale-demo: setup
	scripts/scale-demo.sh

# Restore a base backup and the archived WAL into a fresh cluster; verify the audit chain.
restore-drill: setup
	scripts/restore-drill.sh

test: setup
	scripts/ensure-chromium.sh
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgresql

test-sqlite:
	@echo "== Tests on SQLite"
	$(PYTEST)

test-postgresql:
	@echo "== Tests on PostgreSQL (throwaway cluster)"
	scripts/with-postgresql.sh $(PYTEST)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python scripts/audit_dependencies.py

openapi: setup
	$(VELFERD) export_openapi docs/openapi.json

clean:
	rm -rf $(VENV) node_modules var
