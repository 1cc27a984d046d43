"""Input widgets (slider, text, number, date, time, file upload) through `AppTest`.

Expected values and messages were checked against Streamlit 1.67's AppTest.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from sidepane.protocol.frames import frame
from sidepane.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def out(at: AppTest) -> list[Any]:
    return [m.value for m in at.markdown]


def errors(at: AppTest) -> list[Any]:
    return [e.value for e in at.exception]


def send_wire(at: AppTest, widget_id: str, value: Any) -> None:
    """What a misbehaving viewer would send, bypassing AppTest's own serialization."""
    run_no = at.session.writer.run
    at.session.handle_message(frame("widget_value", id=widget_id, value=value, run=run_no))


def test_seed_app_slider_squared() -> None:
    at = run("import streamlit as st\nx = st.slider('x'); st.write(x, 'squared is', x * x)\n")
    assert out(at) == ["`0` squared is `0`"]
    at.slider[0].set_value(3).run()
    assert out(at) == ["`3` squared is `9`"]
    assert at.slider[0].value == 3


def test_slider_defaults_by_type() -> None:
    at = run(
        """
        import streamlit as st
        from datetime import date, time, datetime
        a = st.slider("a")
        b = st.slider("b", value=0.5)
        c = st.slider("c", value=(10, 20))
        d = st.slider("d", value=date(2024, 1, 10))
        e = st.slider("e", value=time(12, 0))
        f = st.slider("f", min_value=1.0, max_value=2.0)
        g = st.slider("g", value=[date(2024,1,1), date(2024,2,1)])
        st.write(repr((a, b, c, d, e, f, g)))
        """
    )
    assert out(at) == [
        "(0, 0.5, (10, 20), datetime.date(2024, 1, 10), datetime.time(12, 0), 1.0, "
        "(datetime.date(2024, 1, 1), datetime.date(2024, 2, 1)))"
    ]
    a, b, c, d, e = (at.slider[i] for i in range(5))
    assert (a.min, a.max, a.step) == (0, 100, 1)
    assert (b.min, b.max, b.step) == (0.0, 1.0, 0.01)
    assert c.proto["range"] is True and a.proto["range"] is False
    # Dates: ±14 days around the value, a one-day step, as microseconds since the epoch.
    assert d.min == 1703635200000000  # 2023-12-27
    assert d.max == 1706054400000000
    assert d.step == 86_400_000_000
    assert d.proto["data_type"] == "date" and d.proto["format"] == "YYYY-MM-DD"
    # Times: the whole day with a 15 minute step, as microseconds since midnight.
    assert e.min == 0 and e.step == 15 * 60 * 1_000_000 and e.proto["format"] == "HH:mm"
    assert a.proto["format"] == "%d" and b.proto["format"] == "%0.2f"


