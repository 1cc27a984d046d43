"""`theme.base = "path/or/url.toml"`: a theme file's `[theme]` under the app's own theme options,
as Streamlit 1.67 inherits it (the file's `base` may only be light or dark)."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from sidepane.runtime.config import sources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 has no tomllib (the package depends on tomli there)
    import tomli as tomllib

if TYPE_CHECKING:
    from sidepane.runtime.config.store import Config

log = logging.getLogger("sidepane.config")

MAX_BYTES = 1024 * 1024


class ThemeFileError(ValueError):
    """A theme file that cannot be read or used, in words for the person."""


def read_theme_file(where: str, cwd: str) -> dict[str, Any]:
    """The `theme.*` options a theme file sets (a relative path is from `cwd`)."""
    if where.startswith(("http://", "https://")):
        # Here: urllib.request (with http.client and ssl) is a large import every config load
        # would pay, and only a theme from a URL needs it.
        import urllib.request

        try:
            with urllib.request.urlopen(where, timeout=30) as response:
                raw: bytes = response.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ThemeFileError(f"Theme file not found: {where} ({exc})") from exc
    else:
        path = where if os.path.isabs(where) else os.path.join(cwd, where)
        try:
            with open(path, "rb") as file:
                raw = file.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ThemeFileError(f"Theme file not found: {where}") from exc
    if len(raw) > MAX_BYTES:
        raise ThemeFileError(f"Theme file {where} is too large (over {MAX_BYTES:,} bytes).")
    try:
        parsed = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ThemeFileError(f"Theme file {where} is not valid TOML: {exc}") from exc
    table = parsed.get("theme")
    if not isinstance(table, dict):
        raise ThemeFileError(f"Theme file {where} must contain a [theme] section")
    values: dict[str, Any] = {}
    try:
        sources.flatten("theme", table, values)
    except sources.InvalidThemeSectionError as exc:
        raise ThemeFileError(f"Theme file {where}: {exc}") from exc
    base = values.get("theme.base")
    if base is not None and base not in ("light", "dark"):
        raise ThemeFileError(
            f"Theme file {where} cannot reference another theme file in its base property. "
            "Only 'light' and 'dark' are allowed in referenced theme files."
        )
    return values


def inherit_theme_file(config: Config, cwd: str) -> None:
    """If `theme.base` names a file, its options fill every theme option the app left unset,
    and `theme.base` becomes the file's own (light, dark or none)."""
    where = config.get("theme.base")
    if not isinstance(where, str) or where in ("light", "dark"):
        return
    try:
        values = read_theme_file(where, cwd)
    except ThemeFileError as exc:
        log.error("%s", exc)
        return
    inherited = {k: v for k, v in values.items() if k == "theme.base" or not config.is_set(k)}
    inherited.setdefault("theme.base", None)
    config.update(inherited, where)
