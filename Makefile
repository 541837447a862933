# Two commands for a fresh machine: `make demo` and `make test`. Each installs what it needs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The extraction rules' regular expressions in their compiled form, and byte code: `muistio extract`
# starts in half the time (muistio/patterns.py). Rebuilt when a domain module changes.
FAST   := muistio/patterns.cache

.PHONY: demo test lint bench calibration fuzz audit clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

$(FAST): $(STAMP) $(wildcard muistio/*.py muistio/*/*.py muistio/*/*/*.py)
	$(BIN)/python -m services.patterns
	$(BIN)/python -m compileall -q muistio cli services models web flows deployments templates > /dev/null

# ical.js (Thunderbird's parser) reads our invites in the tests; node and npm come from Debian.
tests/node/node_modules/.installed: tests/node/package.json
	cd tests/node && npm install --no-audit --no-fund --silent
	touch $@

# The desk's browser test drives Debian's Chromium; installed once, skipped when it is there.
chromium:
	@test -x /usr/bin/chromium || (apt-get update -q && apt-get install -y -q chromium)

demo: $(STAMP) $(FAST)
	$(BIN)/muistio demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(STAMP) $(FAST) tests/node/node_modules/.installed chromium lint
	$(BIN)/python -m pytest -q

# The property tests of tests/test_fuzz.py with 3,000 examples each instead of the 60 of `make test`.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -q tests/test_fuzz.py

# Known vulnerabilities in the installed dependencies; --strict fails when a package cannot be checked
# (this machine reaches no vulnerability database, so here it fails instead of passing on nothing).
audit: $(STAMP)
	$(BIN)/pip-audit --strict --skip-editable

bench: $(STAMP) $(FAST)
	$(BIN)/python -m bench.extraction

calibration: $(STAMP)
	$(BIN)/python -m bench.calibration

clean:
	rm -rf $(VENV) $(FAST) tests/node/node_modules data .pytest_cache .mypy_cache .ruff_cache
