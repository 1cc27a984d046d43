"""The conformance suite runs against Sidepane by default, and against Streamlit itself with
SIDEPANE_CONFORMANCE=streamlit (see `make conformance-streamlit`), with only the import changed."""

from __future__ import annotations

import os
from typing import Any

import pytest

TARGET = os.environ.get("SIDEPANE_CONFORMANCE", "sidepane")


def app_test_class() -> Any:
    if TARGET == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from sidepane.testing import AppTest
    return AppTest


@pytest.fixture
def AppTest() -> Any:
    return app_test_class()


@pytest.fixture
def st_module() -> str:
    """The module the scripts import, so each side runs its own."""
    return "streamlit" if TARGET == "streamlit" else "sidepane"
