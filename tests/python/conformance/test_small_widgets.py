"""`st.link_button`, `st.menu_button`, `st.datetime_input` and `st.pagination` as Streamlit 1.67
has them, read only through the AppTest API (`make conformance-streamlit` runs these against
Streamlit itself)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


def texts(at: Any) -> list[str]:
    return [m.value for m in at.markdown]


def errors(at: Any) -> list[str]:
    return [e.value for e in at.exception]


FORM_DOCS = (
    "\n\nFor more information, refer to the\n[documentation for forms]"
    "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)

# ---- link_button ----


def test_link_button_is_an_element_unless_it_reruns(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        a = st.link_button("Docs", "https://docs.streamlit.io")
        b = st.link_button("Go", "https://example.com", on_click="rerun", key="go")
        st.write(type(a).__name__, repr(b))
        """,
    )
    assert errors(at) == []
    assert texts(at) == ["DeltaGenerator False"]
    assert [(b.value, b.url, b.key) for b in at.link_button] == [
        ("Docs", "https://docs.streamlit.io", None),
        ("Go", "https://example.com", "go"),
    ]
    assert at.link_button[0].type == "link_button"


@pytest.mark.parametrize("method", ["click", "set_value"])
def test_link_button_cannot_be_clicked_in_apptest(AppTest: Any, method: str) -> None:
    at = run(AppTest, 'import streamlit as st\nst.link_button("Go", "https://x.org", key="k")')
    with pytest.raises(
        Exception, match=rf"{method}\(\) is not supported for link_button \(key='k'\)"
    ):
        getattr(at.link_button[0], method)(True)


# ---- menu_button ----