def test_slider_ranges_dates_and_times_round_trip() -> None:
    at = run(
        """
        import streamlit as st
        from datetime import date, time, datetime, timezone, timedelta
        tz = timezone(timedelta(hours=2))
        r = st.slider("r", 0, 100, (20, 80))
        d = st.slider("d", value=date(2024, 1, 10))
        dt = st.slider("dt", value=datetime(2024, 1, 10, 12, 30, tzinfo=tz))
        t = st.slider("t", value=time(9, 0))
        st.write(repr((r, d, dt, t)))
        """
    )
    at.slider[0].set_range(30, 40)
    at.slider[1].set_value(date(2024, 1, 12))
    at.slider[3].set_value(time(10, 15))
    at.run()
    assert out(at)[0].startswith("((30, 40), datetime.date(2024, 1, 12), datetime.datetime(")
    assert out(at)[0].endswith("datetime.time(10, 15))")
    dt = at.slider[2].value
    assert dt.hour == 12 and dt.utcoffset() is not None
    assert at.slider[0].value == (30, 40)
    # The wire form is microseconds of wall-clock time.
    assert at.slider[3].proto["value"] == (10 * 60 + 15) * 60 * 1_000_000
    assert at.slider[1].proto["value"] == (date(2024, 1, 12) - date(1970, 1, 1)).days * 86_400e6


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.slider("a", 0, 10.0)',
            "Invalid `value` type. Expected one of: matching numeric types, matching date/time "
            "types. Provided type: min_value=int, max_value=float, step=int.",
        ),
        (
            'st.slider("a", 0, 10, 5.0)',
            "Invalid `value` type. Expected one of: matching numeric types, matching date/time "
            "types. Provided type: min_value=int, max_value=int, step=float.",
        ),
        (
            'st.slider("a", value=(1, 2.5))',
            "Invalid `value` type. Expected one of: list or tuple containing values of the same "
            "type. Provided type: int, float.",
        ),
        (
            'st.slider("a", value="x")',
            "Invalid `value` type. Expected one of: int, float, date, time, datetime, list, "
            "tuple. Provided type: str.",
        ),
        (
            'st.slider("a", value=(1, 2, 3))',
            "Invalid `value` value. Supported values: int, float, date, time, datetime, a list "
            "containing up to two such values, a tuple containing up to two such values.",
        ),
        (
            'st.slider("a", 5, 5)',
            "The `min_value` and `max_value` parameters are both set to 5. They must not be equal.",
        ),
        (
            'st.slider("a", step=0)',
            "Invalid `step` value. Supported values: a number. Zero is not allowed.",
        ),
        (
            'st.slider("a", on_change=5)',
            "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        (
            'st.number_input("a", 0, 10.0)',
            "All numerical arguments must be of the same type.\n`value` has str type.\n"
            "`min_value` has int type.\n`max_value` has float type.",
        ),
        (
            'st.number_input("a", min_value=0, value=1.5)',
            "All numerical arguments must be of the same type.\n`value` has float type.\n"
            "`min_value` has int type.",
        ),
        ('st.number_input("a", 5, 10, 2)', "The `value` 2 is less than the `min_value` 5."),
        ('st.number_input("a", 0, 10, 12)', "The `value` 12 is greater than the `max_value` 10."),
        (
            'st.number_input("a", 10, 5)',
            "The `min_value`, set to 10, cannot be greater than the `max_value`, set to 5.",
        ),
        (
            'st.number_input("a", format="%x %s")',
            "Format string for `st.number_input` contains invalid characters: %x %s",
        ),
        (
            'st.date_input("a", format="YYYY")',
            "Invalid `format` value. Supported values: 'YYYY/MM/DD', 'DD/MM/YYYY', "
            "'MM/DD/YYYY', 'YYYY.MM.DD', 'DD.MM.YYYY', 'MM.DD.YYYY', 'YYYY-MM-DD', "
            "'DD-MM-YYYY', 'MM-DD-YYYY'. Provided value: 'YYYY'.",
        ),
        (
            'st.date_input("a", date(2020, 1, 1), min_value=date(2021, 1, 1))',
            "The `value` 2020-01-01 is less than the `min_value` 2021-01-01.",
        ),
        (
            'st.time_input("a", step=0)',
            "The `step` parameter, set to 0 seconds, is outside the required range "
            "[1 second, 23 hours].",
        ),
        (
            'st.time_input("a", step=1.5)',
            "Invalid `step` type. Expected one of: int, timedelta. Provided type: float.",
        ),
        (
            'st.time_input("a", format="x")',
            "Invalid `format` value. Supported values: '12h', '24h', 'localized'.",
        ),
        (
            'st.text_input("a", type="bogus")',
            "Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', "
            "'phone', 'search'.",
        ),
        (
            'st.file_uploader("a", max_upload_size=0)',
            "Invalid `max_upload_size` value. Supported values: a positive integer. Set it to "
            "None to fall back to the `server.maxUploadSize` configuration option.",
        ),
    ],
)
def test_bad_arguments_raise_streamlits_errors(call: str, message: str) -> None:
    at = run(f"import streamlit as st\nfrom datetime import date\n{call}\n")
    assert errors(at) == [message]


