# The two commands a fresh machine needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
BUNDLE := python_server/sidepane/static/sidepane.js

.PHONY: setup lock build demo test lint typecheck pytest pytest-lowest webtest e2e chromium postgresql bench \
	conformance-streamlit clean vsix code-server vscode-e2e screenshots schema check-schema

setup: $(STAMP) $(NPM_STAMP)

# The venv holds exactly what requirements/dev.lock pins (what CI ran), then the package itself.
$(STAMP): python_server/pyproject.toml requirements/dev.lock requirements/components.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements/dev.lock
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/components.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e python_server --config-settings editable_mode=compat
	touch $(STAMP)

# Refresh both locks to the newest releases the package's ranges admit (commit the result):
# dev.lock for development and CI, lowest.lock holding each direct dependency at its lower bound.
LOCK := $(VENV)/bin/uv pip compile python_server/pyproject.toml --universal --python-version 3.10 -q
lock: setup
	$(LOCK) --extra dev --upgrade -o requirements/dev.lock
	$(LOCK) --extra test --resolution lowest-direct --upgrade -o requirements/lowest.lock
	$(VENV)/bin/uv pip compile requirements/components.in --no-deps --generate-hashes --universal \
		--python-version 3.10 -q --upgrade -o requirements/components.lock

# tests/python against the package's lower bounds, so the ranges in pyproject.toml stay honest.
LOWEST := .venv-lowest
$(LOWEST)/.installed: python_server/pyproject.toml requirements/lowest.lock
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/pip install -q -r requirements/lowest.lock
	$(LOWEST)/bin/pip install -q --no-deps -e python_server --config-settings editable_mode=compat
	touch $@

pytest-lowest: build postgresql $(LOWEST)/.installed
	$(LOWEST)/bin/python -m pytest tests/python -q -p no:cacheprovider

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

# The front-end bundle, served by `sidepane run` and shipped in the Python package.
build: $(NPM_STAMP)
	node webview/build.mjs

demo: setup build
	$(VENV)/bin/sidepane run examples/gallery.py

# st.connection's tests run a real PostgreSQL server (started by the tests in a temp folder);
# install Debian's when it is missing (CI runs as root).
postgresql:
	@ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql; }

# Browser tests drive Debian's Chromium; install it when it is missing (CI runs as root).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# The TypeScript generated from the protocol schema (python_server/sidepane/protocol/schema):
# `schema` rewrites it (commit the result), `check-schema` fails naming a file that is stale.
schema: setup
	$(PY) -m sidepane.protocol.schema

check-schema: setup
	$(PY) -m sidepane.protocol.schema --check

lint: setup check-schema
	$(PY) requirements/check_lock.py
	$(VENV)/bin/ruff check python_server tests bench examples requirements
	$(VENV)/bin/ruff format --check python_server tests bench examples requirements
	npx eslint webview tests/webview extension tests/extension
	npx prettier --check webview tests/webview extension tests/extension

typecheck: setup
	$(VENV)/bin/mypy
	npx tsc -p webview --noEmit
	npx tsc -p extension --noEmit
	npx tsc -p tests/extension/webview --noEmit

pytest: setup build postgresql
	$(PY) -m pytest tests/python

webtest: setup
	npx vitest run --config tests/webview/vitest.config.ts
	npx vitest run --config tests/extension/vitest.config.ts

e2e: setup build chromium
	$(PY) -m pytest tests/e2e --ignore=tests/e2e/vscode

# code-server (VS Code 1.139 in a browser) for the extension's end-to-end tests and bench:
# installed once under ~/.cache/sidepane-test (apt headers as root when missing, Node 24 from npm).
code-server:
	sh tests/e2e/vscode/install_code_server.sh

# The extension from dist/sidepane.vsix in real VS Code (code-server), driven through Chromium.
vscode-e2e: vsix chromium code-server
	$(PY) -m pytest tests/e2e/vscode

test: lint typecheck pytest pytest-lowest webtest e2e vscode-e2e

# Tests write their pictures to tests/e2e/artifacts (ignored); the ones README and the docs show
# are refreshed from there only on purpose, with this target.
screenshots: e2e vscode-e2e
	cp $(addprefix tests/e2e/artifacts/,$(notdir $(wildcard tests/e2e/screenshots/*.png))) tests/e2e/screenshots/

bench: setup build vsix chromium code-server
	$(PY) bench/runtime_bench.py
	$(PY) bench/cache_bench.py
	$(PY) bench/browser_bench.py
	$(PY) bench/plotly_bench.py
	$(PY) bench/flow_bench.py
	$(PY) bench/connection_bench.py
	$(PY) bench/vscode_bench.py

# The conformance suite, run against Streamlit itself (in the bench's Streamlit venv): every case
# must pass there too, with only the AppTest import changed.
conformance-streamlit: setup
	ST_PY=$$($(PY) -c 'import sys; sys.path.insert(0, "bench"); from streamlit_env import streamlit_python; print(streamlit_python())') && \
	$$ST_PY -m pip install -q pytest pandas sqlalchemy pg8000 plotly pydeck graphviz && \
	cd tests/python && SIDEPANE_CONFORMANCE=streamlit $$ST_PY -m pytest conformance --confcutdir=conformance -q -p no:cacheprovider

# The VS Code extension, dist/sidepane.vsix: the extension bundle, the viewer, the sidepane wheel
# (built after the viewer, so it carries it; offered for install into the chosen interpreter),
# the icon, README, CHANGELOG and LICENSE. Install with `code --install-extension dist/sidepane.vsix`.
vsix: setup
	rm -rf python_server/sidepane/static  # a clean viewer build: no chunks of earlier builds
	SIDEPANE_BUILD=release node webview/build.mjs
	node extension/build.mjs --production
	rm -rf dist/wheels python_server/build  # a stale build/ would put old files in the wheel
	$(PY) -m pip wheel -q --no-deps -w dist/wheels ./python_server
	rm -rf python_server/build
	# Packaged beside and moved into place: a test installing the previous one never reads half a file.
	npx vsce package --no-dependencies --allow-missing-repository --readme-path extension/README.md -o dist/.sidepane.partial.vsix
	mv dist/.sidepane.partial.vsix dist/sidepane.vsix

clean:
	rm -rf $(VENV) $(LOWEST) node_modules python_server/sidepane/static dist
