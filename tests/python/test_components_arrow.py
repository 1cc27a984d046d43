"""Tables and custom components (v1): a table argument travels as Arrow (three IPC streams, the
bytes Streamlit 1.67 sends), and a table the component sends back is a DataFrame."""

from __future__ import annotations

import base64
import importlib.util
import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

from sidepane.components.arrow_tables import to_arrow_table  # noqa: E402
from sidepane.testing import AppTest  # noqa: E402

STREAMLIT_167 = Path.home() / ".cache/sidepane-bench/streamlit-1.67.0/bin/python"
needs_167 = pytest.mark.skipif(
    not STREAMLIT_167.exists(), reason="the Streamlit 1.67 bench venv is absent"
)

GRID = """
import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st
import streamlit.components.v1 as components

grid = components.declare_component("grid", url="http://localhost:3001")
df = pd.DataFrame({"name": ["Ada", "Grace"], "year": [1815, 1906]})
value = grid(
    data=df,
    styled=df.style.highlight_max(subset=["year"], color="yellow").set_uuid("u1"),
    matrix=np.array([[1, 2], [3, 4]]),
    arrow=pa.table({"x": [1.5]}),
    plain={"a": [1, 2]},
    key=st.session_state.get("key", "grid"),
    default="nothing",
)
st.session_state["out"] = value
"""


def read(stream: bytes) -> Any:
    return pa.ipc.open_stream(stream).read_all()


def grid_app(source: str = GRID) -> AppTest:
    at = AppTest.from_string(textwrap.dedent(source)).run()
    assert not at.exception
    return at


def test_tables_go_as_arrow_and_the_rest_as_json() -> None:
    at = grid_app()
    (grid,) = at.get("component_instance")
    props = grid.node.props
    assert grid.args == {"plain": {"a": [1, 2]}, "default": "nothing", "key": "grid"}
    tables = props["dataframe_args"]
    assert list(tables) == ["data", "styled", "matrix", "arrow"]
    data = tables["data"]
    assert read(data["data"]).to_pydict() == {"name": ["Ada", "Grace"], "year": [1815, 1906]}
    assert read(data["index"]).to_pydict() == {"0": [0, 1]}
    assert read(data["columns"]).to_pydict() == {"0": ["name", "year"]}
    assert "styler" not in data
    assert read(tables["matrix"]["data"]).to_pydict() == {"0": [1, 3], "1": [2, 4]}
    assert read(tables["arrow"]["data"]).to_pydict() == {"x": [1.5]}
    # A Styler: its values, plus its CSS and display values.
    styler = tables["styled"]["styler"]
    assert styler["uuid"] == "u1"
    assert styler["styles"] == "#T_u1_row1_col1 { background-color: yellow }"
    assert read(styler["display_values"]).to_pydict() == {
        "name": ["Ada", "Grace"],
        "year": ["1815", "1906"],
    }
    assert at.session_state["out"] == "nothing"


def test_a_table_the_component_sends_is_a_dataframe() -> None:
    at = grid_app()
    (grid,) = at.get("component_instance")
    # What the viewer sends for `setComponentValue(arrowTable)`: the three streams.
    sent = to_arrow_table(pd.DataFrame({"picked": ["Grace"]}, index=[1]))
    wire = {k: sent[k] for k in ("data", "index", "columns")}
    grid.set_value(wire).run()
    assert not at.exception
    out = at.session_state["out"]
    assert isinstance(out, pd.DataFrame)
    assert out.to_numpy().tolist() == [["Grace"]]
    # Labels are one-level MultiIndexes, as Streamlit rebuilds them.
    assert out.index.tolist() == [(1,)] and out.columns.tolist() == [("picked",)]
    # The element carries it back as the streams it came in.
    value = at.get("component_instance")[0].node.props["value"]
    assert set(value) == {"data", "index", "columns"}
    # A DataFrame set in AppTest travels the same way.
    at.get("component_instance")[0].set_value(pd.DataFrame({"n": [7]})).run()
    assert at.session_state["out"].to_numpy().tolist() == [[7]]


def test_the_same_table_sent_again_is_no_change() -> None:
    # As in Streamlit, which compares the tables it gets: on_change runs for a new one only.
    at = grid_app(
        """
        import pandas as pd
        import streamlit as st
        import streamlit.components.v1 as components
        grid = components.declare_component("grid", url="http://localhost:3001")
        st.session_state.setdefault("changes", 0)
        def changed():
            st.session_state.changes += 1
        grid(data=pd.DataFrame({"a": [1]}), key="grid", on_change=changed)
        """
    )
    sent = to_arrow_table(pd.DataFrame({"picked": ["Grace"]}))
    wire = {k: sent[k] for k in ("data", "index", "columns")}
    for _ in range(2):
        at.get("component_instance")[0].set_value(wire).run()
    assert at.session_state["changes"] == 1
    other = to_arrow_table(pd.DataFrame({"picked": ["Ada"]}))
    at.get("component_instance")[0].set_value({k: other[k] for k in wire}).run()
    assert at.session_state["changes"] == 2


def test_broken_arrow_from_the_viewer_is_refused() -> None:
    # The runtime drops a value its widget refuses (a log line); AppTest says so at run().
    at = grid_app()
    (grid,) = at.get("component_instance")
    with pytest.raises(ValueError, match="not an Arrow table"):
        grid.set_value({"data": b"junk", "index": b"", "columns": b""}).run()


