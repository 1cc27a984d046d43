"""`streamlit.runtime.caching`: the cache decorators, as `st.cache_data` / `st.cache_resource`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidepane.caching.data_resource import cache_data, cache_resource
from sidepane.compat import missing_names

if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.runtime.caching")

__all__ = ["cache_data", "cache_resource"]