def test_number_input_types_and_defaults() -> None:
    at = run(
        """
        import streamlit as st
        a = st.number_input("a")
        b = st.number_input("b", 0)
        c = st.number_input("c", value=None)
        d = st.number_input("d", 1, 10, step=2)
        e = st.number_input("e", min_value=None, max_value=None, value=None, step=1)
        st.write(repr((a, b, c, d, e)))
        """
    )
    assert out(at) == ["(0.0, 0, None, 1, None)"]
    a, b, c, d, e = (at.number_input[i] for i in range(5))
    assert a.proto["data_type"] == "float" and a.proto["format"] == "%0.2f" and a.step == 0.01
    assert b.proto["data_type"] == "int" and b.proto["format"] == "%d" and b.step == 1
    assert c.value is None and c.proto["data_type"] == "float"
    assert e.proto["data_type"] == "int"
    assert a.min is None and a.max is None and (d.min, d.max) == (1, 10)
    d.increment().run()
    assert d.value == 3
    d.set_value(10).run()
    d.increment().run()
    assert d.value == 10
    d.decrement().run()
    assert d.value == 8
    c.increment().run()
    assert c.value is None
    c.set_value(2.5).run()
    assert out(at) == ["(0.0, 0, 2.5, 8, None)"]


def test_text_inputs() -> None:
    at = run(
        """
        import streamlit as st
        a = st.text_input("a", max_chars=5, placeholder="type", type="password")
        b = st.text_input("b", None)
        c = st.text_area("c", 5, height=200)
        st.write(repr((a, b, c)))
        """
    )
    assert out(at) == ["('', None, '5')"]
    a = at.text_input[0]
    assert a.max_chars == 5 and a.placeholder == "type"
    assert a.proto["type"] == "password" and a.autocomplete == "new-password"
    assert at.text_area[0].proto["height"] == 200
    a.input("toolongtext").run()
    assert a.value == ""
    at.text_input[0].input("abc")
    at.text_input[1].input("now set")
    at.text_area[0].input("two\nlines")
    at.run()
    assert out(at) == ["('abc', 'now set', 'two\\nlines')"]


def test_date_and_time_inputs() -> None:
    at = run(
        """
        import streamlit as st
        from datetime import date, time
        a = st.date_input("a", date(2024, 2, 29))
        b = st.date_input("b", (date(2024, 1, 1),))
        c = st.date_input("c", [])
        d = st.date_input("d", None)
        e = st.date_input("e", (date(2024, 1, 1), date(2024, 1, 5)))
        t = st.time_input("t", time(8, 45, 30))
        u = st.time_input("u", time(8, 45, 30), step=30)
        v = st.time_input("v", None)
        st.write(repr((a, b, c, d, e)))
        st.write(repr((t, u, v)))
        """
    )
    assert out(at) == [
        "(datetime.date(2024, 2, 29), (datetime.date(2024, 1, 1),), (), None, "
        "(datetime.date(2024, 1, 1), datetime.date(2024, 1, 5)))",
        "(datetime.time(8, 45), datetime.time(8, 45, 30), None)",
    ]
    a = at.date_input[0]
    # Ten years either side; 29 February falls back to the 28th.
    assert (a.min, a.max) == (date(2014, 2, 28), date(2034, 2, 28))
    assert a.is_range is False and at.date_input[1].is_range is True
    assert a.proto["value"] == "2024-02-29" and at.date_input[4].proto["value"] == [
        "2024-01-01",
        "2024-01-05",
    ]
    assert at.time_input[0].proto["value"] == "08:45"
    assert at.time_input[1].proto["value"] == "08:45:30"
    at.date_input[0].set_value(date(2024, 3, 3))
    at.date_input[4].set_value((date(2024, 2, 1), date(2024, 2, 3)))
    at.time_input[0].increment()
    at.time_input[1].decrement()
    at.run()
    assert at.date_input[0].value == date(2024, 3, 3)
    assert at.date_input[4].value == (date(2024, 2, 1), date(2024, 2, 3))
    assert at.time_input[0].value == time(9, 0)
    assert at.time_input[1].value == time(8, 45)
    assert at.time_input[0].step == 900


