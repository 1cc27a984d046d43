"""What the sign-in cookies hold: the user's claims, the provider's tokens, the pending flow.

Each cookie's value is signed (signing.py) with `[auth] cookie_secret`; the identity cookie also
names the app's origin (from `redirect_uri`), which a WebSocket's `Origin` must match.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from sidepane.auth import signing

log = logging.getLogger("sidepane.auth")

USER_COOKIE = "_sidepane_user"
TOKENS_COOKIE = "_sidepane_user_tokens"
FLOW_COOKIE = "_sidepane_auth_flow"
PROVIDER_TOKEN = "provider"
# As Streamlit: a sign-in lasts 30 days unless the person logs out.
USER_MAX_AGE = 30 * 24 * 60 * 60
# The login route must be followed soon after st.login() signed it, and the provider's answer
# must come back within a few minutes.
PROVIDER_TOKEN_MAX_AGE = 120
FLOW_MAX_AGE = 600
# Browsers drop a cookie over 4096 bytes (name, value and attributes together).
MAX_COOKIE_BYTES = 4096
# What every request to the app then carries: the server refuses a header line over 8192 bytes
# (a 431 for every page and WebSocket; websockets' limit, as aiohttp's and most proxies'), so
# both cookies together stay well under it.
MAX_SIGN_IN_BYTES = 6144


def encode(secret: str, name: str, value: Mapping[str, Any]) -> str:
    return signing.sign(secret, name, json.dumps(dict(value), separators=(",", ":")))


def decode(secret: str, name: str, raw: str | None, max_age: int) -> dict[str, Any] | None:
    """The cookie's JSON object, or None when it is absent, forged, expired or not JSON."""
    if raw is None:
        return None
    text = signing.unsign(secret, name, raw, max_age=max_age)
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def fits(name: str, value: str, *, besides: int = 0) -> bool:
    """Whether a browser keeps this cookie (with room for its attributes), and it leaves the
    request's Cookie header within what the server reads when `besides` bytes of sign-in
    cookies come with it."""
    size = len(name) + 1 + len(value)
    return size + 120 <= MAX_COOKIE_BYTES and size + besides <= MAX_SIGN_IN_BYTES


def user_info(
    secret: str,
    cookies: Mapping[str, str],
    origin: str | None,
    expose_tokens: list[str],
) -> dict[str, Any]:
    """`st.user` for a connection carrying these cookies from page `origin` (empty: signed out).

    The claims count only when the cookie was issued for this origin (the WebSocket's `Origin`
    header), as Streamlit checks; `tokens` holds only the kinds `expose_tokens` names.
    """
    payload = decode(secret, USER_COOKIE, cookies.get(USER_COOKIE), USER_MAX_AGE)
    if payload is None:
        return {}
    if origin is None or payload.get("origin") != origin.rstrip("/"):
        log.warning("a sign-in cookie was issued for another origin than this page's: ignored")
        return {}
    info: dict[str, Any] = {"is_logged_in": bool(payload.get("is_logged_in", False))}
    for key, value in payload.items():
        if key not in ("origin", "is_logged_in"):
            info[key] = value
    tokens = decode(secret, TOKENS_COOKIE, cookies.get(TOKENS_COOKIE), USER_MAX_AGE) or {}
    info["tokens"] = {
        kind: tokens[f"{kind}_token"] for kind in expose_tokens if f"{kind}_token" in tokens
    }
    return info
