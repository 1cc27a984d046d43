"""Sign-in (st.login, st.logout, st.user): `[auth]` checked with Streamlit 1.67's messages, the
signed cookies, AppTest.user, and the server's sign-in routes refusing what they must.

The whole flow against a real OpenID provider runs in Chromium: tests/e2e/test_login.py."""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
from web_helpers import async_test, open_tab, serving

from sidepane.auth import cookies, oidc, settings, signing
from sidepane.errors import StreamlitAuthError
from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.testing import AppTest

pytestmark = pytest.mark.timeout(30)

SECRET = "a-long-random-cookie-secret-for-tests"
ORIGIN = "http://localhost:8501"
AUTH = {
    "redirect_uri": f"{ORIGIN}/oauth2callback",
    "cookie_secret": SECRET,
    "client_id": "the-client",
    "client_secret": "the-client-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


@pytest.fixture(autouse=True)
def no_outside_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No secrets.toml from the home or working folder reaches the apps here."""
    for name in ("home", "cwd"):
        (tmp_path / name).mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path / "cwd")
    yield


def _fails(secrets: dict[str, Any] | None, provider: str = "default") -> str:
    with pytest.raises(StreamlitAuthError) as info:
        settings.validate(secrets, provider)
    return " ".join(str(info.value).split())


# ---- [auth] ----


def test_validation_says_what_is_missing_as_streamlit_does() -> None:
    none = (
        "To use authentication features you need to configure credentials for at least one "
        "authentication provider in `.streamlit/secrets.toml`."
    )
    assert _fails(None) == none
    assert _fails({"other": 1}) == none
    assert _fails({"auth": {"cookie_secret": "x"}}) == (
        'Authentication credentials in `.streamlit/secrets.toml` are missing the "redirect_uri" '
        "key. Please check your configuration."
    )
    assert '"cookie_secret" key' in _fails({"auth": {"redirect_uri": "http://x/oauth2callback"}})
    shared = {"redirect_uri": AUTH["redirect_uri"], "cookie_secret": SECRET}
    assert _fails({"auth": shared}, "my_idp") == (
        'Auth provider name "my_idp" contains an underscore. Please use a provider name '
        "without underscores."
    )
    assert _fails({"auth": shared}, "google") == (
        "Authentication credentials in `.streamlit/secrets.toml` are missing for the "
        'authentication provider "google". Please check your configuration.'
    )
    assert _fails({"auth": {**shared, "google": "text"}}, "google") == (
        "Authentication credentials in `.streamlit/secrets.toml` for the authentication "
        'provider "google" must be valid TOML. Please check your configuration.'
    )
    assert _fails({"auth": {**shared, "google": {"client_id": "a"}}}, "google") == (
        "Authentication credentials in `.streamlit/secrets.toml` for the authentication "
        "provider \"google\" are missing the following keys: ['client_secret', "
        "'server_metadata_url']. Please check your configuration."
    )
    assert _fails({"auth": {**shared, "client_id": "a"}}) == (
        "Authentication credentials in `.streamlit/secrets.toml` for the default "
        "authentication provider are missing the following keys: ['client_secret', "
        "'server_metadata_url']. Please check your configuration."
    )
    settings.validate({"auth": AUTH}, "default")
    settings.validate({"auth": {**shared, "okta": dict(AUTH)}}, "okta")


def test_redirect_uri_port_and_origin() -> None:
    auth = {"redirect_uri": "http://localhost:{port}/oauth2callback"}
    assert settings.redirect_uri(auth, 8600) == "http://localhost:8600/oauth2callback"
    assert settings.app_origin(auth, 8600) == "http://localhost:8600"
    assert settings.app_origin({"redirect_uri": "not a url"}) is None
    with pytest.raises(StreamlitAuthError, match="Only 'id' and 'access' are allowed"):
        settings.expose_tokens({"expose_tokens": ["id", "refresh"]})
    assert settings.expose_tokens({"expose_tokens": "id"}) == ["id"]


# ---- signing ----


def test_signed_values_refuse_tampering_another_name_or_secret_and_age() -> None:
    signed = signing.sign(SECRET, "a", "value", now=1000)
    assert signing.unsign(SECRET, "a", signed, max_age=60, now=1010) == "value"
    _, stamp, mac = signed.split(".")
    forged = f"{signing.sign(SECRET, 'a', 'other', now=1000).split('.')[0]}.{stamp}.{mac}"
    assert signing.unsign(SECRET, "a", forged, max_age=60, now=1010) is None
    assert signing.unsign(SECRET, "b", signed, max_age=60, now=1010) is None
    assert signing.unsign("another-secret", "a", signed, max_age=60, now=1010) is None
    assert signing.unsign(SECRET, "a", signed, max_age=60, now=1061) is None  # too old
    assert signing.unsign(SECRET, "a", signed, max_age=60, now=900) is None  # from the future
    assert signing.unsign(SECRET, "a", "garbage", max_age=60) is None
    assert signing.unsign("", "a", signed, max_age=60) is None
    with pytest.raises(ValueError):
        signing.sign("", "a", "value")


def test_the_identity_cookie_counts_only_for_its_origin_and_exposes_only_named_tokens() -> None:
    jar = {
        cookies.USER_COOKIE: cookies.encode(
            SECRET,
            cookies.USER_COOKIE,
            {"email": "a@b.c", "origin": ORIGIN, "is_logged_in": True, "provider": "default"},
        ),
        cookies.TOKENS_COOKIE: cookies.encode(
            SECRET, cookies.TOKENS_COOKIE, {"id_token": "ID", "access_token": "ACCESS"}
        ),
    }
    info = cookies.user_info(SECRET, jar, ORIGIN, ["id"])
    assert info == {
        "is_logged_in": True,
        "email": "a@b.c",
        "provider": "default",
        "tokens": {"id": "ID"},
    }
    assert cookies.user_info(SECRET, jar, "http://evil.example", ["id"]) == {}
    assert cookies.user_info(SECRET, jar, None, []) == {}
    assert cookies.user_info("another-secret", jar, ORIGIN, []) == {}
    # The tokens cookie cannot pass for the identity cookie.
    swapped = {cookies.USER_COOKIE: jar[cookies.TOKENS_COOKIE]}
    assert cookies.user_info(SECRET, swapped, ORIGIN, []) == {}


# ---- the script's API (AppTest) ----

APP = """
import sidepane as st

st.write(repr(st.user.to_dict()))
st.write(f"logged in: {st.user.get('is_logged_in')}")
try:
    st.user.email = "x"
except Exception as exc:
    st.write(f"{type(exc).__name__}: {exc}")
try:
    st.user.nope
except AttributeError as exc:
    st.write(f"attribute: {exc}")
try:
    st.user["nope"]
except KeyError as exc:
    st.write(f"key: {exc.args[0]}")
if st.button("in"):
    st.login()
if st.button("out"):
    st.logout()
    st.write(f"after: {st.user.to_dict()}")
"""


def _texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_st_user_in_apptest_as_streamlits_default_and_read_only() -> None:
    at = AppTest.from_string(APP).run()
    texts = _texts(at)
    assert texts[:2] == ["{'email': 'test@example.com'}", "logged in: None"]
    # (Sidepane's StreamlitAPIException is named SidepaneAPIException.)
    assert texts[2].endswith("APIException: st.user cannot be modified")
    assert texts[3:5] == [
        'attribute: st.user has no attribute "nope".',
        'key: st.user has no key "nope".',
    ]


def test_with_auth_configured_st_user_says_logged_out_and_logout_empties_it() -> None:
    at = AppTest.from_string(APP)
    at.secrets["auth"] = dict(AUTH)
    at.user = {}
    at.run()
    assert _texts(at)[:2] == ["{'is_logged_in': False}", "logged in: False"]

    at.user = {"is_logged_in": True, "email": "a@b.c", "name": "A"}
    at.run()
    assert _texts(at)[:2] == [
        "{'is_logged_in': True, 'email': 'a@b.c', 'name': 'A'}",
        "logged in: True",
    ]
    mine = at.user
    at.button[1].click().run()
    assert _texts(at)[-1] == "after: {'is_logged_in': False}"
    assert at.user == {"is_logged_in": False}
    assert mine["email"] == "a@b.c"  # the test's own dict is left as it was
    redirect = [f for f in at.frames if f.get("t") == "auth_redirect"]
    assert redirect[-1]["url"] == "/auth/logout"
    assert redirect[-1]["app_url"] == ORIGIN + "/"


def test_login_sends_the_browser_to_the_login_route_with_a_signed_provider() -> None:
    at = AppTest.from_string(APP)
    at.secrets["auth"] = dict(AUTH)
    at.run()
    at.button[0].click().run()
    assert not at.exception
    redirect = [f for f in at.frames if f.get("t") == "auth_redirect"][-1]
    url = urlsplit(redirect["url"])
    assert url.path == "/auth/login"
    token = parse_qs(url.query)["provider"][0]
    assert (
        signing.unsign(
            SECRET, cookies.PROVIDER_TOKEN, token, max_age=cookies.PROVIDER_TOKEN_MAX_AGE
        )
        == "default"
    )
    assert redirect["app_url"] == ORIGIN + "/"


def test_login_without_auth_is_streamlits_error() -> None:
    at = AppTest.from_string("import sidepane as st\nst.login('okta')\n").run()
    assert at.exception[0].value.startswith(
        "To use authentication features you need to configure credentials"
    )


# ---- the server's routes ----

CLAIMS_APP = """
import sidepane as st
st.write(f"user: {st.user.to_dict()}")
"""


def _secrets_file(folder: Path, port: int | str = "{port}") -> None:
    path = folder / ".streamlit" / "secrets.toml"
    path.parent.mkdir(exist_ok=True)
    lines = [f'{k} = "{v}"' for k, v in AUTH.items() if k != "redirect_uri"]
    path.write_text(
        "[auth]\n"
        + f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        + "\n".join(lines)
        + "\n"
    )


async def _first_body(server: Any, **headers: str) -> str:
    async with open_tab(server, **headers) as tab:
        await tab.send("hello", v=PROTOCOL_VERSION)
        found = await tab.until(lambda f: f["t"] == "upsert" and "user:" in f["props"]["body"])
        return str(found["props"]["body"])


@async_test
async def test_a_websocket_reads_a_valid_cookie_from_its_own_origin_only(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    _secrets_file(app)
    async with serving(app, CLAIMS_APP) as server:
        origin = f"http://127.0.0.1:{server.port}"
        user = {"email": "a@b.c", "origin": origin, "is_logged_in": True, "provider": "default"}
        good = cookies.encode(SECRET, cookies.USER_COOKIE, user)
        jar = f"{cookies.USER_COOKIE}={good}"
        body = await _first_body(server, Origin=origin, Cookie=jar)
        assert body == (
            "user: {'is_logged_in': True, 'email': 'a@b.c', 'provider': 'default', 'tokens': {}}"
        )
        # Another origin (the cookie was issued for this app's), a forged cookie, none at all.
        other = f"http://localhost:{server.port}"
        assert await _first_body(server, Origin=other, Cookie=jar) == (
            "user: {'is_logged_in': False}"
        )
        forged = cookies.encode("not-the-secret", cookies.USER_COOKIE, user)
        forged_jar = f"{cookies.USER_COOKIE}={forged}"
        assert await _first_body(server, Origin=origin, Cookie=forged_jar) == (
            "user: {'is_logged_in': False}"
        )
        assert await _first_body(server, Origin=origin) == "user: {'is_logged_in': False}"


async def _get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str], list[str]]:
    headers = {"Cookie": cookie} if cookie else {}
    async with (
        aiohttp.ClientSession() as http,
        http.get(url, allow_redirects=False, headers=headers) as r,
    ):
        return r.status, dict(r.headers), r.headers.getall("Set-Cookie", [])


@async_test
async def test_the_routes_refuse_forged_expired_and_stale_requests(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    _secrets_file(app)
    async with serving(app, CLAIMS_APP) as server:
        base = server.url
        # A provider token not signed with the cookie secret, or too old: back to the app.
        forged = signing.sign("not-the-secret", cookies.PROVIDER_TOKEN, "default")
        status, headers, _ = await _get(f"{base}/auth/login?provider={forged}")
        assert (status, headers["Location"]) == (302, "/")
        old = signing.sign(SECRET, cookies.PROVIDER_TOKEN, "default", now=0)
        status, headers, _ = await _get(f"{base}/auth/login?provider={old}")
        assert (status, headers["Location"]) == (302, "/")
        # A valid one goes to the provider; this one is unreachable: an error, no traceback.
        valid = signing.sign(SECRET, cookies.PROVIDER_TOKEN, "default")
        status, _, _ = await _get(f"{base}/auth/login?provider={valid}")
        assert status == 400

        # A callback with no login request behind it (replayed, or forged) signs nobody in.
        status, headers, set_cookies = await _get(f"{base}/oauth2callback?code=c&state=s")
        assert (status, headers["Location"]) == (302, "/")
        assert not any(c.startswith(cookies.USER_COOKIE + "=") and "Max-Age=0" not in c
                       for c in set_cookies)  # fmt: skip
        pending = {"provider": "default", "state": "other", "nonce": "n", "code_verifier": None}
        flow = cookies.encode(SECRET, cookies.FLOW_COOKIE, pending)
        status, headers, set_cookies = await _get(
            f"{base}/oauth2callback?code=c&state=s", f"{cookies.FLOW_COOKIE}={flow}"
        )
        assert (status, headers["Location"]) == (302, "/")
        assert not any(c.startswith(cookies.USER_COOKIE + "=") and "Max-Age=0" not in c
                       for c in set_cookies)  # fmt: skip
        # The provider's error: logged, back to the app.
        status, headers, _ = await _get(f"{base}/oauth2callback?error=access_denied")
        assert (status, headers["Location"]) == (302, "/")

        # Logout clears both cookies (HttpOnly, expired) even without a provider to tell.
        status, headers, set_cookies = await _get(f"{base}/auth/logout")
        assert (status, headers["Location"]) == (302, "/")
        cleared = {c.split("=", 1)[0] for c in set_cookies if "Max-Age=0" in c}
        assert cleared == {cookies.USER_COOKIE, cookies.TOKENS_COOKIE}


# ---- the ID token ----


def _id_token(key: Any, **claims: Any) -> str:
    from joserfc import jwt

    now = int(time.time())
    payload = {
        "iss": "http://idp",
        "aud": "the-client",
        "sub": "u1",
        "iat": now,
        "exp": now + 300,
        "nonce": "n1",
        "email": "a@b.c",
        **claims,
    }
    return jwt.encode({"alg": "RS256", "kid": "k1"}, payload, key)


def test_the_id_token_is_verified_before_its_claims_count() -> None:
    pytest.importorskip("joserfc")  # Authlib>=1.6's JOSE library (signs the test tokens)
    from joserfc.jwk import RSAKey

    key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    jwks = {"keys": [key.as_dict(private=False)]}
    meta = {"issuer": "http://idp", "id_token_signing_alg_values_supported": ["RS256"]}

    def claims(token: str, nonce: str = "n1") -> dict[str, Any]:
        return oidc.verified_claims(
            {"id_token": token}, jwks, meta, client_id="the-client", nonce=nonce
        )

    assert claims(_id_token(key))["email"] == "a@b.c"
    refused = [
        _id_token(key, nonce="another"),  # replayed from another sign-in
        _id_token(key, aud="another-client"),
        _id_token(key, iss="http://another-idp"),
        _id_token(key, exp=int(time.time()) - 3600),
        _id_token(RSAKey.generate_key(2048, parameters={"kid": "k1"})),  # not the provider's key
    ]
    for token in refused:
        with pytest.raises(oidc.SignInError):
            claims(token)
    # Authlib before 1.6 (no joserfc) verifies with its own JOSE module: same answer.
    # (That module warns it is deprecated when imported, past any filter: recorded, not shown.)
    with warnings.catch_warnings(record=True):
        verified, header = oidc._decode_jws_legacy(_id_token(key), jwks, ["RS256"])
        assert (verified["email"], header["kid"]) == ("a@b.c", "k1")
        with pytest.raises(oidc.SignInError):
            oidc._decode_jws_legacy(_id_token(key), jwks, ["ES256"])


def test_without_authlib_login_says_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "authlib", None)  # what `import authlib` then raises for
    at = AppTest.from_string("import sidepane as st\nst.login()\n")
    at.secrets["auth"] = dict(AUTH)
    at.run()
    assert at.exception[0].value == (
        'Authentication requires Authlib>=1.3.2. Install it via `pip install "Authlib>=1.3.2"`.'
    )


def test_the_sign_in_cookies_stay_within_what_browsers_and_the_server_take() -> None:
    assert cookies.fits(cookies.USER_COOKIE, "x" * 3000)
    assert not cookies.fits(cookies.USER_COOKIE, "x" * 4000)  # a browser drops it
    # Both cookies come with every request: together they stay under aiohttp's header limit.
    assert not cookies.fits(cookies.TOKENS_COOKIE, "x" * 3500, besides=3500)
    assert cookies.fits(cookies.TOKENS_COOKIE, "x" * 2500, besides=3500)
