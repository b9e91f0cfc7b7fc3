# MSP Casework. `make help` lists the targets; the work is done by scripts/.
#
#   make run    set up, load demo data and serve on http://127.0.0.1:8000
#   make serve  serve in production with gunicorn (no set-up, no migrate)
#   make test   set up, then lint, type checks and the tests on SQLite and PostgreSQL

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

VENV := .venv
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
ASSETS_STAMP := msp/static/vendor/.built

# Rebuild the virtual environment when its Python is missing, broken or older
# than 3.12, even if the stamp file is newer than requirements.lock.
VENV_OK := $(shell $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && echo yes)

# Port for `make run`, e.g. make run PORT=8001
PORT ?= 8000
# Extra pytest arguments for `make test`, e.g. make test ARGS="-k consent -x"
ARGS ?=
# Examples per API operation and kind of input for `make fuzz` (`make test` uses 4)
FUZZ_EXAMPLES ?= 50

.PHONY: help setup run serve test fuzz lint bench lock clean FORCE

help: ## Show this list
	@echo "MSP Casework. Usage: make TARGET"
	@echo
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

setup: $(VENV_STAMP) $(NODE_STAMP) $(ASSETS_STAMP) ## Install Python and Node packages, build the CSS and JS

run: setup ## Set up, migrate, load demo data, serve on http://127.0.0.1:8000 (PORT=8001 for another port)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	PY=$(PY) bash scripts/run_dev.sh $(PORT)

serve: ## Serve in production with gunicorn (MSP_ENV=production; no migrate, see docs/operations.md)
	bash scripts/serve.sh

test: setup ## Set up, then lint, type checks and all tests on SQLite and PostgreSQL
	bash scripts/test_all.sh $(ARGS)

fuzz: setup ## Fuzz the API longer than `make test` does (FUZZ_EXAMPLES per operation), on SQLite and PostgreSQL
	MSP_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) MSP_FUZZ_REPORT=1 $(PY) -m pytest -p no:cacheprovider -q -s tests/api/test_fuzz.py $(ARGS)
	MSP_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) MSP_FUZZ_REPORT=1 $(PY) scripts/pg_throwaway.py -- $(PY) -m pytest -p no:cacheprovider -q -s tests/api/test_fuzz.py $(ARGS)

lint: $(VENV_STAMP) ## Lint, formatting and type checks only
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy .

# make bench BENCH_SIZES="100000 1000000" for the figures in docs/performance.md
BENCH_SIZES ?= 100000
# make bench BENCH_PEOPLE=100000 for a quicker load test (people for search; open cases for lists)
BENCH_PEOPLE ?= 1000000
BENCH_OPEN_CASES ?= 30000
bench: setup ## Print benchmark figures (BENCH_SIZES: concerns, default 100000)
	$(PY) bench/guard_bench.py
	$(PY) scripts/pg_throwaway.py -- $(PY) bench/sac_bench.py --sizes $(BENCH_SIZES) --databases sqlite postgresql
	$(PY) scripts/pg_throwaway.py -- $(PY) bench/load_bench.py --people $(BENCH_PEOPLE) --open-cases $(BENCH_OPEN_CASES)

lock: ## Regenerate requirements.lock from requirements.in (needs PyPI)
	python="$$(bash scripts/find_python.sh)"; \
	tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	"$$python" -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/pip" install --disable-pip-version-check -r requirements.in; \
	version="$$("$$tmp/venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"; \
	{ echo "# Generated from requirements.in by 'make lock' (pip freeze in a fresh Python $$version venv). Do not edit by hand."; \
	  "$$tmp/venv/bin/pip" freeze --disable-pip-version-check; } > "$$tmp/requirements.lock"; \
	mv "$$tmp/requirements.lock" requirements.lock
	@echo "requirements.lock updated. Run 'make setup' to install it."

clean: ## Remove .venv, node_modules, built assets and var/ (the local SQLite database)
	rm -rf $(VENV) node_modules msp/static/vendor var

$(VENV_STAMP): requirements.lock $(if $(VENV_OK),,FORCE)
	$(if $(VENV_OK),,rm -rf $(VENV); python="$$(bash scripts/find_python.sh)"; "$$python" -m venv $(VENV))
	$(PY) -m pip install --disable-pip-version-check -r requirements.lock
	touch $@

$(NODE_STAMP): package-lock.json package.json
	npm ci --no-audit --no-fund
	touch $@

$(ASSETS_STAMP): $(NODE_STAMP) scripts/build_assets.mjs $(wildcard msp/assets/*.scss)
	node scripts/build_assets.mjs

FORCE:
