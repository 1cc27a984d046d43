"""Buttons and choice widgets through AppTest: values, defaults, callbacks, keys, ids, bad input.

Every test not named `test_sp_*` also passes under Streamlit 1.67's own AppTest (only the import
changes); `test_sp_*` tests look at Sidepane's frames and sessions.
"""

from __future__ import annotations

from typing import Any

from sidepane.testing import AppTest

# ---- helpers ----


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def texts(at: AppTest) -> list[Any]:
    return [m.value for m in at.markdown]


def no_errors(at: AppTest) -> None:
    assert len(at.exception) == 0, [e.value for e in at.exception]


def error(at: AppTest) -> str:
    assert len(at.exception) == 1, [e.value for e in at.exception]
    message: str = at.exception[0].value
    return message


# ---- button ----


def test_button_is_true_for_exactly_one_run() -> None:
    at = run(
        """
        import streamlit as st
        st.markdown(f"clicked={st.button('Go')}")
        """
    )
    assert texts(at) == ["clicked=False"]
    assert at.button[0].value is False
    assert at.button[0].label == "Go"
    at.button[0].click().run()
    assert texts(at) == ["clicked=True"]
    at.run()
    assert texts(at) == ["clicked=False"]
    no_errors(at)


def test_button_on_click_runs_before_script_with_args() -> None:
    at = run(
        """
        import streamlit as st
        if "log" not in st.session_state:
            st.session_state.log = []
        def cb(a, b=None):
            st.session_state.log.append((a, b, st.session_state.btn))
        st.button("Go", key="btn", on_click=cb, args=(1,), kwargs={"b": 2})
        st.markdown(str(st.session_state.log))
        """
    )
    assert texts(at) == ["[]"]
    at.button(key="btn").click().run()
    assert texts(at) == ["[(1, 2, True)]"]
    at.run()
    assert texts(at) == ["[(1, 2, True)]"]
    assert at.session_state["btn"] is False


def test_sp_button_in_session_state_is_read_only() -> None:
    # Streamlit raises this only with a runtime, which its AppTest lacks.
    at = AppTest.from_string(
        """
        import streamlit as st
        st.button("Go", key="btn")
        """
    )
    at.session_state["btn"] = True
    at.run()
    assert "is read-only" in error(at)


def test_button_bad_type_and_on_click_mode() -> None:
    at = run(
        """
        import streamlit as st
        st.button("Go", type="big")
        """
    )
    assert error(at) == (
        "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."
    )
    at = run(
        """
        import streamlit as st
        st.button("Go", on_click="rerun")
        """
    )
    assert "is not supported on this widget" in error(at)


def test_duplicate_button_ids_raise_but_keys_disambiguate() -> None:
    at = run(
        """
        import streamlit as st
        st.button("Same")
        st.button("Same")
        """
    )
    assert "same auto-generated ID" in error(at)
    at = run(
        """
        import streamlit as st
        a = st.button("Same", key="a")
        b = st.button("Same", key="b")
        st.markdown(f"{a} {b}")
        """
    )
    no_errors(at)
    at.button(key="b").click().run()
    assert texts(at) == ["False True"]


def test_duplicate_keys_raise() -> None:
    at = run(
        """
        import streamlit as st
        st.checkbox("one", key="k")
        st.checkbox("two", key="k")
        """
    )
    assert "multiple elements with the same `key='k'`" in error(at)


def test_form_submit_button_outside_a_form_raises() -> None:
    at = run(
        """
        import streamlit as st
        st.form_submit_button()
        """
    )
    assert error(at).startswith("`st.form_submit_button()` must be used inside an `st.form()`.")


# ---- checkbox / toggle ----


def test_checkbox_and_toggle_values() -> None:
    at = run(
        """
        import streamlit as st
        c = st.checkbox("c")
        t = st.toggle("t", value=True)
        st.markdown(f"{c} {t}")
        """
    )
    assert texts(at) == ["False True"]
    assert at.checkbox[0].value is False and at.toggle[0].value is True
    at.checkbox[0].check()
    at.toggle[0].set_value(False)
    at.run()
    assert texts(at) == ["True False"]
    at.run()
    assert texts(at) == ["True False"]
    at.checkbox[0].uncheck().run()
    assert texts(at) == ["False False"]


