"""`st.login`, `st.logout` and `st.user`, as in Streamlit 1.67."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import quote

from sidepane.auth import cookies, settings, signing
from sidepane.errors import StreamlitAPIException, StreamlitSecretNotFoundError
from sidepane.runtime.context import get_run_context

if TYPE_CHECKING:
    from sidepane.runtime.context import RunContext

LOGIN_ROUTE = "/auth/login"
LOGOUT_ROUTE = "/auth/logout"


def _secrets(ctx: RunContext) -> Mapping[str, Any] | None:
    try:
        return ctx.session.app.secrets.load((ctx.session.id, ctx.run))
    except StreamlitSecretNotFoundError:
        return None


def _app_url(auth: Mapping[str, Any]) -> str | None:
    origin = settings.app_origin(auth)
    return None if origin is None or "{port}" in origin else origin + "/"


def login(provider: str | None = None) -> None:
    """Start signing the user in with an OpenID Connect provider.

    The browser goes to the provider's sign-in page; once the person has signed in, they come
    back to the app's home page in a new session, and ``st.user`` holds the claims of their
    identity token (``st.user.email``, ``st.user.name``…). A cookie signed with
    ``cookie_secret`` keeps them signed in for 30 days; no token reaches the page.

    Configure the provider in ``.streamlit/secrets.toml``. ``redirect_uri`` (the app's URL with
    the path ``/oauth2callback``, e.g. ``http://localhost:8501/oauth2callback``) and
    ``cookie_secret`` (a long random string) go in ``[auth]``; ``client_id``, ``client_secret``
    and ``server_metadata_url`` go in ``[auth]`` too for the default provider, or in an
    ``[auth.<provider>]`` table for a named one. ``client_kwargs`` passes OpenID parameters
    (by default ``scope = "openid email profile"`` and ``prompt = "select_account"``); ``state``,
    ``nonce`` and PKCE are handled for you. Requires ``Authlib>=1.3.2``.

    In the VS Code panel, sign-in cannot happen (the panel holds no cookies): the panel says so
    and offers to open the app in the browser.

    Parameters
    ----------
    provider : str or None
        The name of an ``[auth.<provider>]`` table (no underscores), or None for the settings in
        ``[auth]`` itself.

    Example
    -------
    >>> import streamlit as st
    >>>
    >>> if not st.user.is_logged_in:
    ...     if st.button("Log in"):
    ...         st.login()
    ... else:
    ...     if st.button("Log out"):
    ...         st.logout()
    ...     st.write(f"Hello, {st.user.name}!")
    """
    name = "default" if provider is None else provider
    ctx = get_run_context()
    if ctx is None:
        return
    settings.require_authlib()
    secrets = _secrets(ctx)
    settings.validate(secrets, name)
    auth = settings.auth_section(secrets)
    secret = settings.cookie_secret(auth)
    if secret is None:  # validate() checked the key is there; an empty value signs nothing
        raise StreamlitAPIException("`cookie_secret` in `[auth]` must not be empty.")
    token = signing.sign(secret, cookies.PROVIDER_TOKEN, name)
    ctx.session.writer.auth_redirect(f"{LOGIN_ROUTE}?provider={quote(token)}", _app_url(auth))


def logout() -> None:
    """Sign the user out: ``st.user`` is emptied and the identity cookie deleted.

    The browser goes through the server's logout route, which also signs out at the provider
    when it supports it (OpenID's ``end_session_endpoint``), and back to the app's home page in a
    new session. Other tabs already open keep their ``st.user`` until they reload.

    Example
    -------
    >>> import streamlit as st
    >>>
    >>> if st.user.is_logged_in and st.button("Log out"):
    ...     st.logout()
    """
    ctx = get_run_context()
    if ctx is None:
        return
    info = ctx.session.user_info
    had_flag = "is_logged_in" in info
    info.clear()
    if had_flag:  # the rest of this run reads a signed-out user
        info["is_logged_in"] = False
    ctx.session.writer.auth_redirect(LOGOUT_ROUTE, _app_url(settings.auth_section(_secrets(ctx))))


def _user_info() -> dict[str, Any]:
    ctx = get_run_context()
    if ctx is None:
        return {}
    info = dict(ctx.session.user_info)
    if "is_logged_in" not in info and settings.auth_section(_secrets(ctx)):
        info["is_logged_in"] = False
    return info


class TokensProxy(Mapping[str, str]):
    """``st.user.tokens``: the provider's tokens that ``[auth] expose_tokens`` names, read-only.

    ``expose_tokens = "id"`` (or ``["id", "access"]``) in ``[auth]`` exposes the identity token
    (``st.user.tokens.id``) and the access token (``st.user.tokens["access"]``); without it,
    this mapping is empty. Tokens are credentials: use them for server-side calls only.
    """

    _tokens: dict[str, str]

    def __init__(self, tokens: Mapping[str, str]) -> None:
        object.__setattr__(self, "_tokens", dict(tokens))

    def __getitem__(self, key: str) -> str:
        return self._tokens[key]

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self._tokens[key]
        except KeyError:
            raise AttributeError(f'Token "{key}" is not exposed or does not exist.') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user.tokens cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user.tokens cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __repr__(self) -> str:
        return f"TokensProxy({sorted(self._tokens)})"  # names only: never print a token

    def to_dict(self) -> dict[str, str]:
        """The exposed tokens as a plain dict."""
        return dict(self._tokens)


class UserInfoProxy(Mapping[str, Any]):
    """``st.user``: who is signed in, read-only, by key (``st.user["email"]``) or attribute
    (``st.user.email``).

    With ``[auth]`` configured, ``st.user.is_logged_in`` says whether someone signed in with
    ``st.login()``, and the other keys are the claims of their identity token (``email``,
    ``name``, ``sub``…, as the provider sends them). Without ``[auth]``, ``st.user`` is empty.
    A missing key raises KeyError (AttributeError for attribute access).
    """

    def __getitem__(self, key: str) -> Any:
        if key == "tokens":
            return self.tokens
        try:
            return _user_info()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return _user_info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        raise StreamlitAPIException("st.user cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(_user_info())

    def __len__(self) -> int:
        return len(_user_info())

    def __repr__(self) -> str:
        return repr(_user_info())

    def to_dict(self) -> dict[str, Any]:
        """The user's information as a plain dict."""
        return _user_info()

    @property
    def tokens(self) -> TokensProxy:
        """The provider's tokens that ``[auth] expose_tokens`` names (see TokensProxy)."""
        tokens = _user_info().get("tokens")
        return TokensProxy(tokens if isinstance(tokens, Mapping) else {})


user = UserInfoProxy()
