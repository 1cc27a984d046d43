"""The `st.` API: element and widget methods, one module per family, on DeltaGenerator."""