def test_checkbox_on_change_sees_new_value() -> None:
    at = run(
        """
        import streamlit as st
        st.session_state.setdefault("calls", [])
        def changed(tag):
            st.session_state.calls.append((tag, st.session_state.c))
        st.checkbox("c", key="c", on_change=changed, args=("x",))
        st.markdown(str(st.session_state.calls))
        """
    )
    assert texts(at) == ["[]"]
    at.checkbox(key="c").check().run()
    assert texts(at) == ["[('x', True)]"]
    # No change, no callback.
    at.run()
    assert texts(at) == ["[('x', True)]"]
    assert at.session_state["c"] is True


def test_session_state_sets_value_before_widget() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.markdown(str(st.checkbox("c", key="c")))
        """
    )
    at.session_state["c"] = True
    at.run()
    assert texts(at) == ["True"]
    assert at.checkbox[0].value is True


def test_session_state_set_in_script_before_widget() -> None:
    at = run(
        """
        import streamlit as st
        if st.button("reset"):
            st.session_state.choice = "c"
        st.markdown(st.radio("r", ["a", "b", "c"], key="choice"))
        """
    )
    assert texts(at) == ["a"]
    at.radio[0].set_value("b").run()
    assert texts(at) == ["b"]
    at.button[0].click().run()
    assert texts(at) == ["c"]
    assert at.radio[0].value == "c"


def test_modifying_state_after_widget_raises() -> None:
    at = run(
        """
        import streamlit as st
        st.checkbox("c", key="c")
        st.session_state.c = True
        """
    )
    assert "cannot be modified after the widget with" in error(at)


# ---- radio ----


def test_radio_values_index_and_format_func() -> None:
    at = run(
        """
        import streamlit as st
        v = st.radio("r", [1, 2, 3], index=1, format_func=lambda x: f"#{x}", horizontal=True)
        st.markdown(repr(v))
        """
    )
    r = at.radio[0]
    assert texts(at) == ["2"]
    assert r.options == ["#1", "#2", "#3"]
    assert r.index == 1 and r.value == 2
    r.set_value(3).run()
    assert texts(at) == ["3"]
    assert at.radio[0].index == 2


def test_radio_index_none() -> None:
    at = run(
        """
        import streamlit as st
        st.markdown(repr(st.radio("r", ["a", "b"], index=None)))
        """
    )
    assert texts(at) == ["None"]
    assert at.radio[0].index is None and at.radio[0].value is None
    at.radio[0].set_value("b").run()
    assert texts(at) == ["'b'"]


def test_radio_bad_index_raises() -> None:
    at = run(
        """
        import streamlit as st
        st.radio("r", ["a", "b"], index=5)
        """
    )
    assert error(at) == "The `index` parameter, set to 5, is outside the required range [0, 1]."
    at = run(
        """
        import streamlit as st
        st.radio("r", ["a", "b"], index="0")
        """
    )
    assert error(at) == "Invalid `index` type. Expected one of: int, None. Provided type: str."


def test_radio_options_from_dict_enum_and_pandas() -> None:
    at = run(
        """
        import enum
        import numpy as np
        import pandas as pd
        import streamlit as st
        class Color(enum.Enum):
            RED = 1
            GREEN = 2
        st.radio("dict", {"x": 1, "y": 2})
        st.radio("enum", Color)
        st.radio("series", pd.Series([10, 20]))
        st.radio("frame", pd.DataFrame({"a": ["p", "q"], "b": [1, 2]}))
        st.radio("array", np.array([7, 8]))
        c = st.radio("enum2", Color, index=1)
        st.markdown(str(c is Color.GREEN))
        """
    )
    no_errors(at)
    assert [r.options for r in at.radio] == [
        ["x", "y"],
        ["Color.RED", "Color.GREEN"],
        ["10", "20"],
        ["p", "q"],
        ["7", "8"],
        ["Color.RED", "Color.GREEN"],
    ]
    # The Enum class is redefined by each rerun: the value follows it.
    at.radio[1].set_value(at.radio[1].value).run()
    at.run()
    assert texts(at) == ["True"]


def test_radio_keyed_value_kept_or_reset_when_options_change() -> None:
    at = run(
        """
        import streamlit as st
        opts = st.session_state.get("opts", ["a", "b", "c"])
        st.markdown(st.radio("r", opts, key="r"))
        """
    )
    at.radio[0].set_value("b").run()
    assert texts(at) == ["b"]
    at.session_state["opts"] = ["x", "b"]
    at.run()
    assert texts(at) == ["b"]
    at.session_state["opts"] = ["x", "y"]
    at.run()
    assert texts(at) == ["x"]
    assert at.session_state["r"] == "x"


# ---- selectbox ----


def test_selectbox_select_and_select_index() -> None:
    at = run(
        """
        import streamlit as st
        v = st.selectbox("s", ["a", "b", "c"], key="s")
        st.markdown(repr(v))
        """
    )
    s = at.selectbox[0]
    assert s.value == "a" and s.index == 0 and s.options == ["a", "b", "c"]
    s.select("c").run()
    assert texts(at) == ["'c'"]
    at.selectbox[0].select_index(1).run()
    assert texts(at) == ["'b'"]
    assert at.session_state["s"] == "b"


def test_selectbox_index_none_and_placeholder() -> None:
    at = run(
        """
        import streamlit as st
        v = st.selectbox("s", ["a", "b"], index=None, placeholder="Pick one")
        st.markdown(repr(v))
        """
    )
    assert texts(at) == ["None"]
    assert at.selectbox[0].index is None
    at.selectbox[0].select("a").run()
    assert texts(at) == ["'a'"]
    at.selectbox[0].select(None).run()
    assert texts(at) == ["None"]


def test_selectbox_format_func_with_objects() -> None:
    at = run(
        """
        import streamlit as st
        class P:
            def __init__(self, name):
                self.name = name
        people = [P("ann"), P("bob")]
        p = st.selectbox("who", people, format_func=lambda p: p.name.title())
        st.markdown(p.name)
        """
    )
    assert at.selectbox[0].options == ["Ann", "Bob"]
    assert texts(at) == ["ann"]
    at.selectbox[0].select_index(1).run()
    assert texts(at) == ["bob"]
    # The options are new objects in each run; the value is this run's object.
    at.run()
    assert texts(at) == ["bob"]


def test_selectbox_on_change_with_kwargs() -> None:
    at = run(
        """
        import streamlit as st
        st.session_state.setdefault("seen", [])
        def cb(*, tag):
            st.session_state.seen.append((tag, st.session_state.s))
        st.selectbox("s", ["a", "b"], key="s", on_change=cb, kwargs={"tag": "t"})
        st.markdown(str(st.session_state.seen))
        """
    )
    at.selectbox[0].select("b").run()
    assert texts(at) == ["[('t', 'b')]"]


def test_selectbox_session_state_value_not_in_options_resets() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.markdown(repr(st.selectbox("s", ["a", "b"], index=1, key="s")))
        """
    )
    at.session_state["s"] = "zzz"
    at.run()
    no_errors(at)
    assert texts(at) == ["'b'"]