def test_menu_button_returns_the_clicked_option_for_one_run(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("calls", [])
        def clicked(tag):
            st.session_state.calls.append((tag, st.session_state.m))
        v = st.menu_button("Export", [0, "JSON", "PDF"], key="m", on_click=clicked, args=("cb",))
        st.write(repr(v), repr(st.session_state.calls))
        """,
    )
    menu = at.menu_button[0]
    assert (menu.label, menu.options, menu.value) == ("Export", ["0", "JSON", "PDF"], None)
    assert texts(at) == ["None []"]
    # The first option is 0: a click on it still counts (and runs the callback).
    at.menu_button[0].click_index(0).run()
    assert texts(at) == ["0 [('cb', 0)]"]
    assert at.menu_button[0].value == 0
    at.run()
    assert texts(at) == ["None [('cb', 0)]"]
    at.menu_button[0].click("PDF").run()
    assert texts(at) == ["'PDF' [('cb', 0), ('cb', 'PDF')]"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.menu_button("M", [])',
            "The `options` parameter is required. Provide at least one option.",
        ),
        (
            'st.menu_button("M", None)',
            "The `options` parameter is required. Provide at least one option.",
        ),
        (
            'st.menu_button("M", ["a"], type="x")',
            "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'.",
        ),
        (
            'st.menu_button("M", ["a", "A"], format_func=str.lower)',
            "The `format_func` produced duplicate labels for the menu button options. "
            "Each formatted option label must be unique.",
        ),
        (
            'st.menu_button("M", ["a"], on_click="rerun")',
            '`on_click="rerun"` is not supported on this widget. Pass a callback, or omit '
            "`on_click`.",
        ),
        (
            'st.menu_button("M", ["a"], on_click=3)',
            "Invalid `on_click` value. Supported values: a callback function.",
        ),
        (
            'st.menu_button("M", ["a"], width="wide")',
            "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'st.menu_button("M", ["a"], icon="bad")',
            'The value "bad" is not a valid icon. Please use a single emoji or a Material icon '
            "shortcode like `:material\u200b/thumb_up:`.",
        ),
        (
            'with st.form("f"):\n    st.menu_button("M", ["a"])\n    st.form_submit_button()',
            f"`st.menu_button()` can't be used in an `st.form()`.{FORM_DOCS}",
        ),
        (
            'st.session_state.m = "a"\nst.menu_button("M", ["a"], key="m")',
            "`st.session_state['m']` is read-only and cannot be assigned through session state. "
            "Use a different session state key for values you need to set.",
        ),
    ],
)
def test_menu_button_errors(AppTest: Any, call: str, message: str) -> None:
    assert errors(run(AppTest, "import streamlit as st\n" + call)) == [message]


# ---- link_button errors ----


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.link_button("Go", "https://x.org", type="big")',
            "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'.",
        ),
        (
            'st.link_button("Go", "https://x.org", on_click="bogus")',
            "Invalid `on_click` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        (
            'st.link_button("Go", "https://x.org", icon_position="up")',
            "Invalid `icon_position` value. Supported values: 'left', 'right'.",
        ),
        (
            'st.link_button("Go", "https://x.org", width=0)',
            "Invalid width value: 0. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'st.session_state.k = True\nst.link_button("Go", "https://x.org", key="k")',
            "`st.session_state['k']` is read-only and cannot be assigned through session state. "
            "Use a different session state key for values you need to set.",
        ),
        (
            'with st.form("f"):\n    st.link_button("Go", "https://x.org", on_click=print)\n'
            "    st.form_submit_button()",
            "Within a form, callbacks can only be defined on `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed.",
        ),
        (
            'st.link_button("Go", "https://x.org", on_click="rerun")\n'
            'st.link_button("Go", "https://x.org", on_click="rerun")',
            "There are multiple `link_button` elements with the same auto-generated ID. When this "
            "element is created, it is assigned an internal ID based on the element type and "
            "provided parameters. Multiple elements with the same type and parameters will cause "
            "this error.\n\nTo fix this error, please pass a unique `key` argument to the "
            "`link_button` element.",
        ),
    ],
)
def test_link_button_errors(AppTest: Any, call: str, message: str) -> None:
    assert errors(run(AppTest, "import streamlit as st\n" + call)) == [message]


def test_link_buttons_that_only_link_may_repeat(AppTest: Any) -> None:
    at = run(
        AppTest,
        'import streamlit as st\nst.link_button("Go", "https://x.org")\n'
        'st.link_button("Go", "https://x.org")\n'
        'with st.form("f"):\n    st.link_button("Go", "https://x.org", on_click="rerun")\n'
        "    st.form_submit_button()",
    )
    assert errors(at) == []
    assert len(at.link_button) == 3


# ---- pagination ----


def test_pagination_pages_keys_and_callbacks(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("changes", 0)
        def changed():
            st.session_state.changes += 1
        p = st.pagination(10, key="p", on_change=changed)
        q = st.pagination(5, default=3)
        st.write(p, q, st.session_state.changes)
        """,
    )
    assert texts(at) == ["`1` `3` `0`"]
    assert [(w.value, w.num_pages, w.default) for w in at.pagination] == [(1, 10, 1), (3, 5, 3)]
    at.pagination(key="p").select(4).run()
    assert texts(at) == ["`4` `3` `1`"]
    assert at.session_state["p"] == 4
    at.pagination[1].set_value(5).run()
    assert texts(at) == ["`4` `5` `1`"]
    with pytest.raises(Exception, match=r"Cannot set pagination \(key='p'\) to 11\. Page must be"):
        at.pagination(key="p").set_value(11)
    with pytest.raises(Exception, match=r"Cannot set pagination to True\."):
        at.pagination[1].set_value(True)


@pytest.mark.parametrize(
    ("stored", "shown"), [("9", "`1` `1`"), ("'a'", "`1` `1`"), ("2", "`2` `2`")]
)
def test_pagination_drops_a_session_state_page_that_is_none(
    AppTest: Any, stored: str, shown: str
) -> None:
    at = run(
        AppTest,
        f'import streamlit as st\nst.session_state.p = {stored}\nx = st.pagination(3, key="p")\n'
        "st.write(x, st.session_state.p)",
    )
    assert errors(at) == []
    assert texts(at) == [shown]


