# The two commands a fresh machine needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
BUNDLE := python_server/sidepane/static/sidepane.js

.PHONY: setup build demo test lint typecheck pytest webtest e2e chromium bench \
	conformance-streamlit clean

setup: $(STAMP) $(NPM_STAMP)

$(STAMP): python_server/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e 'python_server[dev]' --config-settings editable_mode=compat
	touch $(STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

# The front-end bundle, served by `sidepane run` and shipped in the Python package.
build: $(NPM_STAMP)
	node webview/build.mjs

demo: setup build
	$(VENV)/bin/sidepane run examples/gallery.py

# Browser tests drive Debian's Chromium; install it when it is missing (CI runs as root).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

lint: setup
	$(VENV)/bin/ruff check python_server tests bench examples
	$(VENV)/bin/ruff format --check python_server tests bench examples
	npx eslint webview tests/webview
	npx prettier --check webview tests/webview

typecheck: setup
	$(VENV)/bin/mypy
	npx tsc -p webview --noEmit

pytest: setup build
	$(PY) -m pytest tests/python

webtest: setup
	npx vitest run --config tests/webview/vitest.config.ts

e2e: setup build chromium
	$(PY) -m pytest tests/e2e

test: lint typecheck pytest webtest e2e

bench: setup build
	$(PY) bench/runtime_bench.py
	$(PY) bench/cache_bench.py
	$(PY) bench/browser_bench.py

# The conformance suite, run against Streamlit itself (in the bench's Streamlit venv): every case
# must pass there too, with only the AppTest import changed.
conformance-streamlit: setup
	ST_PY=$$($(PY) -c 'import sys; sys.path.insert(0, "bench"); from streamlit_env import streamlit_python; print(streamlit_python())') && \
	$$ST_PY -m pip install -q pytest pandas && \
	cd tests/python && SIDEPANE_CONFORMANCE=streamlit $$ST_PY -m pytest conformance --confcutdir=conformance -q -p no:cacheprovider

clean:
	rm -rf $(VENV) node_modules python_server/sidepane/static
