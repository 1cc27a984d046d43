"""The options in force for one app: loaded once from every source, changed by
`st.set_option`, read by `st.get_option` and by the parts of the runtime each option controls."""

from __future__ import annotations

import copy
import logging
import os
import threading
from collections.abc import Mapping
from typing import Any

from sidepane.runtime.config import sources
from sidepane.runtime.config.options import OPTIONS

log = logging.getLogger("sidepane.config")

# Set once by the command line (`sidepane run app.py --theme.primaryColor …`): every app the
# process serves takes them, as Streamlit's flags are process-wide.
_command_line: dict[str, Any] = {}


def set_command_line_options(values: Mapping[str, Any]) -> None:
    """Options given as `--section.option` flags, above every other source."""
    _command_line.clear()
    _command_line.update(values)


def warn_unknown(key: str) -> None:
    log.warning(
        '"%s" is not a valid config option. If you previously had this config option set, '
        "it may have been removed.",
        key,
    )


class Config:
    """Option values with where each was set (a file's path, `sources.ENV_VAR`, …)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, Any] = {k: copy.deepcopy(o.default) for k, o in OPTIONS.items()}
        self._where: dict[str, str] = dict.fromkeys(OPTIONS, sources.DEFAULT)
        self.files: list[str] = []
        # Each config file's (mtime, size) when read (None: absent), to notice a save.
        self._stamps: dict[str, tuple[int, int] | None] = {}

    @classmethod
    def load(
        cls,
        script_dir: str | None,
        *,
        cwd: str | None = None,
        home: str | None = None,
        environ: Mapping[str, str] | None = None,
        flags: Mapping[str, Any] | None = None,
    ) -> Config:
        """Read every source for an app in `script_dir` (None: no app, the working folder's)."""
        config = cls()
        home = os.path.expanduser("~") if home is None else home
        config.files = sources.config_files(script_dir, cwd or os.getcwd(), home)
        config._stamps = {path: _stamp(path) for path in config.files}
        for path in config.files:
            try:
                values = sources.read_toml(path)
            except sources.InvalidThemeSectionError as exc:
                log.error("%s: %s", path, exc)
                continue
            config.update(values, path)
        env_values = sources.from_environment(os.environ if environ is None else environ)
        config.update(env_values, sources.FLAG)
        config.update(_command_line if flags is None else flags, sources.FLAG)
        # After every source, as in Streamlit: `theme.base` may come from any of them.
        from sidepane.runtime.config.theme_file import inherit_theme_file

        inherit_theme_file(config, cwd or os.getcwd())
        return config

    def files_changed(self) -> bool:
        """Whether a config.toml it read (or one absent then) was saved since."""
        return any(_stamp(path) != stamp for path, stamp in self._stamps.items())

    def update(self, values: Mapping[str, Any], where: str) -> None:
        """Set options from one source; an unknown key gets Streamlit's warning."""
        with self._lock:
            for key, value in values.items():
                if key not in OPTIONS:
                    warn_unknown(key)
                    continue
                self._values[key] = value
                self._where[key] = where

    def get(self, key: str) -> Any:
        """The option's value (KeyError for an unknown key)."""
        with self._lock:
            return self._values[key]

    def set(self, key: str, value: Any, where: str = "<user defined>") -> None:
        self.update({key: value}, where)

    def where_defined(self, key: str) -> str:
        with self._lock:
            return self._where[key]

    def is_set(self, key: str) -> bool:
        """Whether anything but the default gave the option its value."""
        return self.where_defined(key) != sources.DEFAULT

    def section(self, prefix: str) -> dict[str, Any]:
        """The options set (not default) under `prefix` (e.g. `theme.`), keyed without it."""
        with self._lock:
            return {
                key[len(prefix) :]: value
                for key, value in self._values.items()
                if key.startswith(prefix) and self._where[key] != sources.DEFAULT
            }


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
