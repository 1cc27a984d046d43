"""Caching across reruns: `@st.cache` (the four rules), `st.cache_data`, `st.cache_resource`.

Stores live in the runtime process and are shared by every session of the app (store.py); what a
cached function draws is replayed on hits (replay.py); why a call missed is explained on request
(explain.py). Keys: hashing.py (values) and dependencies.py (code and what it reads).
"""
