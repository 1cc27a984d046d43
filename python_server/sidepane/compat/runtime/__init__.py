"""The submodules of `streamlit.runtime` that apps import (`streamlit.runtime` itself is
Sidepane's runtime package, with `exists()`: see runtime/streamlit_alias.py)."""