def test_sp_selectbox_accept_new_options() -> None:
    # Streamlit's AppTest cannot compute the index of a new option, so it fails on this.
    at = run(
        """
        import streamlit as st
        st.markdown(repr(st.selectbox("s", ["a", "b"], accept_new_options=True)))
        """
    )
    assert texts(at) == ["'a'"]
    at.selectbox[0].set_value("brand new").run()
    assert texts(at) == ["'brand new'"]


def test_incomparable_options_raise() -> None:
    at = run(
        """
        import numpy as np
        import streamlit as st
        st.selectbox("s", [np.array([1, 2]), np.array([3, 4])])
        """
    )
    assert error(at).startswith("Invalid option type provided. Options must be comparable")


# ---- multiselect ----


def test_multiselect_select_unselect_and_default() -> None:
    at = run(
        """
        import streamlit as st
        v = st.multiselect("m", ["a", "b", "c"], default="b", key="m")
        st.markdown(repr(v))
        """
    )
    m = at.multiselect[0]
    assert m.value == ["b"] and m.indices == [1]
    m.select("a").run()
    assert texts(at) == ["['b', 'a']"]
    assert at.multiselect[0].indices == [1, 0]
    assert list(at.multiselect[0].values) == ["b", "a"]
    at.multiselect[0].unselect("b").run()
    assert texts(at) == ["['a']"]
    assert at.session_state["m"] == ["a"]


