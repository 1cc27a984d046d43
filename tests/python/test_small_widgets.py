"""`st.link_button`, `st.menu_button`, `st.datetime_input` and `st.pagination` on the wire: the
props each sends (validated against the schema by conftest's fixture), the values a viewer may
send back, and the shared fixes they brought (conformance/test_small_widgets.py holds the cases
that also run against Streamlit 1.67)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from sidepane.protocol.frames import frame
from sidepane.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def texts(at: AppTest) -> list[Any]:
    return [m.value for m in at.markdown]


def send_wire(at: AppTest, widget_id: str, value: Any) -> AppTest:
    """What a viewer sends (a click AppTest cannot make, or a value it would refuse)."""
    at.session.handle_message(
        frame("widget_value", id=widget_id, value=value, run=at.session.writer.run)
    )
    at.run()
    return at


def props(at: AppTest, accessor: str, index: int = 0) -> dict[str, Any]:
    found: dict[str, Any] = getattr(at, accessor)[index].proto
    return found


# ---- link_button ----


def test_link_button_props_without_and_with_a_rerun() -> None:
    at = run(
        'import streamlit as st\nst.link_button("Docs", "https://d.io", help="h", disabled=True,'
        ' icon="🔗", icon_position="right", width="stretch")\n'
        'st.link_button("Go", "https://x.org", on_click="rerun", key="go", type="primary",'
        " width=120)\n"
    )
    assert props(at, "link_button", 0) == {
        "url": "https://d.io",
        "label": "Docs",
        "kind": "secondary",
        "icon": "🔗",
        "icon_position": "right",
        "width": "stretch",
        "help": "h",
        "disabled": True,
    }
    rerun = props(at, "link_button", 1)
    assert rerun["id"].endswith("-go") and rerun["value"] is False
    assert {k: rerun[k] for k in ("url", "label", "kind", "key", "width")} == {
        "url": "https://x.org",
        "label": "Go",
        "kind": "primary",
        "key": "go",
        "width": 120,
    }


def test_a_link_button_click_reruns_once_and_runs_its_callback() -> None:
    at = run(
        "import streamlit as st\n"
        "st.session_state.setdefault('calls', 0)\n"
        "def cb():\n    st.session_state.calls += 1\n"
        "v = st.link_button('Go', 'https://x.org', on_click=cb, key='go')\n"
        "st.write(repr((v, st.session_state.calls)))\n"
    )
    assert texts(at) == ["(False, 0)"]
    send_wire(at, props(at, "link_button")["id"], True)
    assert texts(at) == ["(True, 1)"]
    at.run()
    assert texts(at) == ["(False, 1)"]


def test_a_keyed_link_button_that_only_links_claims_its_key() -> None:
    at = run(
        "import streamlit as st\n"
        "st.link_button('A', 'https://a.org', key='k')\n"
        "st.text_input('B', key='k')\n"
    )
    assert [e.value for e in at.exception] == [
        "There are multiple elements with the same `key='k'`. To fix this, please make sure "
        "that the `key` argument is unique for each element you create."
    ]


# ---- menu_button ----


def test_menu_button_props_and_wire_values() -> None:
    at = run(
        "import streamlit as st\n"
        "v = st.menu_button('Export', ['csv', 'json'], format_func=str.upper, icon='📤',"
        " type='tertiary', width=200, help='h')\n"
        "st.write(repr(v))\n"
    )
    p = props(at, "menu_button")
    assert {k: p[k] for k in ("label", "options", "kind", "icon", "width", "help", "value")} == {
        "label": "Export",
        "options": ["CSV", "JSON"],
        "kind": "tertiary",
        "icon": "📤",
        "width": 200,
        "help": "h",
        "value": None,
    }
    send_wire(at, p["id"], 1)
    assert texts(at) == ["'json'"]


@pytest.mark.invalid_frames
@pytest.mark.parametrize("wire", [2, -1, True, "csv"])
def test_menu_button_ignores_an_index_that_is_no_option(wire: Any) -> None:
    at = run("import streamlit as st\nst.write(repr(st.menu_button('M', ['csv', 'json'])))\n")
    send_wire(at, props(at, "menu_button")["id"], wire)
    assert texts(at) == ["None"]


# ---- pagination ----


def test_pagination_props() -> None:
    at = run(
        "import streamlit as st\n"
        "st.pagination(20)\n"
        "st.pagination(20, max_visible_pages=None, width='stretch', on_change='ignore', key='p')\n"
        "st.pagination(3, max_visible_pages=0, width=300, disabled=True)\n"
    )
    shown = [
        {k: v for k, v in props(at, "pagination", i).items() if k not in ("id", "label")}
        for i in range(3)
    ]
    assert shown == [
        {"num_pages": 20, "max_visible_pages": 7, "value": 1},
        {"num_pages": 20, "width": "stretch", "ignore_rerun": True, "key": "p", "value": 1},
        {"num_pages": 3, "max_visible_pages": 0, "width": 300, "disabled": True, "value": 1},
    ]


@pytest.mark.invalid_frames
@pytest.mark.parametrize("wire", [0, 4, True, 2.0, "2", None])
def test_pagination_ignores_a_page_that_is_none(wire: Any) -> None:
    at = run("import streamlit as st\nst.write(st.pagination(3, default=2))\n")
    send_wire(at, props(at, "pagination")["id"], wire)
    assert texts(at) == ["`2`"]


def test_a_kept_page_beyond_fewer_pages_resets_to_the_default() -> None:
    at = run(
        "import streamlit as st\n"
        "n = st.session_state.get('n', 10)\n"
        "st.write(st.pagination(n, key='p'))\n"
    )
    at.pagination(key="p").select(8).run()
    assert texts(at) == ["`8`"]
    at.session_state["n"] = 5
    at.run()
    assert texts(at) == ["`1`"]


# ---- datetime_input ----


def test_datetime_input_props() -> None:
    at = run(
        "import streamlit as st\nfrom datetime import datetime, timedelta\n"
        "st.datetime_input('a', datetime(2025, 11, 19, 16, 45), step=timedelta(minutes=30),"
        " format='DD.MM.YYYY', width=300)\n"
        "st.datetime_input('b', None, min_value=datetime(2025, 1, 1, 8),"
        " max_value=datetime(2025, 1, 31, 18), on_change='ignore')\n"
        "st.datetime_input('c', None, required=True)\n"
    )
    a, b, c = (props(at, "datetime_input", i) for i in range(3))
    assert {k: a[k] for k in ("min", "max", "step", "format", "width", "value")} == {
        "min": "2015-11-19T00:00",
        "max": "2035-11-19T23:59",
        "step": 1800,
        "format": "DD.MM.YYYY",
        "width": 300,
        "value": "2025-11-19T16:45",
    }
    assert "clearable" not in a
    assert {k: b[k] for k in ("min", "max", "clearable", "ignore_rerun", "value")} == {
        "min": "2025-01-01T08:00",
        "max": "2025-01-31T18:00",
        "clearable": True,
        "ignore_rerun": True,
        "value": None,
    }
    assert "clearable" not in c  # required: it may start empty, but not be emptied


@pytest.mark.invalid_frames
@pytest.mark.parametrize(
    "wire", ["2025-01-01T07:59", "2025-02-01T00:00", "2025-01-05", "2025-01-05T10:00:00", 5]
)
def test_datetime_input_ignores_a_value_it_cannot_hold(wire: Any) -> None:
    at = run(
        "import streamlit as st\nfrom datetime import datetime\n"
        "v = st.datetime_input('d', datetime(2025, 1, 10, 9), min_value=datetime(2025, 1, 1, 8),"
        " max_value=datetime(2025, 1, 31, 18))\n"
        "st.write(repr(v))\n"
    )
    send_wire(at, props(at, "datetime_input")["id"], wire)
    assert texts(at) == ["datetime.datetime(2025, 1, 10, 9, 0)"]


def test_datetime_input_takes_a_value_from_the_viewer() -> None:
    at = run("import streamlit as st\nst.write(repr(st.datetime_input('d', None)))\n")
    send_wire(at, props(at, "datetime_input")["id"], "2026-03-04T05:06")
    assert texts(at) == [repr(datetime(2026, 3, 4, 5, 6))]
    assert props(at, "datetime_input")["value"] == "2026-03-04T05:06"


# ---- shared fixes ----


def test_an_exception_message_is_shown_stripped_as_in_streamlit() -> None:
    at = run("raise ValueError('  spaced out\\n')")
    assert [e.value for e in at.exception] == ["spaced out"]


def test_a_bad_label_visibility_gets_streamlits_message() -> None:
    at = run("import streamlit as st\nst.slider('s', label_visibility='x')")
    assert [e.value for e in at.exception] == [
        "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'."
    ]
