"""The `[auth]` section of the secrets, checked with Streamlit 1.67's messages.

Every function takes the loaded secrets (a plain mapping), so the script's API (`st.login`) and
the server's routes read the same files through the app's `SecretsStore`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from sidepane.errors import StreamlitAuthError, StreamlitMissingAuthlibError

DEFAULT_PROVIDER = "default"
# What a provider section needs (1.67's `validate_auth_credentials`).
REQUIRED_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
CALLBACK_PATH = "/oauth2callback"
_NOT_CONFIGURED = (
    "To use authentication features you need to configure credentials for at least one "
    "authentication provider in `.streamlit/secrets.toml`."
)
_DEFAULT_SECTION_KEYS = (*REQUIRED_PROVIDER_KEYS, "client_kwargs", "expose_tokens")


def require_authlib() -> None:
    """Raise Streamlit's "install Authlib" error unless Authlib>=1.3.2 can be imported."""
    try:
        import authlib
    except ImportError:
        raise StreamlitMissingAuthlibError() from None
    try:
        version = tuple(int(part) for part in authlib.__version__.split(".")[:3])
    except ValueError:
        return  # a development build: its version says nothing we can compare
    if version < (1, 3, 2):
        raise StreamlitMissingAuthlibError()


def auth_section(secrets: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """`[auth]`, or an empty mapping when there is none (or no secrets at all)."""
    section = (secrets or {}).get("auth")
    return section if isinstance(section, Mapping) else {}


def provider_section(auth: Mapping[str, Any], provider: str) -> Mapping[str, Any] | None:
    """`[auth.<provider>]`; for the default provider, the provider keys of `[auth]` itself."""
    section = auth.get(provider)
    if section is None and provider == DEFAULT_PROVIDER:
        return {key: auth[key] for key in _DEFAULT_SECTION_KEYS if auth.get(key)}
    return section


def validate(secrets: Mapping[str, Any] | None, provider: str) -> None:
    """Check `[auth]` and the provider's section, raising StreamlitAuthError as 1.67 does."""
    if secrets is None or not isinstance(secrets.get("auth"), Mapping):
        raise StreamlitAuthError(_NOT_CONFIGURED)
    auth = auth_section(secrets)
    for key in ("redirect_uri", "cookie_secret"):
        if key not in auth:
            raise StreamlitAuthError(
                f'Authentication credentials in `.streamlit/secrets.toml` are missing the "{key}" '
                "key. Please check your configuration."
            )
    if "_" in provider:
        raise StreamlitAuthError(
            f'Auth provider name "{provider}" contains an underscore. Please use a provider '
            "name without underscores."
        )
    section = provider_section(auth, provider)
    if section is None:
        raise StreamlitAuthError(
            "Authentication credentials in `.streamlit/secrets.toml` are missing for the "
            f'authentication provider "{provider}". Please check your configuration.'
        )
    if not isinstance(section, Mapping):
        raise StreamlitAuthError(
            "Authentication credentials in `.streamlit/secrets.toml` for the authentication "
            f'provider "{provider}" must be valid TOML. Please check your configuration.'
        )
    missing = [key for key in REQUIRED_PROVIDER_KEYS if key not in section]
    if missing:
        who = (
            "default authentication provider"
            if provider == DEFAULT_PROVIDER
            else f'authentication provider "{provider}"'
        )
        raise StreamlitAuthError(
            f"Authentication credentials in `.streamlit/secrets.toml` for the {who} are missing "
            f"the following keys: {missing}. Please check your configuration."
        )


def redirect_uri(auth: Mapping[str, Any], port: int | None = None) -> str | None:
    """`redirect_uri`, with `{port}` replaced by the server's port when given."""
    uri = auth.get("redirect_uri")
    if not isinstance(uri, str):
        return None
    if "{port}" in uri and port is not None:
        uri = uri.replace("{port}", str(port))
    return uri


def app_origin(auth: Mapping[str, Any], port: int | None = None) -> str | None:
    """`scheme://host:port` of `redirect_uri`: where the app is reached in a browser."""
    uri = redirect_uri(auth, port)
    if uri is None:
        return None
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def cookie_secret(auth: Mapping[str, Any]) -> str | None:
    """The secret that signs the identity cookie: `[auth] cookie_secret`."""
    secret = auth.get("cookie_secret")
    return str(secret) if secret else None


def expose_tokens(auth: Mapping[str, Any]) -> list[str]:
    """Which of the provider's tokens `st.user.tokens` shows: `expose_tokens`, "id"/"access"."""
    value = auth.get("expose_tokens")
    if isinstance(value, str):
        tokens = [value]
    elif isinstance(value, list):
        tokens = [str(token) for token in value]
    else:
        return []
    if set(tokens) - {"id", "access"}:
        raise StreamlitAuthError(
            "Invalid expose_tokens configuration. Only 'id' and 'access' are allowed."
        )
    return tokens
