"""`sidepane run`: find or download the script, serve it, open a tab, stop on Ctrl+C."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import tempfile
import threading
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sidepane.servers.web.fetch_script import FetchError, fetch_script, is_url
from sidepane.servers.web.ports import DEFAULT_PORT, PortInUseError

DEFAULT_SCRIPT = "streamlit_app.py"


@dataclass(frozen=True)
class RunOptions:
    """How `sidepane run` serves: the command line's options."""

    host: str = "127.0.0.1"
    port: int | None = None  # None: 8501, or the next free port after it
    headless: bool = False
    run_on_save: bool = False
    debug_port: int | None = None  # listen for a DAP client (debugpy) on 127.0.0.1:PORT


def run_command(
    target: str,
    script_args: Sequence[str] = (),
    options: RunOptions = RunOptions(),
) -> int:
    """Serve `target` (a .py file, a folder holding streamlit_app.py, or an https URL) until
    Ctrl+C or SIGTERM; return the exit status."""
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
    try:
        return asyncio.run(_serve_until_stopped(script, script_args, options))
    except KeyboardInterrupt:  # Ctrl+C before the signal handlers were in place
        return 130


async def _serve_until_stopped(
    script: Path, script_args: Sequence[str], options: RunOptions
) -> int:
    from sidepane.runtime.app import App
    from sidepane.servers.web.server import WebServer

    host, port = options.host, options.port
    server = WebServer(
        App(script, script_args),
        host=host,
        port=DEFAULT_PORT if port is None else port,
        # As in Streamlit: the default port moves on when taken; a port asked for does not.
        port_fallback=port is None,
        run_on_save=options.run_on_save,
    )
    try:
        await server.start()
    except PortInUseError as exc:
        return _fail(f"{exc.strerror}.")
    except OSError as exc:
        return _fail(f"cannot listen on {host}:{server.port}: {exc.strerror or exc}")
    stopped = asyncio.Event()
    _on_stop_signals(stopped.set)
    print(
        f"\n  Sidepane is serving {os.path.basename(script)}\n\n  URL: {server.url}\n", flush=True
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"  Listening on {host}: anyone who can reach this machine can use the app.\n")
    if options.debug_port is not None:
        # debugpy takes a moment to start: the app is served meanwhile.
        threading.Thread(
            target=_listen_for_debugger, args=(options.debug_port,), daemon=True
        ).start()
    if not options.headless:
        # webbrowser may block (it can start a browser process); the server must not wait.
        threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
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
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop)
        except (NotImplementedError, RuntimeError):  # Windows: no loop signal handlers
            signal.signal(sig, lambda _s, _f: loop.call_soon_threadsafe(stop))
