"""`sidepane run`: find or download the script, serve it, open a tab, stop on Ctrl+C."""

from __future__ import annotations

import os
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sidepane.runtime import api_loader
from sidepane.runtime.config import Config, default_headless
from sidepane.servers.web.page import base_path
from sidepane.servers.web.ports import DEFAULT_PORT, PortInUseError, bind_socket, url_host

DEFAULT_SCRIPT = "streamlit_app.py"


@dataclass(frozen=True)
class RunOptions:
    """How `sidepane run` serves: the command line's own options. None leaves the choice to the
    app's config (`server.address`, `server.port`, `server.headless`, `server.runOnSave`)."""

    host: str | None = None
    port: int | None = None  # None (and no server.port): 8501, or the next free port after it
    headless: bool | None = None
    run_on_save: bool | None = None
    debug_port: int | None = None  # listen for a DAP client (debugpy) on 127.0.0.1:PORT


@dataclass(frozen=True)
class _Serving:
    host: str
    port: int
    port_fallback: bool
    headless: bool
    run_on_save: bool
    max_message_bytes: int | None
    watch: bool = True


def browser_url(config: Config, served: str, port: int) -> str:
    """The address printed and opened: `browser.serverAddress` / `browser.serverPort` when set
    (the app behind a proxy or a name), else the one served on."""
    if not (config.is_set("browser.serverAddress") or config.is_set("browser.serverPort")):
        return served
    host = str(config.get("browser.serverAddress") or "localhost")
    shown = config.get("browser.serverPort") or port
    return f"http://{host}:{shown}"


def _serving(options: RunOptions, config: Config) -> _Serving:
    """Our own flags first, then the config's options; unset, Sidepane listens on loopback only
    (Streamlit listens on every interface)."""
    host = options.host or config.get("server.address") or "127.0.0.1"
    port = options.port
    if port is None and config.is_set("server.port"):
        port = int(config.get("server.port"))
    headless = options.headless
    if headless is None:
        configured = config.get("server.headless")
        headless = default_headless() if configured is None else bool(configured)
    run_on_save = options.run_on_save
    if run_on_save is None:
        run_on_save = bool(config.get("server.runOnSave"))
    max_message = None
    if config.is_set("server.maxMessageSize"):
        max_message = int(config.get("server.maxMessageSize")) * 1024 * 1024
    return _Serving(
        host=host,
        port=DEFAULT_PORT if port is None else port,
        # As in Streamlit: the default port moves on when taken; a port asked for does not.
        port_fallback=port is None,
        headless=headless,
        run_on_save=run_on_save,
        max_message_bytes=max_message,
        # server.fileWatcherType = "none": saving a file neither reruns nor offers to.
        watch=config.get("server.fileWatcherType") != "none",
    )


def run_command(
    target: str,
    script_args: Sequence[str] = (),
    options: RunOptions = RunOptions(),
) -> int:
    """Serve `target` (a .py file, a folder holding streamlit_app.py, or an https URL) until
    Ctrl+C or SIGTERM; return the exit status."""
    if "://" in target:  # fetch_script brings urllib.request and ssl: only a URL loads it
        from sidepane.servers.web.fetch_script import FetchError, fetch_script, is_url

        if is_url(target):
            with tempfile.TemporaryDirectory(prefix="sidepane-") as folder:
                try:
                    script = fetch_script(target, Path(folder))
                except FetchError as exc:
                    return _fail(str(exc))
                return _serve(script, script_args, options)
    script = Path(target)
    if script.is_dir():
        script = script / DEFAULT_SCRIPT
    extension = script.suffix
    if extension not in (".py", ".py3"):
        what = f"not {extension}" if extension else "but this file has no extension"
        return _fail(f"Sidepane runs raw Python (.py) files, {what}: {script}")
    if not script.is_file():
        return _fail(f"File does not exist: {script}")
    return _serve(script, script_args, options)


def _fail(message: str) -> int:
    print(f"sidepane: {message}", file=sys.stderr)
    return 1


def _serve(script: Path, script_args: Sequence[str], options: RunOptions) -> int:
    config = Config.load(os.path.dirname(os.path.abspath(script)))
    serving = _serving(options, config)
    # The port opens first, before the web server's modules are imported (the largest part of a
    # launch): the browser tab opens and connects meanwhile, its request waiting in the socket's
    # backlog until the server answers it.
    try:
        sock = bind_socket(serving.host, serving.port, fallback=serving.port_fallback)
    except PortInUseError as exc:
        return _fail(f"{exc.strerror}.")
    except OSError as exc:
        return _fail(f"cannot listen on {serving.host}:{serving.port}: {exc.strerror or exc}")
    port = int(sock.getsockname()[1])
    url = _app_url(config, serving.host, port)
    _announce(script, url, serving.host)
    if not serving.headless:
        # webbrowser may block (it can start a browser process); the server must not wait.
        threading.Thread(target=_open_browser, args=(url,), daemon=True).start()
    # Only now: asyncio is one of a launch's largest imports, and the port is open already.
    import asyncio

    try:
        return asyncio.run(
            _serve_until_stopped(script, script_args, options, config, serving, sock)
        )
    except KeyboardInterrupt:  # Ctrl+C before the signal handlers were in place
        return 130


def _app_url(config: Config, host: str, port: int) -> str:
    url = browser_url(config, f"http://{url_host(host)}:{port}", port)
    base = base_path(config.get("server.baseUrlPath"))
    return f"{url}{base}/" if base else url


def _announce(script: Path, url: str, host: str) -> None:
    print(f"\n  Sidepane is serving {os.path.basename(script)}\n\n  URL: {url}\n", flush=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"  Listening on {host}: anyone who can reach this machine can use the app.\n")


def _open_browser(url: str) -> None:
    import webbrowser

    webbrowser.open(url)


async def _serve_until_stopped(
    script: Path,
    script_args: Sequence[str],
    options: RunOptions,
    config: Config,
    serving: _Serving,
    sock: socket.socket,
) -> int:
    from sidepane.runtime.app import App
    from sidepane.servers.web.server import WebServer

    app = App(script, script_args, config)
    server = WebServer(
        app,
        host=serving.host,
        port=int(sock.getsockname()[1]),
        run_on_save=serving.run_on_save,
        max_message_bytes=serving.max_message_bytes,
        watch=serving.watch,
    )
    await server.start(sock, watch_later=True)
    # The page first: what the first run needs loads while the browser fetches the page.
    api_loader.load_in_background()
    if options.debug_port is not None:
        # debugpy takes a moment to start: the app is served meanwhile.
        threading.Thread(
            target=_listen_for_debugger, args=(options.debug_port,), daemon=True
        ).start()
    import asyncio

    stopped = asyncio.Event()
    _on_stop_signals(stopped.set)
    await stopped.wait()
    print("  Stopping...", flush=True)
    await server.stop()
    return 0


def _listen_for_debugger(port: int) -> None:
    from sidepane.runtime import debugger

    try:
        host, bound = debugger.listen("127.0.0.1", port)
    except RuntimeError as exc:
        print(f"sidepane: no debugger: {exc}", file=sys.stderr, flush=True)
        return
    print(
        f"  Debugger: attach a DAP client (debugpy) to {host}:{bound}; breakpoints stop reruns.\n",
        flush=True,
    )


def _on_stop_signals(stop: Callable[[], None]) -> None:
    import asyncio

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop)
        except (NotImplementedError, RuntimeError):  # Windows: no loop signal handlers
            signal.signal(sig, lambda _s, _f: loop.call_soon_threadsafe(stop))