def test_pagination_in_a_form_waits_for_submit(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        with st.form("f"):
            p = st.pagination(4, key="p")
            st.form_submit_button()
        st.write(p)
        """,
    )
    at.pagination[0].select(2)
    at.button[0].click().run()
    assert texts(at) == ["`2`"]
    assert at.pagination[0].form_id == "f"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.pagination(0)", "`num_pages` must be an integer of at least 1. Got 0."),
        ("st.pagination(True)", "`num_pages` must be an integer of at least 1. Got True."),
        ("st.pagination(3.0)", "`num_pages` must be an integer of at least 1. Got 3.0."),
        (
            "st.pagination(3, default=4)",
            "The `default` parameter, set to 4, is outside the required range [1, 3].",
        ),
        (
            "st.pagination(3, default=True)",
            "Invalid `default` type. Expected one of: int. Provided type: bool.",
        ),
        (
            "st.pagination(3, max_visible_pages=-1)",
            "`max_visible_pages` must be a non-negative integer or None. Got -1.",
        ),
        (
            'st.pagination(3, width="wide")',
            "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'st.pagination(3, on_change="x")',
            "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        (
            'st.pagination(3, bind="x")',
            "Invalid `bind` value. Supported values: 'query-params', None.",
        ),
        (
            'st.pagination(3, bind="query-params")',
            "The `key` parameter is required. When using bind='query-params', the widget must "
            "have a unique 'key' parameter specified. This 'key' will be used as the name of the "
            "query parameter.",
        ),
        (
            'st.pagination(3, persist_state="x")',
            "Invalid `persist_state` value. Supported values: 'page', 'session', None.",
        ),
        (
            'with st.form("f"):\n    st.pagination(3, on_change=print)\n'
            "    st.form_submit_button()",
            "Within a form, callbacks can only be defined on `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed.",
        ),
    ],
)
def test_pagination_errors(AppTest: Any, call: str, message: str) -> None:
    assert errors(run(AppTest, "import streamlit as st\n" + call)) == [message]


# ---- datetime_input ----


def test_datetime_input_values(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        from datetime import date, datetime, time, timezone
        values = [
            st.datetime_input("a", datetime(2025, 11, 19, 16, 45, 30), key="a"),
            st.datetime_input("b", None),
            st.datetime_input("c", date(2025, 1, 2)),
            st.datetime_input("d", "2025/01/02 03:04:05"),
            st.datetime_input("e", "2025-01-02 03:04"),
            st.datetime_input("f", datetime(2025, 1, 2, 3, 4, tzinfo=timezone.utc)),
            st.datetime_input("g", time(3, 4)).time(),
        ]
        st.write(repr(values))
        """,
    )
    assert errors(at) == []
    assert texts(at) == [
        "[datetime.datetime(2025, 11, 19, 16, 45), None, datetime.datetime(2025, 1, 2, 0, 0), "
        "datetime.datetime(2025, 1, 2, 3, 4), datetime.datetime(2025, 1, 2, 3, 4), "
        "datetime.datetime(2025, 1, 2, 3, 4), datetime.time(3, 4)]"
    ]
    a = at.datetime_input(key="a")
    assert (a.label, a.min, a.max, a.step, a.format) == (
        "a",
        "2015-11-19T00:00",
        "2035-11-19T23:59",
        900,
        "YYYY/MM/DD",
    )
    assert a.type == "date_time_input"


def test_datetime_input_set_clear_and_callback(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.session_state.setdefault("changes", 0)
        def changed():
            st.session_state.changes += 1
        v = st.datetime_input("When", None, key="w", on_change=changed)
        st.write(repr((v, st.session_state.changes)))
        """,
    )
    assert texts(at) == ["(None, 0)"]
    at.datetime_input(key="w").set_value(datetime(2026, 1, 2, 3, 4)).run()
    assert texts(at) == ["(datetime.datetime(2026, 1, 2, 3, 4), 1)"]
    assert at.session_state["w"] == datetime(2026, 1, 2, 3, 4)
    at.datetime_input(key="w").set_value(None).run()
    assert texts(at) == ["(None, 2)"]


def test_datetime_input_session_state_and_bounds(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        from datetime import datetime
        if "w" not in st.session_state:
            st.session_state.w = datetime(2024, 5, 6, 7, 8)
        lo = st.session_state.get("lo", datetime(2020, 1, 1))
        v = st.datetime_input("When", min_value=lo, key="w")
        st.write(repr(v))
        """,
    )
    assert texts(at) == ["datetime.datetime(2024, 5, 6, 7, 8)"]
    # New bounds that leave the kept value outside: it resets to the default (now).
    at.session_state["lo"] = datetime(2025, 1, 1)
    at.run()
    assert at.datetime_input(key="w").value >= datetime(2025, 1, 1)


