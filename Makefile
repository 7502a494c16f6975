# `make run` starts the dashboard, `make test` checks the data and runs every test.
# Both set up .venv from requirements.txt first, and only when needed: the stamp file's name
# carries a hash of requirements.txt, so editing that file reinstalls and nothing else does.

PYTHON ?= python3
VENV ?= .venv
REQUIREMENTS ?= requirements.txt
PY ?= $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=
STREAMLIT_ARGS ?=

REQUIREMENTS_HASH := $(shell sha256sum $(REQUIREMENTS) 2>/dev/null | cut -c1-16)
STAMP := $(VENV)/.installed-$(REQUIREMENTS_HASH)
# Empty when .venv has no runnable python (never built, or its interpreter is gone).
VENV_PYTHON_RUNS := $(shell test -x $(VENV)/bin/python && echo yes)

.DEFAULT_GOAL := help
.PHONY: help setup run test pytest check lint bench bench-all fuzz browser js clean distclean FORCE

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: $(STAMP) ## create .venv and install requirements.txt (skipped when up to date)

# A venv without a runnable python is rebuilt from scratch, whatever its stamp says.
$(STAMP): $(if $(VENV_PYTHON_RUNS),,FORCE)
	$(if $(VENV_PYTHON_RUNS),,$(PYTHON) -m venv --clear $(VENV))
	$(VENV)/bin/python -m pip install --disable-pip-version-check --no-input -r $(REQUIREMENTS)
	rm -f $(VENV)/.installed-*
	touch $@

run: setup ## start the dashboard: streamlit run dashboard.py
	$(PY) -m streamlit run dashboard.py --server.showEmailPrompt false \
		--browser.gatherUsageStats false $(STREAMLIT_ARGS)

test: setup browser js check lint ## set up, check the data and lint the code, then run the whole test suite
	$(run_pytest)

pytest: ## run pytest in the current environment only (PYTEST_ARGS=... to narrow it)
	$(run_pytest)

# pytest exits 5 when it collected no tests: a suite that tests nothing must fail.
define run_pytest
@status=0; $(PY) -m pytest $(PYTEST_ARGS) || status=$$?; \
if [ $$status -eq 5 ]; then echo "error: pytest collected no tests (exit code 5)" >&2; exit 1; fi; \
exit $$status
endef

check: setup ## check the data against the vocabularies and the seeds, and that it is canonical
	$(PY) -m timeline check
	$(PY) -m timeline fmt --check

lint: setup ## ruff check, ruff format --check and mypy (types of timeline/, views/, dashboard.py)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

# Scripts import `timeline` from the checkout, hence PYTHONPATH.
BENCH_ARGS ?=
bench: setup ## one table: first chart (cold, warm) against a bare page, filter change, bytes, memory
	PYTHONPATH="$(CURDIR)$${PYTHONPATH:+:$$PYTHONPATH}" $(PY) benchmarks/bench_first_chart.py $(BENCH_ARGS)

bench-all: setup ## run every benchmarks/bench_*.py script, one after the other
	@found=0; for script in benchmarks/bench_*.py; do \
		[ -e "$$script" ] || continue; found=1; \
		echo "== $$script"; \
		PYTHONPATH="$(CURDIR)$${PYTHONPATH:+:$$PYTHONPATH}" $(PY) "$$script" || exit 1; \
	done; \
	if [ $$found -eq 0 ]; then echo "no benchmark scripts in benchmarks/"; fi

FUZZ_CASES ?= 2500
fuzz: setup ## fuzz the checker with mutated data files (FUZZ_CASES=2500): cases, failures, slowest
	PYTHONPATH="$(CURDIR)$${PYTHONPATH:+:$$PYTHONPATH}" $(PY) benchmarks/fuzz_checker.py \
		--cases $(FUZZ_CASES)

# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
# Recommends stay in: they bring the fonts and the software GL that rendering relies on.
# Without apt-get (not Debian) or a way to become root, warn and let the browser tests report it.
browser: ## install Debian's chromium with apt-get when it is missing
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
		echo "warning: $(CHROMIUM) is missing and apt-get is not available: install Chromium by hand" >&2; \
		exit 0; \
	fi; \
	sudo=""; \
	if [ "$$(id -u)" -ne 0 ]; then \
		if command -v sudo >/dev/null 2>&1; then sudo=sudo; else \
			echo "warning: $(CHROMIUM) is missing; run as root: apt-get install chromium" >&2; \
			exit 0; \
		fi; \
	fi; \
	set -x; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium

# The export tests load our TimelineJS export in TimelineJS itself and read our PDFs with pdf.js;
# the dashboard's browser tests run axe-core in the page. All come from npm, pinned by
# tests/js/package-lock.json. npm ci runs when node_modules is missing or older than the lock
# file; optional packages (pdf.js's native canvas, which would download binaries from GitHub)
# are left out. Without npm, warn and let those tests skip.
JS_DIR := tests/js
JS_STAMP := $(JS_DIR)/node_modules/.package-lock.json

js: $(JS_STAMP) ## install the browser tests' JavaScript (TimelineJS, pdf.js, axe-core) with npm ci

$(JS_STAMP): $(JS_DIR)/package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "warning: npm is missing: the TimelineJS and PDF export tests will skip" >&2; \
		exit 0; \
	fi; \
	set -x; \
	cd $(JS_DIR) && npm ci --omit=optional --no-audit --no-fund --loglevel=error && \
	touch node_modules/.package-lock.json

clean: ## remove caches and generated artifacts (keeps .venv)
	rm -rf .pytest_cache .ruff_cache artifacts
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean ## clean, and remove .venv (and tests/js/node_modules) too
	rm -rf $(VENV) $(JS_DIR)/node_modules