def test_a_changed_table_makes_a_new_component_unless_keyed() -> None:
    source = """
    import pandas as pd
    import streamlit as st
    import streamlit.components.v1 as components
    grid = components.declare_component("grid", url="http://localhost:3001")
    rows = st.session_state.get("rows", 1)
    st.session_state["out"] = grid(data=pd.DataFrame({"a": range(rows)}), key=KEY)
    """
    for key, kept in (("k", True), (None, False)):
        at = AppTest.from_string(textwrap.dedent(source).replace("KEY", repr(key))).run()
        at.get("component_instance")[0].set_value(7).run()
        at.run()  # the same table: the same component
        assert at.session_state["out"] == 7
        at.session_state["rows"] = 2
        at.run()
        assert at.session_state["out"] == (7 if kept else None)


def test_what_arrow_cannot_hold_goes_as_text() -> None:
    # Mixed types in a column: as text, as Streamlit sends them. An int past int64 too (where
    # Streamlit 1.67 gives up with "Unable to convert dataframe to Arrow table").
    table = to_arrow_table(pd.DataFrame({"m": [1, "two"], "big": [2**70, 1], "n": [1, 2]}))
    assert read(table["data"]).to_pydict() == {
        "m": ["1", "two"],
        "big": [str(2**70), "1"],
        "n": [1, 2],
    }


def test_without_pyarrow_a_table_argument_says_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)
    at = AppTest.from_string(
        textwrap.dedent(
            """
            import pandas as pd
            import streamlit.components.v1 as components
            grid = components.declare_component("grid", url="http://localhost:3001")
            grid(data=pd.DataFrame({"a": [1]}), plain=1)
            """
        )
    ).run()
    message = at.exception[0].message
    assert "`data`" in message and "pip install pyarrow" in message


CASES = """
import numpy as np, pandas as pd
CASES = {
    "simple": pd.DataFrame({"name": ["Ada", "Grace"], "year": [1815, 1906]}),
    "index": pd.DataFrame({"a": [1.5, None]}, index=["x", "y"]),
    "multi": pd.DataFrame(
        [[1, 2], [3, 4]],
        index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)]),
        columns=pd.MultiIndex.from_tuples([("c", "d"), ("c", "e")]),
    ),
    "mixed": pd.DataFrame({"m": [1, "two", 3.0]}),
    "array": np.array([[1, 2], [3, 4]]),
    "series": pd.Series([True, False], name="s"),
    "dates": pd.DataFrame({"t": pd.to_datetime(["2026-12-04"])}),
    "styler": pd.DataFrame({"v": [1.234, 5.678]}).style.format("{:.1f}")
        .highlight_max(color="yellow").set_uuid("u1").set_caption("A caption"),
}
"""


@needs_167
def test_the_arrow_streams_are_streamlits() -> None:
    probe = (
        CASES
        + """
import base64, json, logging
logging.disable(logging.CRITICAL)
from streamlit.components.v1 import component_arrow
from streamlit.proto.Components_pb2 import ArrowTable
out = {}
for name, value in CASES.items():
    proto = ArrowTable()
    component_arrow.marshall(proto, value)
    b64 = lambda b: base64.b64encode(b).decode()
    out[name] = {k: b64(getattr(proto, k)) for k in ("data", "index", "columns")}
    if proto.HasField("styler"):
        s = proto.styler
        out[name]["styler"] = [s.uuid, s.caption, s.styles]
    back = component_arrow.arrow_proto_to_dataframe(proto)
    out[name]["back"] = back.to_json(orient="split", date_format="iso")
import pandas, pyarrow
out["_versions"] = [pyarrow.__version__, pandas.__version__]
print(json.dumps(out))
"""
    )
    result = subprocess.run(
        [str(STREAMLIT_167), "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    theirs = json.loads(result.stdout.strip().splitlines()[-1])
    namespace: dict[str, Any] = {}
    exec(CASES, namespace)
    from sidepane.components.custom_component import _from_wire

    # Byte for byte where pyarrow and pandas are 1.67's versions (their versions are in the
    # streams' metadata); with others (the lowest-bounds run), the same tables' values.
    same_versions = theirs.pop("_versions") == [pa.__version__, pd.__version__]
    for name, value in namespace["CASES"].items():
        ours = to_arrow_table(value)
        for stream in ("data", "index", "columns"):
            expected = base64.b64decode(theirs[name][stream])
            if same_versions:
                assert ours[stream] == expected, (name, stream)
            else:
                # The same columns and values (pandas 2.0 keeps datetimes in ns, 3 in us).
                assert _table(ours[stream]).to_pydict() == _table(expected).to_pydict(), (
                    name,
                    stream,
                )
        if "styler" in theirs[name]:
            styler = ours["styler"]
            got = [styler["uuid"], styler.get("caption", ""), styler.get("styles", "")]
            assert got == theirs[name]["styler"], name
        back = _from_wire({k: ours[k] for k in ("data", "index", "columns")})
        assert back.to_json(orient="split", date_format="iso") == theirs[name]["back"], name


def _table(stream: bytes) -> Any:
    if not stream:
        return pa.table({})
    return pa.ipc.open_stream(stream).read_all()


def test_streamlit_aggrid_sends_its_dataframe_as_arrow() -> None:
    # streamlit-aggrid (requirements/components.lock) passes the DataFrame itself; its grid,
    # built with streamlit-component-lib, reads `args.data` as an ArrowTable (tests/e2e).
    # It imports only under a script, where `import streamlit` is Sidepane.
    if importlib.util.find_spec("st_aggrid") is None:
        pytest.skip("streamlit-aggrid is not installed (requirements/components.lock)")
    at = grid_app(
        """
        import pandas as pd
        from st_aggrid import AgGrid
        AgGrid(pd.DataFrame({"name": ["Ada", "Grace"]}), key="grid")
        """
    )
    props = at.get("component_instance")[0].node.props
    assert read(props["dataframe_args"]["data"]["data"]).column("name").to_pylist() == [
        "Ada",
        "Grace",
    ]
    assert "rowData" not in props["args"]["gridOptions"]