def test_callbacks_keys_and_session_state() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def changed(name, scale=1):
            st.session_state.calls = st.session_state.get("calls", []) + [
                (name, st.session_state[name] * scale)
            ]
        st.slider("s", 0, 10, key="s", on_change=changed, args=("s",), kwargs={"scale": 2})
        st.number_input("n", 0, 100, key="n", on_change=changed, args=("n",))
        st.text_input("t", key="t")
        st.write(repr(st.session_state.get("calls")), st.session_state.t)
        """
    )
    at.session_state["t"] = "seeded"
    at.run()
    assert at.text_input[0].value == "seeded"
    assert out(at) == ["None seeded"]
    at.slider(key="s").set_value(4).run()
    assert out(at) == ["[('s', 8)] seeded"]
    at.number_input(key="n").set_value(7).run()
    assert out(at) == ["[('s', 8), ('n', 7)] seeded"]
    at.run()  # no change: no callback
    assert out(at) == ["[('s', 8), ('n', 7)] seeded"]
    assert at.session_state["s"] == 4


def test_session_state_value_outside_slider_bounds_raises() -> None:
    at = run(
        """
        import streamlit as st
        st.session_state.s = 500
        st.slider("a", 0, 10, key="s")
        """
    )
    assert errors(at) == ["The `value` 500 is greater than the `max_value` 10."]


def test_range_slider_without_value_follows_session_state() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(repr(st.slider("r", 0, 50, key="r")))
        """
    )
    at.session_state["r"] = (5, 15)
    at.run()
    assert out(at) == ["(5, 15)"]
    assert at.slider[0].proto["range"] is True


def test_number_input_value_outside_new_bounds_resets() -> None:
    at = run(
        """
        import streamlit as st
        big = st.session_state.get("big", False)
        st.write(st.number_input("n", 0, 100 if big else 10, key="n"))
        """
    )
    at.session_state["big"] = True
    at.run()
    at.number_input[0].set_value(50).run()
    assert out(at) == ["`50`"]
    at.session_state["big"] = False
    at.run()
    assert out(at) == ["`0`"]


BAD_WIRE = """
import streamlit as st
from datetime import date, time
s = st.slider("s", 0, 10, 3)
f = st.slider("f", 0.0, 1.0, 0.5)
r = st.slider("r", 0, 10, (2, 4))
d = st.slider("d", value=date(2024, 1, 10))
n = st.number_input("n", 0, 10, 3)
x = st.number_input("x", value=1.5)
t = st.text_input("t", "hi", max_chars=4)
a = st.text_area("a", "hi", max_chars=4)
lo, hi = date(2024, 1, 1), date(2024, 12, 31)
di = st.date_input("di", date(2024, 1, 10), min_value=lo, max_value=hi)
dr = st.date_input("dr", (date(2024, 1, 2), date(2024, 1, 3)))
ti = st.time_input("ti", time(10, 0))
st.write(repr((s, f, r, d, n, x, t, a, di, dr, ti)))
"""

