"""The sign-in routes of `sidepane run`: `/auth/login`, `/oauth2callback` and `/auth/logout`.

`st.login()` sends the browser to `/auth/login?provider=<signed name>`, which redirects to the
provider; the provider sends it back to `/oauth2callback`, which exchanges the code, validates the
ID token and keeps the claims in a signed, HttpOnly cookie (no token ever reaches the page), then
returns to the app, whose new WebSocket reads the cookie into `st.user`. `/auth/logout` clears
the cookies and, when the provider supports it, signs out there too. Any failure is logged and
ends on the app's page, signed out: the person never sees a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from sidepane.auth import cookies, settings, signing
from sidepane.errors import StreamlitAuthError, StreamlitSecretNotFoundError
from sidepane.runtime.app import App
from sidepane.servers.web.http_messages import Request, Response, redirect, set_cookie, text
from sidepane.servers.web.page import base_path

if TYPE_CHECKING:
    from sidepane.auth import oidc

log = logging.getLogger("sidepane.auth")

LOGIN_PATH = "/auth/login"
LOGOUT_PATH = "/auth/logout"


class AuthRoutes:
    """The routes for one app; `port` is read when a request comes (the server binds late)."""

    def __init__(self, app: App, port: Callable[[], int]) -> None:
        self._app = app
        self._port = port

    def route(self, path: str) -> Callable[[Request], Awaitable[Response]] | None:
        """The handler of `path` (under the base path), if it is one of these routes."""
        return {
            LOGIN_PATH: self.login,
            LOGOUT_PATH: self.logout,
            settings.CALLBACK_PATH: self.callback,
        }.get(path)

    # ---- settings ----

    def _secrets(self) -> Mapping[str, Any] | None:
        try:
            return self._app.secrets.load()
        except StreamlitSecretNotFoundError:
            return None

    def _auth(self) -> Mapping[str, Any]:
        return settings.auth_section(self._secrets())

    def user_info(self, request: Request) -> dict[str, Any]:
        """`st.user` for a WebSocket opened by `request` (its cookies and `Origin`)."""
        auth = self._auth()
        secret = settings.cookie_secret(auth)
        if secret is None or cookies.USER_COOKIE not in request.cookies:
            return {}
        try:
            expose = settings.expose_tokens(auth)
        except StreamlitAuthError as exc:
            log.warning("%s", exc)
            expose = []
        return cookies.user_info(secret, request.cookies, request.headers.get("Origin"), expose)

    # ---- routes ----

    async def login(self, request: Request) -> Response:
        auth = self._auth()
        secret = settings.cookie_secret(auth)
        token = request.query.get("provider")
        name = (
            signing.unsign(
                secret, cookies.PROVIDER_TOKEN, token, max_age=cookies.PROVIDER_TOKEN_MAX_AGE
            )
            if secret and token
            else None
        )
        if secret is None or name is None:
            return self._to_app()
        redirect_uri = settings.redirect_uri(auth, self._port())
        from sidepane.auth import oidc  # brings aiohttp and Authlib: only when one signs in

        try:
            settings.require_authlib()
            provider = oidc.Provider.from_secrets(self._secrets(), name)
            assert redirect_uri is not None  # validate() requires it
            async with oidc.http_session() as http:
                url, pending = await oidc.begin(http, provider, redirect_uri)
        except oidc.ERRORS as exc:
            log.warning("sign-in with %r could not start: %s", name, exc)
            return text("Authentication error", 400)
        response = _redirect(url)
        set_cookie(
            response,
            cookies.FLOW_COOKIE,
            cookies.encode(secret, cookies.FLOW_COOKIE, pending),
            max_age=cookies.FLOW_MAX_AGE,
        )
        return response

    async def callback(self, request: Request) -> Response:
        auth = self._auth()
        secret = settings.cookie_secret(auth)
        response = self._to_app()
        set_cookie(response, cookies.FLOW_COOKIE, "", max_age=0)
        origin = settings.app_origin(auth, self._port())
        if secret is None or origin is None:
            log.error("sign-in: `redirect_uri` and `cookie_secret` are needed in [auth]")
            return response
        if "error" in request.query:
            log.error(
                "error during authentication: %s. Error description: %s",
                _one_line(request.query["error"]),
                _one_line(request.query.get("error_description", "")),
            )
            return response
        pending = cookies.decode(
            secret,
            cookies.FLOW_COOKIE,
            request.cookies.get(cookies.FLOW_COOKIE),
            cookies.FLOW_MAX_AGE,
        )
        state, code = request.query.get("state"), request.query.get("code")
        if pending is None or not state or pending.get("state") != state or not code:
            # A stale or replayed callback (the back button), or the end of a provider logout.
            if state or code:
                log.warning("sign-in: a callback without a matching login request was ignored")
            return response
        redirect_uri = settings.redirect_uri(auth, self._port())
        from sidepane.auth import oidc  # brings aiohttp and Authlib: only when one signs in

        try:
            provider = oidc.Provider.from_secrets(self._secrets(), str(pending["provider"]))
            assert redirect_uri is not None
            async with oidc.http_session() as http:
                claims, tokens = await oidc.finish(
                    http, provider, redirect_uri, _pending(pending), code
                )
        except oidc.ERRORS as exc:
            log.warning("sign-in with %r failed: %s", pending.get("provider"), exc)
            _clear_user(response)
            return response
        user = {**claims, "origin": origin, "is_logged_in": True, "provider": provider.name}
        user_value = cookies.encode(secret, cookies.USER_COOKIE, user)
        if not cookies.fits(cookies.USER_COOKIE, user_value):
            log.error("sign-in: the provider's claims are too large for a cookie")
            return response
        set_cookie(response, cookies.USER_COOKIE, user_value, max_age=cookies.USER_MAX_AGE)
        tokens_value = cookies.encode(secret, cookies.TOKENS_COOKIE, tokens)
        if cookies.fits(cookies.TOKENS_COOKIE, tokens_value, besides=len(user_value)):
            set_cookie(response, cookies.TOKENS_COOKIE, tokens_value, max_age=cookies.USER_MAX_AGE)
        else:
            log.warning("sign-in: the provider's tokens are too large for a cookie; not kept")
            set_cookie(response, cookies.TOKENS_COOKIE, "", max_age=0)
        return response

    async def logout(self, request: Request) -> Response:
        target = await self._provider_logout_url(request)
        response = _redirect(target or self._home())
        _clear_user(response)
        return response

    async def _provider_logout_url(self, request: Request) -> str | None:
        auth = self._auth()
        secret = settings.cookie_secret(auth)
        if secret is None:
            return None
        user = cookies.decode(
            secret,
            cookies.USER_COOKIE,
            request.cookies.get(cookies.USER_COOKIE),
            cookies.USER_MAX_AGE,
        )
        redirect_uri = settings.redirect_uri(auth, self._port())
        if not user or not user.get("provider") or redirect_uri is None:
            return None
        if not redirect_uri.endswith(settings.CALLBACK_PATH):
            log.warning("Redirect URI does not end with %s", settings.CALLBACK_PATH)
            return None
        tokens = (
            cookies.decode(
                secret,
                cookies.TOKENS_COOKIE,
                request.cookies.get(cookies.TOKENS_COOKIE),
                cookies.USER_MAX_AGE,
            )
            or {}
        )
        id_token = tokens.get("id_token")
        from sidepane.auth import oidc  # brings aiohttp and Authlib: only when one signs in

        try:
            provider = oidc.Provider.from_secrets(self._secrets(), str(user["provider"]))
            async with oidc.http_session() as http:
                return await oidc.end_session_url(
                    http, provider, redirect_uri, id_token if isinstance(id_token, str) else None
                )
        except oidc.ERRORS as exc:
            log.warning("failed to get the provider's logout URL: %s", exc)
            return None

    def _home(self) -> str:
        """The app's own address on this server (under `server.baseUrlPath`)."""
        return base_path(self._app.config.get("server.baseUrlPath")) + "/"

    def _to_app(self) -> Response:
        return _redirect(self._home())


def _redirect(url: str) -> Response:
    return redirect(url, {"Cache-Control": "no-store"})


def _pending(value: Mapping[str, Any]) -> oidc.PendingSignIn:
    from sidepane.auth import oidc

    verifier = value.get("code_verifier")
    return oidc.PendingSignIn(
        provider=str(value.get("provider")),
        state=str(value.get("state")),
        nonce=str(value.get("nonce")),
        code_verifier=verifier if isinstance(verifier, str) else None,
    )


def _one_line(text: str) -> str:
    return text.replace("\n", "").replace("\r", "")


def _clear_user(response: Response) -> None:
    for name in (cookies.USER_COOKIE, cookies.TOKENS_COOKIE):
        set_cookie(response, name, "", max_age=0)
