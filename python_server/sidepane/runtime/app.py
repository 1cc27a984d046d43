"""One script served to any number of sessions, and what those sessions share."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sidepane.protocol.writer import Sink
from sidepane.runtime import exit_guard, fork_safety
from sidepane.runtime.config import Config
from sidepane.runtime.module_reloader import ModuleReloader
from sidepane.runtime.pages import SharedPages
from sidepane.runtime.script_cache import ScriptCache
from sidepane.runtime.secrets import SecretsStore

if TYPE_CHECKING:
    from sidepane.runtime.session import AppSession


class App:
    """A script file and its shared state: compiled code, the local-module reloader, caches,
    secrets, config options."""

    def __init__(
        self,
        script_path: str | os.PathLike[str],
        script_args: Sequence[str] = (),
        config: Config | None = None,
    ) -> None:
        exit_guard.install()
        fork_safety.install()
        self.script_path = os.path.abspath(os.fspath(script_path))
        self.script_dir = os.path.dirname(self.script_path)
        self.script_args = list(script_args)
        self.code_cache = ScriptCache(lambda: bool(self.config.get("runner.magicEnabled")))
        self.reloader = ModuleReloader(self.script_dir)
        self.secrets = SecretsStore(self.script_dir)
        # .streamlit/config.toml, STREAMLIT_* variables and --section.option flags (`config`:
        # read already by the caller, for the same folder).
        self.config = config or Config.load(self.script_dir)
        # Extra names put in the script's namespace each run (AppTest.from_function's arguments).
        self.script_globals: dict[str, Any] = {}
        # Whether st.navigation is in use and the page files it named (runtime/pages.py).
        self.shared_pages = SharedPages()

    def refresh_config(self) -> None:
        """Read the config again when a config.toml was saved (each run asks: a theme edited
        while the app runs shows at the next rerun, as in Streamlit)."""
        if self.config.files_changed():
            self.config = Config.load(self.script_dir)

    def new_session(
        self,
        sink: Sink,
        *,
        session_id: str | None = None,
        query_string: str = "",
        partial_reruns: bool = True,
    ) -> AppSession:
        """A new viewer of this app; its frames go to `sink` (called on the script thread).

        `partial_reruns=False` (AppTest): a widget in a fragment reruns the whole script."""
        # Here: a server opens its port before it imports what runs scripts (runtime/api_loader).
        from sidepane.runtime.session import AppSession

        return AppSession(
            self,
            sink,
            session_id=session_id,
            query_string=query_string,
            partial_reruns=partial_reruns,
        )
