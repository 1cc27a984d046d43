"""The OpenID Connect authorization code flow, with Authlib's pieces over aiohttp.

Authlib builds the authorization URL (state, nonce, PKCE S256 when the provider offers it, the
`prompt` and other authorize parameters of `client_kwargs`), authenticates the client at the token
endpoint and validates the ID token's claims (issuer, audience, expiry, nonce, at_hash); the HTTP
calls go through aiohttp's client (loaded only for a sign-in), since Authlib's async clients need
httpx.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

import aiohttp

from sidepane.auth import settings
from sidepane.errors import StreamlitAuthError

DEFAULT_SCOPE = "openid email profile"
DEFAULT_PROMPT = "select_account"
_HTTP_TIMEOUT = aiohttp.ClientTimeout(total=15)
# A provider's metadata changes rarely; a sign-in reads it twice (login, callback).
_METADATA_TTL = 300.0
_metadata_cache: dict[str, tuple[float, dict[str, Any]]] = {}


class SignInError(Exception):
    """The provider refused or answered something we cannot trust (logged, never shown)."""


# What a sign-in may raise: its settings, the provider's answers, the calls to the provider.
ERRORS: tuple[type[Exception], ...] = (
    StreamlitAuthError,
    SignInError,
    aiohttp.ClientError,
    TimeoutError,
)


class PendingSignIn(TypedDict):
    """What the callback needs from the login request, kept in a signed cookie between them."""

    provider: str
    state: str
    nonce: str
    code_verifier: str | None


@dataclass(frozen=True)
class Provider:
    """One provider's settings: `[auth.<name>]`, or `[auth]` itself for the default one."""

    name: str
    client_id: str
    client_secret: str
    server_metadata_url: str
    client_kwargs: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_secrets(cls, secrets: Mapping[str, Any] | None, name: str) -> Provider:
        """The provider `name` configured in the secrets (StreamlitAuthError when it is not)."""
        settings.validate(secrets, name)
        section = settings.provider_section(settings.auth_section(secrets), name) or {}
        kwargs = section.get("client_kwargs") or {}
        if not isinstance(kwargs, Mapping):
            raise StreamlitAuthError(
                f'`client_kwargs` of the authentication provider "{name}" must be a table.'
            )
        return cls(
            name=name,
            client_id=str(section["client_id"]),
            client_secret=str(section["client_secret"]),
            server_metadata_url=str(section["server_metadata_url"]),
            client_kwargs=dict(kwargs),
        )


def _client(provider: Provider, redirect_uri: str, metadata: Mapping[str, Any]) -> Any:
    from authlib.oauth2.client import OAuth2Client

    kwargs = dict(provider.client_kwargs)
    scope = kwargs.pop("scope", DEFAULT_SCOPE)
    kwargs.setdefault("prompt", DEFAULT_PROMPT)
    method = kwargs.pop("code_challenge_method", None)
    if method is None and "S256" in (metadata.get("code_challenge_methods_supported") or []):
        method = "S256"  # PKCE whenever the provider supports it, as Streamlit enforces
    # No HTTP session: this client only builds requests; aiohttp sends them.
    return OAuth2Client(
        None,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        scope=scope,
        redirect_uri=redirect_uri,
        code_challenge_method=method,
        **kwargs,
    )


