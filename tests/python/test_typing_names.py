"""`st.typing` / `streamlit.typing`: Streamlit 1.67's annotation types, the same classes the
commands return."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import sidepane.typing
from sidepane.testing import AppTest

DATA = Path(__file__).parent / "data" / "streamlit_1_67_api.txt"


def _names_167() -> set[str]:
    lines = DATA.read_text().splitlines()
    return {
        line.split()[0].removeprefix("typing.")
        for line in lines
        if line.startswith("typing.") and not line.startswith("typing.annotations")
    }


def test_every_1_67_typing_name_is_exported() -> None:
    assert _names_167() == set(sidepane.typing.__all__)
    assert all(isinstance(getattr(sidepane.typing, name), type) for name in _names_167())


def test_scripts_import_them_from_streamlit_typing_and_st_typing() -> None:
    at = AppTest.from_string(
        textwrap.dedent(
            """
            import streamlit as st
            from streamlit.typing import EChartsState, VegaLiteState

            state = st.echarts_chart(
                {"xAxis": {"type": "category", "data": ["a"]}, "yAxis": {},
                 "series": [{"type": "bar", "data": [1], "selectedMode": "single"}]},
                on_select="rerun", key="c",
            )
            st.text(f"{isinstance(state, EChartsState)} {st.typing.VegaLiteState is VegaLiteState}")
            """
        )
    ).run()
    assert not at.exception
    assert at.text[0].value == "True True"


def test_vega_lite_state_is_read_only_by_key_or_attribute() -> None:
    state = sidepane.typing.VegaLiteState({"selection": {"brush": {"x": [1, 2]}}})
    assert state.selection.brush == {"x": [1, 2]}
    assert state["selection"]["brush"]["x"] == [1, 2]
    with pytest.raises(TypeError):
        state["selection"] = {}