def test_datetime_input_in_a_form_waits_for_submit(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        from datetime import datetime
        with st.form("f"):
            v = st.datetime_input("When", datetime(2025, 1, 2, 3, 4), key="w")
            st.form_submit_button()
        st.write(repr(v))
        """,
    )
    at.datetime_input(key="w").set_value(datetime(2025, 6, 7, 8, 9))
    at.run()
    assert texts(at) == ["datetime.datetime(2025, 1, 2, 3, 4)"]  # not submitted
    at.datetime_input(key="w").set_value(datetime(2025, 6, 7, 8, 9))
    at.button[0].click().run()
    assert texts(at) == ["datetime.datetime(2025, 6, 7, 8, 9)"]
    assert at.datetime_input(key="w").form_id == "f"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.datetime_input("d", step=30)',
            "The `step` parameter, set to 30 seconds, is outside the required range "
            "[60 seconds, 23 hours].",
        ),
        (
            'st.datetime_input("d", step=1.5)',
            "Invalid `step` type. Expected one of: int, timedelta. Provided type: float.",
        ),
        (
            'st.datetime_input("d", format="x")',
            "Invalid `format` value. Supported values: 'YYYY/MM/DD', 'DD/MM/YYYY', "
            "'MM/DD/YYYY', 'YYYY.MM.DD', 'DD.MM.YYYY', 'MM.DD.YYYY', 'YYYY-MM-DD', "
            "'DD-MM-YYYY', 'MM-DD-YYYY'. Provided value: 'x'.",
        ),
        (
            'st.datetime_input("d", value="garbage")',
            'Invalid `value` type. Expected one of: datetime, date, time, ISO string, "now". '
            "Provided type: str.",
        ),
        (
            'st.datetime_input("d", min_value=3)',
            'Invalid `value` type. Expected one of: datetime, date, time, ISO string, "now". '
            "Provided type: int.",
        ),
        (
            'st.datetime_input("d", datetime(2020, 1, 1), min_value=datetime(2021, 1, 1))',
            "The `value` 2020-01-01 00:00:00 is less than the `min_value` 2021-01-01 00:00:00.",
        ),
        (
            'st.datetime_input("d", datetime(2020, 1, 1), max_value=datetime(2019, 1, 1))',
            "The `value` 2020-01-01 00:00:00 is greater than the `max_value` 2019-01-01 00:00:00.",
        ),
        (
            'st.datetime_input("d", None, min_value=datetime(2021, 1, 1), '
            "max_value=datetime(2020, 1, 1))",
            "The `min_value`, set to 2021-01-01 00:00:00, cannot be greater than the "
            "`max_value`, set to 2020-01-01 00:00:00.",
        ),
        (
            'st.datetime_input("d", width="content")',
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) "
            "or 'stretch'.",
        ),
        (
            'st.datetime_input("d", persist_state="session")',
            "The `key` parameter is required. When using persist_state, the widget must have a "
            "unique 'key' parameter specified so its value can be preserved across reruns and "
            "page switches.",
        ),
        (
            'st.datetime_input("d", bind="x", key="k")',
            "Invalid `bind` value. Supported values: 'query-params', None.",
        ),
        (
            'st.datetime_input("d", label_visibility="x")',
            "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'.",
        ),
    ],
)
def test_datetime_input_errors(AppTest: Any, call: str, message: str) -> None:
    at = run(AppTest, "import streamlit as st\nfrom datetime import datetime\n" + call)
    assert errors(at) == [message]


def test_apptest_attributes_read_as_in_streamlit(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        st.link_button("Go", "https://x.org", help="h", icon="🔗", disabled=True)
        st.menu_button("M", ["a", "b"], format_func=str.upper, help="mh", icon="📤")
        st.pagination(9, max_visible_pages=None)
        st.pagination(9, max_visible_pages=3)
        """,
    )
    link = at.link_button[0]
    assert (link.help, link.icon, link.disabled, link.shortcut) == ("h", "🔗", True, "")
    menu = at.menu_button[0]
    assert (menu.options, menu.help, menu.icon, menu.format_func) == (
        ["A", "B"],
        "mh",
        "📤",
        str.upper,
    )
    # No cap reads as 0, Streamlit's unset proto field.
    assert [p.max_visible_pages for p in at.pagination] == [0, 3]
