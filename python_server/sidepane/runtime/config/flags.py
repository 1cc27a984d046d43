"""`--section.option VALUE` flags on `sidepane run`'s command line, Streamlit's spelling."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sidepane.runtime.config.options import OPTIONS
from sidepane.runtime.config.sources import parse_one


class FlagError(ValueError):
    """A config flag that is unknown, lacks its value or does not parse."""


def split_config_flags(argv: Sequence[str]) -> tuple[list[str], dict[str, Any]]:
    """Take the `--section.option value` / `--section.option=value` flags out of `argv`:
    the other arguments, and the options they set (a repeated `multiple` option gathers)."""
    rest: list[str] = []
    values: dict[str, Any] = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        name = arg[2:].split("=", 1)[0] if arg.startswith("--") else ""
        if "." not in name:
            rest.append(arg)
            i += 1
            continue
        option = OPTIONS.get(name)
        if option is None:
            raise FlagError(f"No such option: --{name}")
        if "=" in arg:
            text = arg.split("=", 1)[1]
        elif i + 1 < len(argv):
            i += 1
            text = argv[i]
        else:
            raise FlagError(f"Option '--{name}' requires an argument.")
        try:
            value = parse_one(option, text)
        except ValueError as exc:
            raise FlagError(f"Invalid value for '--{name}': {exc}.") from None
        if option.multiple:
            values.setdefault(name, []).append(value)
        else:
            values[name] = value
        i += 1
    return rest, values
