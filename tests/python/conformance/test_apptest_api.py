"""AppTest's own API (constructors, element accessors, interactions) as Streamlit 1.67 has it.

Runs against Sidepane and, with `make conformance-streamlit`, against Streamlit itself.
"""

from __future__ import annotations

from typing import Any


def test_from_function_without_args_runs_the_body(AppTest: Any) -> None:
    def script() -> None:
        import streamlit as st

        st.markdown("hello")

    at = AppTest.from_function(script, default_timeout=10).run()
    assert not at.exception
    assert at.markdown.values == ["hello"]


def test_from_function_passes_args_and_kwargs(AppTest: Any) -> None:
    def script(a: int, *, b: str = "default") -> None:
        import streamlit as st

        st.markdown(f"{a} {b}")

    at = AppTest.from_function(script, args=(1,), kwargs={"b": "given"}).run(timeout=10)
    assert at.markdown.values == ["1 given"]
    at = AppTest.from_function(script, args=(2,)).run(timeout=10)
    assert at.markdown.values == ["2 default"]
