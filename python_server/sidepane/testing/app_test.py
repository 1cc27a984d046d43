"""`AppTest`: run an app headless and inspect it, with Streamlit's `AppTest` API.

It drives the real runtime through the real frame protocol: each `run()` sends frames as a viewer
would (`hello`, `widget_value`, `rerun`) and rebuilds the element tree from the frames it gets.
"""

from __future__ import annotations

import copy
import inspect
import os
import shutil
import sys
import tempfile
import textwrap
import threading
import weakref
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from sidepane.errors import InvalidWidgetValue
from sidepane.protocol.frames import PROTOCOL_VERSION, decode_message, frame
from sidepane.runtime.app import App
from sidepane.runtime.pages import page_url_path
from sidepane.runtime.session import AppSession
from sidepane.runtime.widgets import MISSING, WidgetSpec
from sidepane.testing.element_tree import Block, ElementList, Node, Tree, wrap


class AppTest(Block):
    """A simulated app run, for tests.

    ```python
    at = AppTest.from_file("app.py").run()
    at.slider[0].set_value(5).run()
    assert at.markdown[0].value == "`5` squared is `25`"
    ```
    """

    def __init__(
        self,
        script_path: str | os.PathLike[str],
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.default_timeout = default_timeout
        self._app = App(script_path)
        # What a `from_function` script is called with (each run reads them, as in Streamlit).
        self.args = args
        self.kwargs = kwargs
        self._tree = Tree()
        self._inbox: list[tuple[int, list[dict[str, Any]]]] = []
        self._run_values: dict[str, Any] = {}
        self._remove_folder: Callable[[], Any] | None = None
        self._inbox_lock = threading.Lock()
        self._session: AppSession = self._app.new_session(self._receive, partial_reruns=False)
        self._pending_python: dict[str, Any] = {}
        self._pending_wire: dict[str, Any] = {}
        self._pending_checks: dict[str, Callable[[Any], None]] = {}
        self._started = False
        self.toasts: list[dict[str, Any]] = []
        self.page_config: dict[str, Any] = {}
        self.frames: list[dict[str, Any]] = []
        self.payloads: dict[str, Any] = {}
        self.bytes_received = 0
        # Secrets the script sees instead of the secrets.toml files, when any are set.
        self.secrets: dict[str, Any] = {}
        # What the script reads as `st.user` (as Streamlit's AppTest: a test@example.com user);
        # after a run, what the run left (st.logout() empties it).
        self.user: dict[str, Any] = {"email": "test@example.com"}
        self._page_request: str | None = None
        self._shown_page: str | None = None  # the page of the last `pages` frame
        super().__init__(Node(("app",), "app", {}), self)

    # ---- constructors ----

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        """An AppTest for the script in `script` (a string of Python source)."""
        return cls._from_string(script, default_timeout=default_timeout)

    @classmethod
    def _from_string(
        cls,
        script: str,
        *,
        default_timeout: float,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        folder = tempfile.mkdtemp(prefix="sidepane-apptest-")
        path = os.path.join(folder, "app.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(textwrap.dedent(script))
        at = cls(path, default_timeout=default_timeout, args=args, kwargs=kwargs)
        # The script's folder goes with the AppTest: on close(), when it is collected, or at the
        # latest when the process exits (a finalizer also runs at exit).
        at._remove_folder = weakref.finalize(at, shutil.rmtree, folder, ignore_errors=True)
        return at

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        """An AppTest whose script is the body of `script`, called with `args` and `kwargs`."""
        source = textwrap.dedent("".join(inspect.getsourcelines(script)[0]))
        name = getattr(script, "__name__", "script")
        module = f"{source}\n{name}(*__args, **__kwargs)\n"
        return cls._from_string(module, default_timeout=default_timeout, args=args, kwargs=kwargs)

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> AppTest:
        """An AppTest for a script file; a relative path is relative to the calling file."""
        path = Path(script_path)
        if not path.is_absolute():
            caller = inspect.stack()[1].filename
            path = Path(caller).resolve().parent / path
        if not path.is_file():
            raise FileNotFoundError(
                f"AppTest script not found at {path.resolve()}. Relative paths are resolved "
                "against the file that calls AppTest.from_file()."
            )
        return cls(path, default_timeout=default_timeout)

    # ---- running ----

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script (again) with the widget values set since the last run; wait for it."""
        timeout = self.default_timeout if timeout is None else timeout
        session = self._session
        # `from_function` scripts end with `f(*__args, **__kwargs)`; both are always defined.
        self._app.script_globals.update(__args=self.args or (), __kwargs=self.kwargs or {})
        run_seen = session.writer.run
        self._app.secrets.override = dict(self.secrets) if self.secrets else None
        if not isinstance(self.user, dict):
            raise TypeError(f"AppTest.user must be a dict, not {type(self.user).__name__}.")
        session.user_info = copy.deepcopy(self.user)
        page, self._page_request = self._page_request, None
        messages: list[bytes] = []
        if not self._started:
            self._started = True
            hello: dict[str, Any] = {"v": PROTOCOL_VERSION, "query": self._query_string()}
            if page is not None:
                hello["page"] = page
            messages.append(frame("hello", **hello))
        else:
            # As in Streamlit, a value the widget cannot take fails here; it stays pending.
            for wid, value in self._pending_python.items():
                check = self._pending_checks.get(wid)
                if check is not None:
                    check(value)
            updates = dict(self._pending_wire)
            for wid, value in self._pending_python.items():
                spec = session.widgets.specs.get(wid)
                if spec is not None:
                    updates[wid] = _checked_wire(spec, value)
            if updates:
                # A form's submit button goes first: its fields only count along with it.
                triggers = [
                    w for w in updates if getattr(session.widgets.specs.get(w), "trigger", False)
                ]
                last = triggers[0] if triggers else next(reversed(updates))
                rest = {k: v for k, v in updates.items() if k != last}
                fields: dict[str, Any] = {"id": last, "value": updates[last], "run": run_seen}
                if rest:
                    fields["values"] = rest
                messages.append(frame("widget_value", **fields))
            elif page is None:
                messages.append(frame("rerun"))
            if page is not None:
                # Before the values: the rerun they ask for then runs the new page.
                messages.insert(0, frame("rerun", page=page, query=self._query_string()))
        self._pending_python.clear()
        self._pending_checks.clear()
        self._pending_wire.clear()
        # A run sets sys.argv to the script's, as `sidepane run` does; the test's is restored.
        argv = sys.argv
        try:
            for message in messages:
                session.handle_message(message)
            if not session.wait_idle(timeout):
                session.request_stop()
                session.wait_idle(1.0)
                self._drain()
                raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
        finally:
            sys.argv = argv
        self._drain()
        self.user = dict(session.user_info)
        return self

    def switch_page(self, page_path: str) -> AppTest:
        """Run the page `page_path` (relative to the main script, e.g. "pages/page_1.py") at the
        next `run()`; a path that names no file there raises ValueError."""
        main = Path(self._app.script_path)
        full = main.parent / page_path
        if not full.is_file():
            raise ValueError(
                f"Could not find page {page_path!r} relative to the main script "
                f"{str(main)!r}. Resolved page path: {str(full.resolve())!r}."
            )
        navigation = self._session.navigation
        if not navigation.shared.uses_navigation:
            self._page_request = page_url_path(str(main), str(full))
            return self
        # st.navigation's pages: the one registered for this file (a custom url_path too),
        # preferring the one whose URL path is the file's name.
        target = full.resolve()
        matches = [p for p in navigation.pages() if p.script_path and Path(p.script_path) == target]
        if not matches:
            known = [p.script_path or p.url_path for p in navigation.pages()]
            raise ValueError(
                f"Could not find a navigation page for {str(target)!r}. "
                "AppTest.switch_page() matches registered script paths. If page registration "
                "depends on Session State, call run() after updating the state and before "
                f"switching pages. Registered pages: {known}."
            )
        named = page_url_path(str(main), str(full))
        self._page_request = next(
            (p.url_path for p in matches if p.url_path == named), matches[0].url_path
        )
        return self

    def _receive(self, data: bytes) -> None:
        frames = decode_message(data)
        if any(f["t"] == "run_end" for f in frames):
            # The values this run's tree was drawn with: the runtime resets a clicked button
            # right after `run_end`, but a test reads it as the run saw it, as in Streamlit.
            self._run_values = dict(self._session.widgets.values)
        with self._inbox_lock:
            self._inbox.append((len(data), frames))

    def _drain(self) -> None:
        with self._inbox_lock:
            inbox, self._inbox = self._inbox, []
        for size, frames in inbox:
            self.bytes_received += size
            for f in frames:
                self.frames.append(f)
                self._apply(f)

    def _apply(self, f: dict[str, Any]) -> None:
        kind = f["t"]
        if kind == "upsert":
            self._tree.upsert(tuple(f["path"]), f["type"], f["props"])
        elif kind == "run_end":
            for path in f["remove"]:
                self._tree.remove(tuple(path))
        elif kind == "run_start":
            self.toasts = []
        elif kind == "toast":
            self.toasts.append(f)
        elif kind == "payload":
            self.payloads[f["hash"]] = f["data"]
        elif kind == "page_config":
            self.page_config = {k: v for k, v in f.items() if k != "t"}
        elif kind == "pages":
            # Another page: its body replaces the one left, whole (docs/protocol.md, pages).
            if self._shown_page is not None and f["current"] != self._shown_page:
                self._tree.roots["main"].children.clear()
            self._shown_page = f["current"]

    def _query_string(self) -> str:
        from urllib.parse import urlencode

        return urlencode(list(self._session.query_params.items))

    # ---- widget values ----

    def _widget_value(self, widget_id: str) -> Any:
        if widget_id in self._pending_python:
            return self._pending_python[widget_id]
        if widget_id in self._pending_wire:
            spec = self._session.widgets.specs.get(widget_id)
            if spec is not None:
                return spec.deserialize(self._pending_wire[widget_id])
        value = self._run_values.get(widget_id, MISSING)
        if value is MISSING:
            value = self._session.widgets.values.get(widget_id, MISSING)
        return None if value is MISSING else value

    def _set_widget_value(
        self, widget_id: str, value: Any, check: Callable[[Any], None] | None = None
    ) -> None:
        self._pending_wire.pop(widget_id, None)
        self._pending_python[widget_id] = value
        if check is None:
            self._pending_checks.pop(widget_id, None)
        else:
            self._pending_checks[widget_id] = check

    def _set_widget_wire(self, widget_id: str, wire: Any) -> None:
        self._pending_python.pop(widget_id, None)
        self._pending_checks.pop(widget_id, None)
        self._pending_wire[widget_id] = wire

    # ---- the tree ----

    @property
    def node(self) -> Node:
        root = Node(("app",), "app", {})
        # Numbered as Streamlit's AppTest numbers its roots (2 is its event root, 3 `st.bottom`).
        roots = self._tree.roots
        root.children = {
            0: roots["main"],
            1: roots["sidebar"],
            2: roots["event"],
            3: roots["bottom"],
        }
        return root

    @node.setter
    def node(self, value: Node) -> None:
        pass

    def _root(self, name: str) -> Block:
        root = wrap(self._tree.roots[name], self)
        assert isinstance(root, Block)
        return root

    @property
    def main(self) -> Block:
        """The app body."""
        return self._root("main")

    @property
    def sidebar(self) -> Block:
        """The sidebar."""
        return self._root("sidebar")

    @property
    def toast(self) -> ElementList[Any]:
        """The toasts of the last run (they are frames, not part of the tree)."""
        from sidepane.testing.layout_elements import toasts

        return toasts(self)

    @property
    def session_state(self) -> MutableMapping[str, Any]:
        """The session's `st.session_state`; set keys before `run()` to seed the script."""
        return self._session.session_state

    @property
    def query_params(self) -> _QueryParams:
        """The page's query parameters; set them before the first `run()`."""
        return _QueryParams(self)

    @property
    def session(self) -> AppSession:
        return self._session

    def close(self) -> None:
        """End the app's session; an AppTest made from a string also removes its script."""
        self._session.close()
        if self._remove_folder is not None:
            self._remove_folder()

    def __del__(self) -> None:
        try:
            self._session.close(timeout=0)
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"AppTest({self._app.script_path!r})"


def _checked_wire(spec: WidgetSpec, value: Any) -> Any:
    """`value` as the widget's wire value; ValueError if the widget would refuse it.

    The runtime drops a value a viewer should never send (with a log line); a test asking for
    one is told at its `run()`, and the value stays pending.
    """
    wire = spec.serialize(value)
    try:
        spec.deserialize(wire)
    except (InvalidWidgetValue, TypeError, ValueError, OverflowError) as exc:
        key = f" (key={spec.key!r})" if spec.key else ""
        raise ValueError(f"{spec.kind}{key} cannot take {value!r}: {exc}") from exc
    return wire


class _QueryParams(MutableMapping[str, Any]):
    def __init__(self, at: AppTest) -> None:
        self._data = at.session.query_params

    def __getitem__(self, key: str) -> Any:
        values = self._data.get_all(key)
        if not values:
            raise KeyError(key)
        return values if len(values) > 1 else values[0]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data.set(key, value)

    def __delitem__(self, key: str) -> None:
        if not self._data.remove(key):
            raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data.keys())

    def __len__(self) -> int:
        return len(self._data.keys())