BAD_VALUES: list[tuple[str, int, Any]] = [
    ("slider", 0, "5"),
    ("slider", 0, 11),
    ("slider", 0, -1),
    ("slider", 0, True),
    ("slider", 0, float("nan")),
    ("slider", 0, 2.5),
    ("slider", 0, [1, 2]),
    ("slider", 0, None),
    ("slider", 1, float("nan")),
    ("slider", 1, float("inf")),
    ("slider", 1, 1.5),
    ("slider", 1, False),
    ("slider", 2, 3),
    ("slider", 2, [5, 1]),
    ("slider", 2, [1, 2, 3]),
    ("slider", 2, [1, 20]),
    ("slider", 3, 1.5),
    ("slider", 3, 12345),  # not midnight of a day
    ("slider", 3, 0),  # 1970, far outside the bounds
    ("number_input", 0, 11),
    ("number_input", 0, 1.5),
    ("number_input", 0, True),
    ("number_input", 0, "4"),
    ("number_input", 1, float("nan")),
    ("number_input", 1, float("-inf")),
    ("number_input", 1, [1.0]),
    ("text_input", 0, "toolong"),
    ("text_input", 0, 5),
    ("text_input", 0, b"hi"),
    ("text_area", 0, "x" * 5),
    ("text_area", 0, ["hi"]),
    ("date_input", 0, "2023-12-31"),
    ("date_input", 0, "2024-13-01"),
    ("date_input", 0, "not a date"),
    ("date_input", 0, ["2024-01-05"]),
    ("date_input", 0, 20240105),
    ("date_input", 1, "2024-01-05"),
    ("date_input", 1, ["2024-01-05", "2024-01-01"]),
    ("date_input", 1, ["2024-01-01", "2024-01-02", "2024-01-03"]),
    ("time_input", 0, "25:00"),
    ("time_input", 0, "10:00:30"),  # seconds with a whole-minute step
    ("time_input", 0, 36000),
    ("time_input", 0, "ten"),
]


@pytest.mark.parametrize(("accessor", "index", "wire"), BAD_VALUES)
def test_invalid_wire_values_are_ignored(accessor: str, index: int, wire: Any) -> None:
    at = run(BAD_WIRE)
    before = out(at)
    assert not errors(at)
    widget = getattr(at, accessor)[index]
    send_wire(at, widget.id, wire)
    at.run()
    assert out(at) == before
    assert not errors(at)
    assert at.session.script_thread_alive


def test_valid_wire_values_are_accepted() -> None:
    at = run(BAD_WIRE)
    for accessor, index, wire in [
        ("slider", 0, 7),
        ("slider", 1, 0.25),
        ("slider", 2, [1, 9]),
        ("slider", 3, (date(2024, 1, 12) - date(1970, 1, 1)).days * 86_400_000_000),
        ("number_input", 0, 7.0),  # a whole float from JavaScript is fine for an int input
        ("text_input", 0, "four"),
        ("date_input", 1, ["2024-01-07"]),
        ("time_input", 0, "11:30"),
    ]:
        send_wire(at, getattr(at, accessor)[index].id, wire)
    at.run()
    assert out(at) == [
        "(7, 0.25, (1, 9), datetime.date(2024, 1, 12), 7, 1.5, 'four', 'hi', "
        "datetime.date(2024, 1, 10), (datetime.date(2024, 1, 7),), datetime.time(11, 30))"
    ]


FILES = """
import streamlit as st
f = st.file_uploader("f", type=["csv"])
if f is not None:
    st.write(f.name, f.type, f.size, f.read())
m = st.file_uploader("m", accept_multiple_files=True)
st.write(repr([x.name for x in m]))
"""


def test_file_uploader() -> None:
    at = run(FILES)
    assert out(at) == ["[]"]
    assert at.file_uploader[0].allowed_type == [".csv"]
    assert at.file_uploader[1].accept_multiple_files is True
    at.file_uploader[0].set_value(("a.csv", b"x,y\n1,2", "text/csv"))
    at.file_uploader[1].upload("p.txt", b"p").upload("q.txt", b"qq")
    at.run()
    expected = ["a.csv text/csv `7` `b'x,y\\n1,2'`", "['p.txt', 'q.txt']"]
    assert out(at) == expected
    at.run()  # every run reads the file from its start
    assert out(at) == expected
    f = at.file_uploader[0].value
    assert isinstance(f.file_id, str) and f.getvalue() == b"x,y\n1,2" and f.size == 7
    at.file_uploader[0].clear().run()
    assert out(at) == ["['p.txt', 'q.txt']"]


