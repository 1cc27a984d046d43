"""`st.write` never breaks a run, whatever it is given."""

from __future__ import annotations

from sidepane.testing import AppTest


def test_odd_objects_are_drawn_without_raising() -> None:
    at = AppTest.from_string(
        """
        import datetime, decimal, enum, fractions, pathlib
        import numpy as np
        import sidepane as st

        class BadStr:
            def __str__(self): raise RuntimeError("no str")
            def __repr__(self): raise RuntimeError("no repr")

        class BadEq:
            def __eq__(self, other): raise RuntimeError("no eq")
            __hash__ = object.__hash__

        class Hostile:
            def __getattr__(self, name): return 1 / 0

        class Color(enum.Enum):
            RED = 1

        def gen():
            yield "a"
            yield "b"

        st.write(BadStr())
        st.write(BadEq())
        st.write(Hostile())
        st.write(b"bytes\\x00\\xff", bytearray(b"x"), memoryview(b"y"))
        st.write({1, 2}, frozenset(), (1, 2), range(3))
        st.write(10**400, float("nan"), complex(1, 2))
        st.write(decimal.Decimal("1.1"), fractions.Fraction(1, 3))
        st.write(np.float32(1.5), np.int64(3), np.array([[1, 2], [3, 4]]), np.bool_(True))
        st.write(datetime.date(2024, 1, 1), datetime.timedelta(1), pathlib.Path("/tmp"))
        st.write(Color.RED, Color, len, np, gen())
        st.write({"a": {1, 2}, "c": BadStr(), 3: np.int64(4), (1, 2): "tuple key"})
        st.write([BadStr(), object()])
        st.json({"a": BadEq()})
        st.write(st.session_state, st.query_params)
        """,
        default_timeout=20,
    ).run()
    assert len(at.exception) == 0
    assert at.markdown[0].value == "`<BadStr: str() raised RuntimeError>`"
    assert "unexpected keys" in at.warning[0].value
    assert at.json[0].value.startswith('{"a": [1, 2], "c": "<BadStr: repr() raised RuntimeError>"')
