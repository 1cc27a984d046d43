"""Signed values for the sign-in cookies: readable by the server alone to trust, never forged.

A value is `base64(text).timestamp.base64(HMAC-SHA256)`, the MAC covering the cookie's name too,
so one cookie's value cannot stand in for another's. The secret is `[auth] cookie_secret`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, name: str, encoded: str, stamp: str) -> str:
    message = f"{name}|{encoded}|{stamp}".encode()
    return _b64(hmac.new(secret.encode(), message, hashlib.sha256).digest())


def sign(secret: str, name: str, value: str, *, now: float | None = None) -> str:
    """`value` signed for the cookie (or token) called `name`."""
    if not secret:
        raise ValueError("a signing secret is required")
    encoded = _b64(value.encode())
    stamp = str(int(time.time() if now is None else now))
    return f"{encoded}.{stamp}.{_mac(secret, name, encoded, stamp)}"


def unsign(
    secret: str, name: str, signed: str, *, max_age: float, now: float | None = None
) -> str | None:
    """The value `sign` signed, or None when the signature is wrong, it is older than
    `max_age` seconds, from the future, or not a signed value at all."""
    if not secret:
        return None
    try:
        encoded, stamp, mac = signed.split(".")
        signed_at = int(stamp)
    except ValueError:
        return None
    if not hmac.compare_digest(mac, _mac(secret, name, encoded, stamp)):
        return None
    age = (time.time() if now is None else now) - signed_at
    if age > max_age or age < -60:  # a minute of clock skew between processes is tolerated
        return None
    try:
        return _unb64(encoded).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