def test_file_uploader_rejects_bad_wire_values() -> None:
    at = run(FILES)
    single, multi = at.file_uploader[0], at.file_uploader[1]
    good = single._send("a.csv", b"1,2", "text/csv")
    bad_ext = single._send("a.exe", b"MZ", "application/octet-stream")
    for widget_id, wire in [
        (single.id, [{"hash": "0" * 32, "name": "a.csv", "type": "text/csv", "size": 3}]),
        (single.id, [bad_ext]),
        (single.id, [good, good]),
        (single.id, [{**good, "size": 99}]),
        (single.id, [{**good, "name": "a\0.csv"}]),
        (single.id, "a.csv"),
        (multi.id, [{"hash": good["hash"]}]),
    ]:
        send_wire(at, widget_id, wire)
        at.run()
        assert out(at) == ["[]"]
        assert not errors(at)


def test_file_uploader_refuses_session_state_values() -> None:
    at = run(
        """
        import streamlit as st
        st.session_state.f = 1
        st.file_uploader("a", key="f")
        """
    )
    assert errors(at) == [
        "`st.session_state['f']` is read-only and cannot be assigned through session state. "
        "Use a different session state key for values you need to set."
    ]


def test_widget_ids_follow_key_as_main_identity() -> None:
    src = """
    import streamlit as st
    lo = st.session_state.get("lo", 0)
    st.slider("s", lo, 100, key="s", help=st.session_state.get("help"))
    st.text_input("t", key="t", placeholder=st.session_state.get("help"))
    st.number_input("n", lo, 100, key="n")
    """
    at = AppTest.from_string(src).run()
    ids = [at.slider[0].id, at.text_input[0].id, at.number_input[0].id]
    at.session_state["help"] = "changed"
    at.run()
    # help / placeholder are not part of a keyed widget's identity
    assert [at.slider[0].id, at.text_input[0].id, at.number_input[0].id] == ids
    at.session_state["lo"] = 1
    at.run()
    # min_value is, for a slider; a number_input's key is its whole identity
    assert at.slider[0].id != ids[0]
    assert at.number_input[0].id == ids[2]


def test_outside_a_run_widgets_return_their_defaults() -> None:
    import sidepane as st

    assert st.slider("x", 0, 10, 4) == 4
    assert st.slider("r", 0, 10, (1, 2)) == (1, 2)
    assert st.number_input("n") == 0.0
    assert st.text_input("t", "v") == "v"
    assert st.date_input("d", date(2024, 1, 1)) == date(2024, 1, 1)
    assert st.time_input("ti", time(1, 0)) == time(1, 0)
    assert st.file_uploader("f") is None
    assert st.file_uploader("m", accept_multiple_files=True) == []


def test_date_and_time_inputs_say_when_a_person_may_empty_them() -> None:
    # Streamlit's browser side allows clearing only a field that starts empty and is not required.
    at = run(
        """
        import streamlit as st
        from datetime import date, time
        st.date_input("a", date(2024, 1, 1))
        st.date_input("b", None)
        st.date_input("c", None, required=True)
        st.date_input("d", [])
        st.date_input("e", (date(2024, 1, 1),))
        st.time_input("t", time(8, 0))
        st.time_input("u", None)
        st.time_input("v", None, required=True)
        """
    )
    assert [w.proto.get("clearable") for w in at.date_input] == [None, True, None, True, None]
    assert [w.proto.get("clearable") for w in at.time_input] == [None, True, None]
    at.date_input[1].set_value(date(2024, 5, 1)).run()
    assert at.date_input[1].proto.get("clearable") is True  # the default, not the value, decides
    send_wire(at, at.time_input[1].id, None)
    at.run()
    assert at.time_input[1].value is None


def test_a_false_bound_or_max_chars_is_sent_as_the_int_0() -> None:
    # False is the int 0 to Python; the schema declares these keys as numbers, so the wire
    # carries 0 (the frames-match-schema fixture checks every frame this run sends).
    at = AppTest.from_string(
        "import streamlit as st\n"
        "st.number_input('n', min_value=False, max_value=5, value=1)\n"
        "st.text_input('t', max_chars=False)\n"
        "st.text_area('a', max_chars=False)\n"
    ).run()
    assert not at.exception
    assert at.number_input[0].value == 1
