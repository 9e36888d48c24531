# Two commands for a newcomer: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Django 6.1 needs Python 3.12 or newer: take the first one this machine has.
PYTHON ?= $(firstword $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 /usr/bin/python3.13 /usr/bin/python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && command -v $$p; done))
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test lint format messages chromium clean bench

$(BIN)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12+ is needed (e.g. apt-get install python3.12 or pyenv install 3.12)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

# Debian's Chromium for the browser tests (Playwright never downloads its own).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }

messages: install
	cd vigil && ../$(BIN)/vigil compilemessages --ignore=.venv >/dev/null

run: install
	$(BIN)/vigil migrate --no-input
	$(BIN)/vigil collectstatic --no-input --verbosity 0
	$(BIN)/vigil seed_demo
	$(BIN)/vigil refresh_aggregates
	@echo "Serving http://$(HOST):$(PORT)  (report page: http://$(HOST):$(PORT)/report/, staff: /accounts/login/)"
	VIGIL_HTTPS=0 $(BIN)/gunicorn vigil.wsgi --bind $(HOST):$(PORT) --workers 2 --threads 4 --no-control-socket

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install chromium lint
	$(BIN)/vigil check --fail-level WARNING
	$(BIN)/vigil makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# Triage quality and speed, Presidio alongside (benchmarks/README.md); BENCH_ARGS="--tips 100000".
bench: install
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/triage.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