def test_multiselect_format_func_and_default_list() -> None:
    at = run(
        """
        import streamlit as st
        v = st.multiselect("m", [1, 2, 3], default=[3, 1], format_func=lambda x: "n" + str(x))
        st.markdown(repr(v))
        """
    )
    assert texts(at) == ["[3, 1]"]
    assert at.multiselect[0].options == ["n1", "n2", "n3"]


def test_multiselect_bad_default_and_max_selections() -> None:
    at = run(
        """
        import streamlit as st
        st.multiselect("m", ["a", "b"], default=["z"])
        """
    )
    assert error(at) == (
        "The default value 'z' is not part of the options. "
        "Please make sure that every default value also exists in the options."
    )
    at = run(
        """
        import streamlit as st
        st.multiselect("m", ["a", "b", "c"], default=["a", "b"], max_selections=1)
        """
    )
    assert error(at).startswith(
        "Multiselect has 2 options selected but `max_selections` is set to 1."
    )
    at = run(
        """
        import streamlit as st
        st.multiselect("m", ["a"], max_selections=0)
        """
    )
    assert error(at) == (
        "Invalid `max_selections` value. Supported values: a positive integer. "
        "To disable `st.multiselect`, use `disabled=True`."
    )


def test_multiselect_keyed_drops_values_no_longer_options() -> None:
    at = run(
        """
        import streamlit as st
        opts = st.session_state.get("opts", ["a", "b", "c"])
        st.markdown(repr(st.multiselect("m", opts, key="m")))
        """
    )
    at.multiselect[0].set_value(["a", "c"]).run()
    assert texts(at) == ["['a', 'c']"]
    at.session_state["opts"] = ["c", "d"]
    at.run()
    assert texts(at) == ["['c']"]


# ---- select_slider ----


def test_select_slider_single_and_range() -> None:
    at = run(
        """
        import streamlit as st
        one = st.select_slider("one", options=["xs", "s", "m", "l"], value="m")
        two = st.select_slider("two", options=range(10), value=(6, 2))
        first = st.select_slider("first", options=["p", "q"])
        st.markdown(repr((one, two, first)))
        """
    )
    assert texts(at) == ["('m', (2, 6), 'p')"]
    at.select_slider[0].set_value("l")
    at.select_slider[1].set_range(7, 3)
    at.run()
    assert texts(at) == ["('l', (3, 7), 'p')"]
    assert at.select_slider[1].value == (3, 7)


def test_select_slider_value_not_in_options() -> None:
    at = run(
        """
        import streamlit as st
        st.select_slider("s", options=["a", "b"], value="z")
        """
    )
    assert error(at) == "z is not in iterable"
    at = run(
        """
        import streamlit as st
        st.select_slider("s", options=[])
        """
    )
    assert error(at) == "The `options` parameter is required. Provide at least one option."


# ---- color_picker ----


def test_color_picker() -> None:
    at = run(
        """
        import streamlit as st
        a = st.color_picker("a")
        b = st.color_picker("b", "#0f0")
        st.markdown(f"{a} {b}")
        """
    )
    assert texts(at) == ["#000000 #0f0"]
    at.color_picker[0].pick("00ffaa").run()
    assert texts(at) == ["#00ffaa #0f0"]
    assert at.color_picker[0].value == "#00ffaa"


def test_color_picker_bad_value() -> None:
    at = run(
        """
        import streamlit as st
        st.color_picker("a", "red")
        """
    )
    assert error(at) == (
        "'red' is not a valid hex code for colors. Valid ones are like '#00FFAA' or '#000'."
    )


# ---- common ----


