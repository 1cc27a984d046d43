"""`st.user` and `st.logout()` through AppTest's `user`: the same scripts and asserts pass on
Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane. (`st.login` needs Authlib, which
the Streamlit bench venv lacks; tests/python/test_auth.py and tests/e2e/test_login.py cover it.)"""

from __future__ import annotations

from typing import Any

SCRIPT = """
import streamlit as st

st.write(repr(st.user.to_dict()))
user = st.user
st.write(f"{user.get('is_logged_in')} {user.get('email')} {len(user)} {'email' in user}")
try:
    st.user.email = "x"
except Exception as exc:
    st.write(f"set: {exc}")
try:
    st.user["email"] = "x"
except Exception as exc:
    st.write(f"item: {exc}")
try:
    st.user.nope
except AttributeError as exc:
    st.write(f"attribute: {exc}")
try:
    st.user["nope"]
except KeyError as exc:
    st.write(f"key: {exc.args[0]}")
st.write(f"tokens: {dict(st.user.tokens)}")
if st.button("out"):
    st.logout()
    st.write(f"after: {st.user.to_dict()}")
"""


def test_st_user_is_apptests_user_read_only(AppTest: Any) -> None:
    at = AppTest.from_string(SCRIPT, default_timeout=10).run()
    assert not at.exception
    assert at.markdown.values == [
        "{'email': 'test@example.com'}",
        "None test@example.com 1 True",
        "set: st.user cannot be modified",
        "item: st.user cannot be modified",
        'attribute: st.user has no attribute "nope".',
        'key: st.user has no key "nope".',
        "tokens: {}",
    ]


def test_a_logged_in_user_and_logout(AppTest: Any) -> None:
    at = AppTest.from_string(SCRIPT, default_timeout=10)
    mine = {"is_logged_in": True, "email": "a@b.c", "name": "A", "tokens": {"id": "T"}}
    at.user = mine
    at.run()
    assert at.markdown.values[0] == repr(mine)
    assert at.markdown.values[1] == "True a@b.c 4 True"
    assert at.markdown.values[-1] == "tokens: {'id': 'T'}"
    at.button[0].click().run()
    assert at.markdown.values[-1] == "after: {'is_logged_in': False}"
    assert at.user == {"is_logged_in": False}
    assert mine["email"] == "a@b.c"