async def _get_json(http: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    async with http.get(url, headers={"Accept": "application/json"}) as response:
        if response.status != 200:
            raise SignInError(f"GET {url} answered HTTP {response.status}")
        data = await response.json(content_type=None)
    if not isinstance(data, dict):
        raise SignInError(f"GET {url} did not answer a JSON object")
    return data


async def load_metadata(http: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    """The provider's discovery document (`server_metadata_url`), cached a few minutes."""
    cached = _metadata_cache.get(url)
    if cached is not None and time.monotonic() - cached[0] < _METADATA_TTL:
        return cached[1]
    metadata = await _get_json(http, url)
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(metadata.get(key), str):
            raise SignInError(f'the provider\'s metadata at {url} has no "{key}"')
    _metadata_cache[url] = (time.monotonic(), metadata)
    return metadata


def http_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=_HTTP_TIMEOUT)


async def begin(
    http: aiohttp.ClientSession, provider: Provider, redirect_uri: str
) -> tuple[str, PendingSignIn]:
    """The provider's authorization URL to send the browser to, and what the callback checks."""
    from authlib.common.security import generate_token

    metadata = await load_metadata(http, provider.server_metadata_url)
    client = _client(provider, redirect_uri, metadata)
    code_verifier = generate_token(48) if client.code_challenge_method else None
    nonce = generate_token(20)
    url, state = client.create_authorization_url(
        metadata["authorization_endpoint"], code_verifier=code_verifier, nonce=nonce
    )
    return url, PendingSignIn(
        provider=provider.name, state=state, nonce=nonce, code_verifier=code_verifier
    )


async def finish(
    http: aiohttp.ClientSession,
    provider: Provider,
    redirect_uri: str,
    pending: PendingSignIn,
    code: str,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Exchange the code for tokens and validate the ID token: its claims, and the tokens."""
    from authlib.oauth2.rfc6749.parameters import prepare_token_request

    metadata = await load_metadata(http, provider.server_metadata_url)
    client = _client(provider, redirect_uri, metadata)
    fields: dict[str, Any] = {"code": code, "redirect_uri": redirect_uri}
    if pending["code_verifier"]:
        fields["code_verifier"] = pending["code_verifier"]
    body = prepare_token_request("authorization_code", **fields)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "Accept": "application/json",
    }
    auth = client.client_auth(client.token_endpoint_auth_method)
    url, headers, body = auth.prepare("POST", metadata["token_endpoint"], headers, body)
    async with http.post(url, data=body, headers=headers) as response:
        token = await response.json(content_type=None)
        if response.status != 200 or not isinstance(token, dict) or "error" in token:
            error = token.get("error") if isinstance(token, dict) else None
            raise SignInError(f"the token endpoint answered HTTP {response.status} ({error})")
    if not isinstance(token.get("id_token"), str):
        raise SignInError("the provider returned no ID token (is `openid` in the scope?)")
    claims = await _validate_id_token(http, provider, metadata, token, pending["nonce"])
    tokens = {k: token[k] for k in ("id_token", "access_token") if isinstance(token.get(k), str)}
    return claims, tokens


async def _validate_id_token(
    http: aiohttp.ClientSession,
    provider: Provider,
    metadata: Mapping[str, Any],
    token: Mapping[str, Any],
    nonce: str,
) -> dict[str, Any]:
    jwks = await _get_json(http, metadata["jwks_uri"])
    return verified_claims(token, jwks, metadata, client_id=provider.client_id, nonce=nonce)


def verified_claims(
    token: Mapping[str, Any],
    jwks: Mapping[str, Any],
    metadata: Mapping[str, Any],
    *,
    client_id: str,
    nonce: str,
) -> dict[str, Any]:
    """The ID token's claims once its signature (by a key of `jwks`, with an algorithm the
    provider lists), issuer, audience, expiry, nonce and at_hash hold; else SignInError."""
    from authlib.oidc.core import CodeIDToken

    algorithms = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    try:
        claims, header = _decode_jws(token["id_token"], jwks, list(algorithms))
        params: dict[str, Any] = {"nonce": nonce, "client_id": client_id}
        if "access_token" in token:
            params["access_token"] = token["access_token"]
        options = {"iss": {"values": [metadata["issuer"]]}} if "issuer" in metadata else None
        checked = CodeIDToken(claims, header, options, params)
        checked.validate(leeway=120)
    except SignInError:
        raise
    except Exception as exc:  # Authlib's and joserfc's errors share no base we can name
        raise SignInError(f"the ID token is not valid: {exc}") from exc
    return dict(checked)


def _decode_jws(
    id_token: str, jwks: Mapping[str, Any], algorithms: list[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ID token's verified claims and header (joserfc, or Authlib's older JOSE module)."""
    try:
        from joserfc import jwt
        from joserfc.jwk import KeySet
        from joserfc.jws import JWSRegistry
    except ImportError:  # Authlib before 1.6 came without joserfc
        return _decode_jws_legacy(id_token, jwks, algorithms)
    registry = JWSRegistry(algorithms=algorithms, strict_check_header=False)
    verified = jwt.decode(id_token, KeySet.import_key_set(dict(jwks)), registry=registry)  # type: ignore[arg-type]
    return dict(verified.claims), dict(verified.header)


def _decode_jws_legacy(
    id_token: str, jwks: Mapping[str, Any], algorithms: list[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    from authlib.jose import JsonWebKey
    from authlib.jose import jwt as legacy_jwt

    decoded = legacy_jwt.decode(id_token, JsonWebKey.import_key_set(dict(jwks)))
    if decoded.header.get("alg") not in algorithms:
        raise SignInError("the ID token is signed with an algorithm the provider does not list")
    return dict(decoded), dict(decoded.header)


async def end_session_url(
    http: aiohttp.ClientSession,
    provider: Provider,
    post_logout_redirect_uri: str,
    id_token: str | None,
) -> str | None:
    """The provider's RP-initiated logout URL, or None when it has no `end_session_endpoint`."""
    from authlib.common.urls import add_params_to_uri

    metadata = await load_metadata(http, provider.server_metadata_url)
    endpoint = metadata.get("end_session_endpoint")
    if not isinstance(endpoint, str):
        return None
    params = [
        ("client_id", provider.client_id),
        ("post_logout_redirect_uri", post_logout_redirect_uri),
    ]
    if id_token:
        params.append(("id_token_hint", id_token))
    return str(add_params_to_uri(endpoint, params))