def test_sp_label_visibility_disabled_and_help() -> None:
    at = run(
        """
        import streamlit as st
        st.checkbox("c", help="tip", disabled=True, label_visibility="collapsed")
        """
    )
    c = at.checkbox[0]
    assert c.help == "tip" and c.disabled is True and c.label_visibility == "collapsed"


def test_distinct_parameters_make_distinct_ids() -> None:
    at = run(
        """
        import streamlit as st
        st.selectbox("s", ["a", "b"])
        st.selectbox("s", ["a", "c"])
        st.radio("s", ["a", "b"])
        """
    )
    no_errors(at)


def test_widgets_in_sidebar() -> None:
    at = run(
        """
        import streamlit as st
        v = st.sidebar.selectbox("s", ["a", "b"])
        st.markdown(v)
        """
    )
    assert len(at.sidebar.selectbox) == 1
    at.sidebar.selectbox[0].select("b").run()
    assert texts(at) == ["b"]


# ---- Sidepane only: wire values and frames ----


def _send_raw(at: AppTest, widget_id: str, value: Any) -> None:
    from sidepane.protocol.frames import frame

    at.session.handle_message(
        frame("widget_value", id=widget_id, value=value, run=at.session.writer.run)
    )


def test_sp_invalid_wire_values_are_ignored() -> None:
    at = run(
        """
        import streamlit as st
        v = (
            st.checkbox("c"),
            st.radio("r", ["a", "b"]),
            st.selectbox("s", ["a", "b"]),
            st.multiselect("m", ["a", "b"], max_selections=1),
            st.select_slider("ss", ["a", "b", "c"], value=("a", "b")),
            st.color_picker("cp"),
            st.button("go"),
        )
        st.markdown(repr(v))
        """
    )
    before = texts(at)
    assert before == ["(False, 'a', 'a', [], ('a', 'b'), '#000000', False)"]
    bad = {
        "checkbox": [1, "yes", None, [True]],
        "radio": [2, -1, "a", 1.0, True, [0]],
        "selectbox": [5, "b", 0.5],
        "multiselect": [[0, 1], [7], "a", 0, [None]],
        "select_slider": [1, [0], [0, 9], [0, 1, 2], "a"],
        "color_picker": ["red", 123, "#12345", "#gggggg"],
        "button": [1, "true", None],
    }
    for accessor, values in bad.items():
        widget = getattr(at, accessor)[0]
        for value in values:
            _send_raw(at, widget.id, value)
            at.run()
            no_errors(at)
            assert texts(at) == before, (accessor, value)


def test_sp_valid_wire_values() -> None:
    at = run(
        """
        import streamlit as st
        v = (
            st.radio("r", ["a", "b"]),
            st.multiselect("m", ["a", "b"]),
            st.select_slider("ss", ["a", "b", "c"], value=("a", "b")),
        )
        st.markdown(repr(v))
        """
    )
    _send_raw(at, at.radio[0].id, 1)
    at.run()
    _send_raw(at, at.multiselect[0].id, [1, 0])
    at.run()
    _send_raw(at, at.select_slider[0].id, [2, 0])
    at.run()
    assert texts(at) == ["('b', ['b', 'a'], ('a', 'c'))"]


def test_sp_wire_forms_and_props() -> None:
    at = run(
        """
        import streamlit as st
        st.radio("r", ["a", "b"], index=None, captions=["x", None], on_change="ignore")
        st.selectbox("s", [1, 2], index=1, format_func=lambda v: f"<{v}>")
        st.multiselect("m", ["a", "b"], default=["b"])
        st.select_slider("ss", [1, 2, 3], value=[3, 1])
        st.button("go", type="primary", use_container_width=True)
        """
    )
    props = {e.type: e.proto for e in at.main}
    assert props["radio"]["value"] is None
    assert props["radio"]["captions"] == ["x", ""]
    assert props["radio"]["ignore_rerun"] is True
    assert props["selectbox"]["options"] == ["<1>", "<2>"]
    assert props["selectbox"]["value"] == 1
    assert props["multiselect"]["value"] == [1]
    assert props["select_slider"]["value"] == [0, 2] and props["select_slider"]["range"] is True
    assert props["button"]["kind"] == "primary"
    assert props["button"]["use_container_width"] is True
    assert props["button"]["value"] is False


