"""`st.pills`, `st.segmented_control` and `st.feedback`: what Sidepane sends and accepts (their
Streamlit behaviour is in conformance/test_button_groups.py)."""

from __future__ import annotations

from typing import Any

import pytest

from sidepane.protocol.frames import frame
from sidepane.testing import AppTest, AppTestError


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def texts(at: AppTest) -> list[Any]:
    return [m.value for m in at.markdown]


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.exception]


def send_wire(at: AppTest, widget_id: str, value: Any) -> None:
    """What a viewer sends when the person clicks."""
    at.session.handle_message(
        frame("widget_value", id=widget_id, value=value, run=at.session.writer.run)
    )


def test_props_as_declared() -> None:
    at = run(
        """
        import streamlit as st
        st.pills("P", [0, 1, 2], format_func=lambda o: [":material/add: Add", "🍕 Pizza", "x y"][o],
                 default=1, help="tip", on_change="ignore", wrap=False)
        st.segmented_control("S", ["a", "b"], selection_mode="multi", default=["b", "a"],
                             width="stretch", disabled=True, label_visibility="collapsed")
        st.pills("R", ["a"], required=True, width=200)
        st.feedback("stars", default=2, width="stretch")
        st.feedback()
        """
    )
    assert errors(at) == []
    p, s, r = (w.proto for w in at.button_group)
    assert p["style"] == "pills" and s["style"] == "segmented_control"
    assert p["options"] == [
        {"content": "Add", "icon": ":material/add:"},
        {"content": "Pizza", "icon": "🍕"},
        {"content": "x y"},
    ]
    assert p["value"] == [1] and p["help"] == "tip" and p["ignore_rerun"] is True
    assert p["wrap"] is False
    assert "multi" not in p and "required" not in p and "width" not in p
    assert s["multi"] is True and s["value"] == [1, 0] and s["width"] == "stretch"
    assert s["disabled"] is True and s["label_visibility"] == "collapsed"
    assert r["required"] is True and r["width"] == 200 and r["value"] == []
    stars, thumbs = (w.proto for w in at.feedback)
    assert stars["options"] == "stars" and stars["value"] == 2 and stars["width"] == "stretch"
    assert thumbs == {"id": thumbs["id"], "label": "", "options": "thumbs", "value": None}
    assert at.pills[0].formatted_values == ["🍕 Pizza"]


def test_viewer_clicks_reach_the_script() -> None:
    at = run(
        """
        import streamlit as st
        p = st.pills("P", ["a", "b", "c"], default="a")
        m = st.segmented_control("M", ["a", "b", "c"], selection_mode="multi")
        f = st.feedback("faces")
        st.markdown(repr((p, m, f)))
        """
    )
    assert texts(at) == ["('a', [], None)"]
    send_wire(at, at.pills[0].id, [2])
    at.run()
    send_wire(at, at.segmented_control[0].id, [2, 0])
    at.run()
    send_wire(at, at.feedback[0].id, 3)
    at.run()
    assert texts(at) == ["('c', ['c', 'a'], 3)"]
    # A click on the selected pill clears it: [] is "none", not "back to the default".
    send_wire(at, at.pills[0].id, [])
    send_wire(at, at.feedback[0].id, None)
    at.run()
    assert texts(at) == ["(None, ['c', 'a'], None)"]


def test_a_width_of_true_is_sent_as_an_int() -> None:
    # Streamlit's check lets True through (a bool is an int); the declared width is an int.
    at = run("import streamlit as st\nst.pills('P', ['a'], width=True)\nst.feedback(width=True)\n")
    assert errors(at) == []
    assert at.pills[0].proto["width"] == 1 and type(at.pills[0].proto["width"]) is int
    assert type(at.feedback[0].proto["width"]) is int


def test_invalid_wire_values_are_ignored() -> None:
    at = run(
        """
        import streamlit as st
        p = st.pills("P", ["a", "b"], default="a")
        m = st.pills("M", ["a", "b"], selection_mode="multi")
        f = st.feedback("thumbs")
        st.markdown(repr((p, m, f)))
        """
    )
    before = texts(at)
    bad = {
        0: [[0, 1], [5], 1, "a", [None], {"a": 1}],
        1: [[7], "a", 0, [None], [-1]],
    }
    for index, values in bad.items():
        for value in values:
            send_wire(at, at.button_group[index].id, value)
            at.run()
            assert errors(at) == [] and texts(at) == before, (index, value)
    for value in [2, -1, "1", 1.0, True, [1]]:
        send_wire(at, at.feedback[0].id, value)
        at.run()
        assert errors(at) == [] and texts(at) == before, value


def test_changing_selection_mode_resets_a_keyed_widget() -> None:
    at = run(
        """
        import streamlit as st
        multi = st.checkbox("multi")
        v = st.pills("P", ["a", "b"], key="p", selection_mode="multi" if multi else "single")
        st.markdown(repr(v))
        """
    )
    at.pills[0].set_value("b").run()
    assert texts(at) == ["'b'"]
    at.checkbox[0].check().run()
    assert texts(at) == ["[]"]


def test_enum_options_survive_the_rerun_redefining_their_class() -> None:
    at = run(
        """
        import enum
        import streamlit as st
        class Color(enum.Enum):
            RED = 1
            BLUE = 2
        v = st.segmented_control("C", Color, key="c", format_func=lambda c: c.name)
        st.markdown(repr(isinstance(v, Color)))
        st.markdown(repr(v))
        """
    )
    send_wire(at, at.segmented_control[0].id, [1])
    at.run()
    assert texts(at) == ["True", "<Color.BLUE: 2>"]
    at.run()
    assert texts(at) == ["True", "<Color.BLUE: 2>"]


def test_apptest_refuses_what_a_person_cannot_do() -> None:
    at = run(
        """
        import streamlit as st
        st.pills("P", ["a", "b"], disabled=True)
        st.segmented_control("S", ["a", "b"])
        st.feedback("stars")
        """
    )
    with pytest.raises(AppTestError, match="disabled"):
        at.pills[0].set_value("a")
    at.segmented_control[0].set_value("zz")
    with pytest.raises(ValueError, match="not an option"):
        at.run()
    at = run("import streamlit as st\nst.feedback('stars')\n")
    at.feedback[0].set_value(5)
    with pytest.raises(ValueError, match="not a rating"):
        at.run()


def test_duplicate_widgets_name_their_command() -> None:
    at = run(
        """
        import streamlit as st
        st.pills("P", ["a"])
        st.pills("P", ["a"])
        """
    )
    assert len(errors(at)) == 1
    assert "multiple `pills` elements with the same auto-generated ID" in errors(at)[0]
    # The same label and options as pills and as a segmented control are two widgets.
    at = run(
        """
        import streamlit as st
        st.pills("P", ["a"])
        st.segmented_control("P", ["a"])
        """
    )
    assert errors(at) == []


def test_feedback_rejects_a_default_that_is_no_rating() -> None:
    # Streamlit 1.67 fails here inside protobuf ("Expected an int, got a boolean") or on `<=`.
    at = run("import streamlit as st\nst.feedback('stars', default=True)\n")
    assert errors(at) == [
        "Invalid `default` type. Expected one of: int, None. Provided type: bool."
    ]
