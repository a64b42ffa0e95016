# Uitvoerbaar. The two commands a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup assets demo test test-fast test-browser lint schema schema-check messages clean

setup: $(STAMP) build/vendor/.stamp

# Reinstall only when the dependency pins change (idempotent, fast when nothing changed).
$(STAMP): pyproject.toml scripts/ensure-pdf-libs
	scripts/ensure-pdf-libs
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

build/vendor/.stamp: package.json package-lock.json scripts/vendor-assets
	scripts/vendor-assets
	touch $@

assets: build/vendor/.stamp

messages: setup
	cd src/uitvoerbaar && ../../$(BIN)/uitvoerbaar compilemessages --ignore=.venv >/dev/null

demo: setup messages
	$(BIN)/uitvoerbaar migrate --noinput
	$(BIN)/uitvoerbaar load_demo
	@echo "Uitvoerbaar draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	trap 'kill 0' EXIT; $(BIN)/uitvoerbaar run_jobs & \
	  $(BIN)/uitvoerbaar runserver --noreload $(HOST):$(PORT)

# The whole suite: unit, database, HTTP and browser tests. DATABASE_URL selects PostgreSQL.
test: setup messages
	scripts/ensure-chromium
	$(BIN)/pytest -q -n 2 $(PYTEST_ARGS)

test-fast: setup
	$(BIN)/pytest -q -n 2 -m "not browser" $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests benchmarks conftest.py
	$(BIN)/ruff format --check src tests benchmarks conftest.py
	$(BIN)/mypy
	DJANGO_SETTINGS_MODULE=uitvoerbaar.conf.test $(BIN)/uitvoerbaar makemigrations --check --dry-run

schema: setup
	DJANGO_SETTINGS_MODULE=uitvoerbaar.conf.test $(BIN)/uitvoerbaar spectacular --file openapi.yaml --validate --fail-on-warn

# Fails when openapi.yaml is not what the code generates.
schema-check: setup
	DJANGO_SETTINGS_MODULE=uitvoerbaar.conf.test $(BIN)/uitvoerbaar spectacular --file build/openapi.yaml --validate --fail-on-warn
	diff -u openapi.yaml build/openapi.yaml

clean:
	rm -rf $(VENV) build node_modules

# Every benchmark of DESIGN §5 against PostgreSQL and gunicorn (outside CI; see docs/benchmarks.md).
# BENCH_SCALE=small|medium|national; BENCH_HERGEBRUIK=1 keeps the generated data of a former run.
BENCH_SCALE ?= national
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/uitvoerbaar_bench
.PHONY: bench
bench: setup
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y wrk; } || { \
	  echo "make bench heeft wrk nodig: apt-get install -y wrk" >&2; exit 2; }
	@command -v wrk >/dev/null || { echo "make bench heeft wrk nodig: apt-get install -y wrk" >&2; exit 2; }
	$(BIN)/python benchmarks/bench.py --scale $(BENCH_SCALE) --database-url $(BENCH_DATABASE_URL) \
	  $(if $(BENCH_HERGEBRUIK),--hergebruik)
