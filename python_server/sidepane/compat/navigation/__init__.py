"""`streamlit.navigation`: only `streamlit.navigation.page`, where apps import `StreamlitPage`
(what `st.Page` returns) for their type hints.

Importing `streamlit.navigation.page` sets the attribute `navigation` of its parent, `streamlit`
(Sidepane itself), to this package, over the `st.navigation` function: Streamlit avoids that by
importing the package before it defines the function. So this package can be called, as
`st.navigation` is.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from sidepane.compat import missing_names
from sidepane.elements.page_menu import navigation


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return navigation(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.navigation")
