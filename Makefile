# The only way to run things: the same commands locally and in CI.
# `make run` and `make test` do all the set-up from nothing but Python 3.11 and the registries.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MIN_VENV := .venv-min
# The example page the project ships (written by the team in the garbled style of scraped pages).
EXAMPLE := kremlinology/examples/scraped-page.txt
# The docs that cog generates from the code (CI fails when they are stale).
COG_DOCS := docs/cli.md docs/predicates.md docs/validation.md

.PHONY: run test lint typecheck pytest docs docs-check eval bench smoke clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip

# One stamp per install, redone when pyproject.toml changes.
$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,web,batch]'
	touch $@ $(VENV)/.core

run: $(VENV)/.core
	$(BIN)/kremlinology kb build
	@if [ -f $(EXAMPLE) ] && $(BIN)/kremlinology check --help >/dev/null 2>&1; then \
		$(BIN)/kremlinology check $(EXAMPLE); \
	else \
		$(BIN)/kremlinology kb stats; \
	fi

lint: $(VENV)/.dev
	$(BIN)/ruff check kremlinology tests benchmarks eval
	$(BIN)/ruff format --check kremlinology tests benchmarks eval

typecheck: $(VENV)/.dev
	$(BIN)/mypy

pytest: $(VENV)/.dev
	$(BIN)/pytest -q -W error --cov --cov-report=term:skip-covered --cov-fail-under=90

docs: $(VENV)/.dev
	$(BIN)/cog -r $(COG_DOCS)

docs-check: $(VENV)/.dev
	$(BIN)/cog --check $(COG_DOCS)

eval: $(VENV)/.dev
	@if [ -f eval/gate.py ]; then $(BIN)/python eval/gate.py; else echo "eval: no gate yet"; fi

# The installed tool without the dev extra: no accidental dev dependencies.
smoke:
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/python -m pip install -q -U pip
	$(MIN_VENV)/bin/pip install -q .
	cd /tmp && $(CURDIR)/$(MIN_VENV)/bin/kremlinology --help >/dev/null
	cd /tmp && $(CURDIR)/$(MIN_VENV)/bin/kremlinology kb validate
	cd /tmp && KREMLINOLOGY_KB=$(CURDIR)/$(MIN_VENV)/kb.sqlite $(CURDIR)/$(MIN_VENV)/bin/kremlinology kb stats --format json >/dev/null
	@if [ -f $(EXAMPLE) ] && $(MIN_VENV)/bin/kremlinology check --help >/dev/null 2>&1; then \
		KREMLINOLOGY_KB=$(CURDIR)/$(MIN_VENV)/kb.sqlite $(MIN_VENV)/bin/kremlinology check $(EXAMPLE) --format json >/dev/null; fi
	@echo "smoke: ok"

test: lint typecheck docs-check pytest eval smoke

bench: $(VENV)/.dev
	$(BIN)/pip install -q -e '.[bench]'
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) $(MIN_VENV) .pytest_cache .mypy_cache .ruff_cache .coverage build *.egg-info
