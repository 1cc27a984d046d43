"""Where option values come from, in Streamlit 1.67's order (each overrides the ones before):
defaults, `~/.streamlit/config.toml`, `./.streamlit/config.toml` (the working folder), the
app's own `.streamlit/config.toml`, `STREAMLIT_*` environment variables, command-line flags.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sidepane.runtime.config.options import OPTIONS, Option

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 has no tomllib (the package depends on tomli there)
    import tomli as tomllib

log = logging.getLogger("sidepane.config")

# Where a value was set, as Streamlit words it for `where_defined`.
DEFAULT = "<default>"
ENV_VAR = "environment variable"
FLAG = "command-line argument or environment variable"  # Streamlit's click merges the two

# The only sub-tables of [theme]: sidebar, light, dark, light.sidebar and dark.sidebar.
_THEME_TABLES = ("sidebar", "light", "dark")


class InvalidThemeSectionError(ValueError):
    """A `[theme.x]` table Streamlit does not have (e.g. `[theme.sidebar.dark]`)."""


def config_files(script_dir: str | None, cwd: str, home: str) -> list[str]:
    """The config.toml files read, lowest precedence first (duplicates once)."""
    files = [
        os.path.join(home, ".streamlit", "config.toml"),
        os.path.join(cwd, ".streamlit", "config.toml"),
    ]
    if script_dir is not None:
        own = os.path.join(script_dir, ".streamlit", "config.toml")
        if own not in files:
            files.append(own)
    return files


def read_toml(path: str) -> dict[str, Any]:
    """The option keys and values a config.toml sets (`{}` if the file is absent or broken:
    a broken file is logged, as Streamlit does, and the app still runs)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("Cannot read %s: %s", path, exc)
        return {}
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        log.error(
            "Error parsing config toml. This is most likely due to a syntax error in the "
            "config.toml file. Please fix it and try again. (%s: %s)",
            path,
            exc,
        )
        return {}
    values: dict[str, Any] = {}
    for section, table in parsed.items():
        if isinstance(table, dict):
            flatten(section, table, values)
        else:
            values[section] = table
    return values


def flatten(prefix: str, table: Mapping[str, Any], into: dict[str, Any]) -> None:
    """A TOML table's options as `section.name` keys (the theme's sub-tables checked)."""
    for name, value in table.items():
        key = f"{prefix}.{name}"
        if prefix.startswith("theme") and name in _THEME_TABLES and isinstance(value, dict):
            if not _valid_theme_table(key):
                raise InvalidThemeSectionError(
                    f"Invalid theme section: [{key}]. Only [theme.sidebar], [theme.light], "
                    "[theme.dark], [theme.light.sidebar] and [theme.dark.sidebar] exist."
                )
            flatten(key, value, into)
        else:
            into[key] = _env_reference(value)


def _valid_theme_table(key: str) -> bool:
    parts = key.split(".")
    if len(parts) == 2:
        return True
    return len(parts) == 3 and parts[1] in ("light", "dark") and parts[2] == "sidebar"


def _env_reference(value: Any) -> Any:
    """`"env:NAME"` in a config.toml stands for environment variable NAME (a number if it
    reads as one), as in Streamlit."""
    if not (isinstance(value, str) and value.startswith("env:")):
        return value
    name = value[len("env:") :]
    found = os.environ.get(name)
    if found is None:
        log.error("No environment variable called %s", name)
        return value
    for convert in (int, float):
        try:
            return convert(found)
        except ValueError:
            pass
    return found


_TRUE = frozenset(["1", "true", "t", "yes", "y", "on"])
_FALSE = frozenset(["0", "false", "f", "no", "n", "off"])


def parse_text(option: Option, text: str) -> Any:
    """A flag's or environment variable's text as the option's type (bool, int, float or
    str; a list for a `multiple` option). Raises ValueError with the reason."""
    if option.multiple:
        return [parse_one(option, part) for part in text.split()]
    return parse_one(option, text)


def parse_one(option: Option, text: str) -> Any:
    if option.type is bool:
        low = text.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ValueError(f"{text!r} is not a valid boolean")
    if option.type is int:
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a valid integer") from None
    if option.type is float:
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a valid float") from None
    return text


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """Options set by `STREAMLIT_*` variables; a value that does not parse is logged and left
    out (Streamlit's command line would refuse to start)."""
    values: dict[str, Any] = {}
    for option in OPTIONS.values():
        text = environ.get(option.env_var)
        if text is None:
            continue
        try:
            values[option.key] = parse_text(option, text)
        except ValueError as exc:
            log.warning("Ignoring %s: %s.", option.env_var, exc)
    return values
