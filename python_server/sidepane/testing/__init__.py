"""Testing Sidepane apps headless: `from sidepane.testing import AppTest` (Streamlit's API)."""

from __future__ import annotations

# Wrapper modules register the element classes AppTest's accessors return.
from sidepane.testing import button_group_elements as _button_group_elements  # noqa: F401
from sidepane.testing import chat_elements as _chat_elements  # noqa: F401
from sidepane.testing import component_elements as _component_elements  # noqa: F401
from sidepane.testing import component_v2_elements as _component_v2_elements  # noqa: F401
from sidepane.testing import data_elements as _data_elements  # noqa: F401
from sidepane.testing import decoration_elements as _decoration_elements  # noqa: F401
from sidepane.testing import layout_elements as _layout_elements  # noqa: F401
from sidepane.testing import media_input_elements as _media_input_elements  # noqa: F401
from sidepane.testing import small_widget_elements as _small_widget_elements  # noqa: F401
from sidepane.testing import text_elements as _text_elements  # noqa: F401
from sidepane.testing import widget_choice_elements as _widget_choice_elements  # noqa: F401
from sidepane.testing import widget_input_elements as _widget_input_elements  # noqa: F401
from sidepane.testing.app_test import AppTest
from sidepane.testing.errors import AppTestError

__all__ = ["AppTest", "AppTestError"]
