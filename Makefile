# The two commands a fresh machine needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint typecheck pytest bench conformance-streamlit clean

setup: $(STAMP)

$(STAMP): python_server/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e 'python_server[dev]' --config-settings editable_mode=compat
	touch $(STAMP)

demo: setup
	$(VENV)/bin/sidepane snapshot examples/hello.py

lint: setup
	$(VENV)/bin/ruff check python_server tests bench examples
	$(VENV)/bin/ruff format --check python_server tests bench examples

typecheck: setup
	$(VENV)/bin/mypy

pytest: setup
	$(PY) -m pytest tests/python

test: lint typecheck pytest

bench: setup
	$(PY) bench/runtime_bench.py
	$(PY) bench/cache_bench.py

# The conformance suite, run against Streamlit itself (in the bench's Streamlit venv): every case
# must pass there too, with only the AppTest import changed.
conformance-streamlit: setup
	ST_PY=$$($(PY) -c 'import sys; sys.path.insert(0, "bench"); from streamlit_env import streamlit_python; print(streamlit_python())') && \
	$$ST_PY -m pip install -q pytest pandas && \
	cd tests/python && SIDEPANE_CONFORMANCE=streamlit $$ST_PY -m pytest conformance --confcutdir=conformance -q -p no:cacheprovider

clean:
	rm -rf $(VENV)