def test_sp_download_button_payload_sent_once() -> None:
    at = run(
        """
        import io
        import streamlit as st
        a = st.download_button("text", "hello", file_name="h.txt")
        st.download_button("bytes", io.BytesIO(b"\\x00\\x01"), mime="application/x-bin")
        st.download_button("lazy", lambda: b"made later")
        st.markdown(str(a))
        """
    )
    no_errors(at)
    a, b, c = at.download_button
    assert a.data == b"hello" and a.mimetype == "text/plain" and a.file_name == "h.txt"
    assert b.data == b"\x00\x01" and b.mimetype == "application/x-bin"
    assert c.data == b"made later"
    assert len(a.proto["hash"]) == 32
    payloads = [f for f in at.frames if f["t"] == "payload"]
    assert len(payloads) == 3 and all(f["kind"] == "media" for f in payloads)
    a.click().run()
    assert texts(at) == ["True"]
    # Already held by the viewer: not sent again.
    assert len([f for f in at.frames if f["t"] == "payload"]) == 3


def test_sp_download_button_bad_data() -> None:
    at = run(
        """
        import streamlit as st
        st.download_button("x", 3.5)
        """
    )
    assert error(at) == "Invalid binary data format: <class 'float'>"


def test_sp_form_submit_button_key_and_kind() -> None:
    # A form is another module's job; give the DG core a form id directly.
    at = run(
        """
        import streamlit as st
        from sidepane.elements.delta_generator import DeltaGenerator
        form = DeltaGenerator(("main",), "root", form_id="f")
        submitted = form.form_submit_button("Send")
        st.markdown(str(submitted))
        """
    )
    no_errors(at)
    button = at.button[0]
    assert button.key == "FormSubmitter:f-Send"
    assert button.proto["is_submit"] is True and button.proto["form"] == "f"
    button.click().run()
    assert texts(at) == ["True"]


def test_sp_outside_a_run_widgets_return_defaults() -> None:
    import sidepane as st

    assert st.checkbox("c", value=True) is True
    assert st.radio("r", ["a", "b"], index=1) == "b"
    assert st.selectbox("s", ["a"], index=None) is None
    assert st.multiselect("m", ["a", "b"], default=["b"]) == ["b"]
    assert st.select_slider("ss", [1, 2, 3], value=(3, 2)) == (2, 3)
    assert st.color_picker("cp") == "#000000"
    assert st.button("b") is False


def test_sp_widgets_in_a_form_and_form_rules() -> None:
    at = run(
        """
        import streamlit as st
        from sidepane.elements.delta_generator import DeltaGenerator
        form = DeltaGenerator(("main",), "root", form_id="f")
        which = st.session_state.get("which", "ok")
        if which == "button":
            form.button("b")
        elif which == "download":
            form.download_button("d", "x")
        elif which == "callback":
            form.checkbox("c", on_change=lambda: None)
        else:
            v = form.checkbox("c")
            sent = form.form_submit_button("ok", on_click=lambda: None)
            st.markdown(f"{v} {sent}")
        """
    )
    no_errors(at)
    assert at.checkbox[0].proto["form"] == "f"
    at.checkbox[0].check()
    at.button[0].click()
    at.run()
    assert texts(at) == ["True True"]
    at.run()
    assert texts(at) == ["True False"]
    at.session_state["which"] = "button"
    at.run()
    assert error(at).startswith("`st.button()` can't be used in an `st.form()`.")
    at.session_state["which"] = "download"
    at.run()
    assert error(at).startswith("`st.download_button()` can't be used in an `st.form()`.")
    at.session_state["which"] = "callback"
    at.run()
    assert "callbacks can only be defined on" in error(at)


def test_sp_disabled_download_button_does_not_call_its_function() -> None:
    at = run(
        """
        import streamlit as st
        def boom():
            raise RuntimeError("called")
        st.download_button("d", boom, disabled=True)
        """
    )
    no_errors(at)
    assert "hash" not in at.download_button[0].proto
    assert at.download_button[0].disabled is True
