"""A Streamlit name Sidepane lacks fails with the same clear error on `st` and on every container;
other names stay plain AttributeErrors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import sidepane
from sidepane.elements.delta_generator import DeltaGenerator
from sidepane.elements.streamlit_api import (
    CONTAINER_ATTRIBUTES,
    CONTAINER_METHODS,
    MODULE_ONLY_NAMES,
)
from sidepane.testing import AppTest

# A Streamlit method Sidepane does not have yet (the first, by name), while there is one.
MISSING = next(
    (n for n in sorted(CONTAINER_METHODS) if not hasattr(DeltaGenerator, n)), "pydeck_chart"
)
needs_missing = pytest.mark.skipif(
    hasattr(DeltaGenerator, MISSING), reason="Sidepane has every Streamlit method"
)
STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"


def _error(body: str) -> str:
    at = AppTest.from_string("import streamlit as st\n" + body).run()
    assert len(at.exception) == 1, [e.value for e in at.exception]
    return str(at.exception[0].value)


@pytest.mark.parametrize(
    "call",
    [
        "st.MISSING({})",
        "st.columns(2)[0].MISSING({})",
        "st.sidebar.MISSING({})",
        "st.container().MISSING({})",
        "with st.expander('e') as e:\n    e.MISSING({})",
        "st.empty().MISSING({})",
        "st.tabs(['a'])[0].MISSING({})",
    ],
)
@needs_missing
def test_missing_streamlit_method_is_clear_everywhere(call: str) -> None:
    message = f"Sidepane has no `st.{MISSING}`: it covers Streamlit's core API"
    assert _error(call.replace("MISSING", MISSING)).startswith(message)


def test_write_sends_a_graphviz_graph_to_graphviz_chart() -> None:
    # st.write reaches st.graphviz_chart by name (once "Sidepane has no" it, now drawn).
    at = AppTest.from_string(
        "import graphviz\nimport streamlit as st\n"
        "g = graphviz.Digraph()\ng.edge('a', 'b')\nst.write(g)\n"
    ).run()
    assert not at.exception
    assert len(at.get("graphviz_chart")) == 1


def test_missing_container_attribute_names_its_streamlit_owners() -> None:
    message = _error("st.container().open")
    assert "no `.open`" in message and "`st.expander`" in message
    # st.grid has landed: the message no longer says Sidepane lacks it.
    assert _error("st.container().cell()") == (
        "There is no `.cell` on `DeltaGenerator` objects: only the containers that `st.grid` "
        "return have it, in Streamlit as in Sidepane."
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "st.sidebar.rerun()",
            "Method `rerun()` does not exist for `st.sidebar`. Did you mean `st.rerun()`?",
        ),
        (
            "st.container().rerun()",
            "Method `rerun()` does not exist for `DeltaGenerator` objects. "
            "Did you mean `st.rerun()`?",
        ),
        ("st.experimental_rerun()", "`st.experimental_rerun` was removed from Streamlit"),
        # Removed in 1.67 with no `st.` successor: its error points at the component.
        (
            "st.bokeh_chart(None)",
            "`st.bokeh_chart` was removed from Streamlit: use the streamlit-bokeh component "
            "instead.",
        ),
        (
            "st.sidebar.bokeh_chart(None)",
            "`bokeh_chart` was removed from Streamlit: use the streamlit-bokeh component instead.",
        ),
        ("st.container().wirte('x')", "'DeltaGenerator' object has no attribute 'wirte'"),
        ("st.wirte('x')", "module 'sidepane' has no attribute 'wirte'"),
    ],
)
def test_other_missing_names(call: str, message: str) -> None:
    assert message in _error(call)


def test_missing_names_are_attribute_errors() -> None:
    container = DeltaGenerator(("main",), "root")
    for name in (MISSING, "open", "rerun", "wirte", "_private"):
        if name == MISSING and hasattr(DeltaGenerator, MISSING):
            continue
        assert not hasattr(container, name)
        with pytest.raises(AttributeError):
            getattr(container, name)
    assert not hasattr(sidepane, "wirte")


def test_present_names_are_not_reported() -> None:
    # Whatever Sidepane has (chat_message, status… as they arrive) is found by normal lookup.
    container = DeltaGenerator(("main",), "root")
    for name in ("write", "line_chart", "columns", "expander"):
        assert callable(getattr(container, name))


@pytest.mark.skipif(not STREAMLIT_167.exists(), reason="the Streamlit 1.67 bench venv is absent")
def test_name_sets_are_streamlit_167s() -> None:
    probe = """
import json, types, streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.elements.lib import (
    dialog, grid_container, mutable_expander_container, mutable_popover_container,
    mutable_status_container, mutable_tab_container)
base = set(dir(DeltaGenerator))
public = {"column_config", "components", "connections", "errors", "typing"}
extra = set()
for cls in (mutable_expander_container.ExpanderContainer, mutable_tab_container.TabContainer,
            mutable_popover_container.PopoverContainer, mutable_status_container.StatusContainer,
            dialog.Dialog, grid_container.GridContainer):
    extra |= {n for n in set(dir(cls)) - base if not n.startswith("_")}
print(json.dumps({
    "container": sorted(n for n in base if not n.startswith("_") and n != "dg"),
    "module": sorted(n for n in dir(st) if not n.startswith("_")
                     and (not isinstance(getattr(st, n), types.ModuleType) or n in public)),
    "extra": sorted(extra),
}))
"""
    out = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    names = json.loads(out.strip().splitlines()[-1])
    assert sorted(CONTAINER_METHODS) == names["container"]
    assert sorted(CONTAINER_METHODS | MODULE_ONLY_NAMES) == names["module"]
    assert sorted(CONTAINER_ATTRIBUTES) == names["extra"]
