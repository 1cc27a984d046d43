"""The `sidepane` command line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from sidepane.protocol.frame_check import install_from_env as install_frame_check_from_env
from sidepane.runtime import api_loader


def _split_script_args(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    argv = list(argv)
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1 :]
    return argv, []


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sidepane",
        description="Plain-Python data apps, live beside your editor.",
        epilog="Arguments after `--` are passed to the script as sys.argv[1:].",
    )
    parser.add_argument("--version", action="version", version="sidepane 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser(
        "snapshot",
        help="run a script once, headless, and print its element tree",
        description="Run a script once, headless, and print the element tree it produced. "
        "Exits non-zero if the script raised.",
    )
    snap.add_argument("script", help="path to the app script")
    snap.add_argument("--json", action="store_true", help="print the tree as JSON")
    snap.add_argument(
        "--timeout", type=float, default=30.0, help="seconds before the run is stopped"
    )
    snap.add_argument(
        "--explain-cache",
        action="store_true",
        help="say why each cached call missed (compared with the previous snapshot of this script)",
    )
    run = sub.add_parser(
        "run",
        help="serve a script to the browser, rerunning it as widgets change",
        description="Serve an app script (a .py file, a folder holding streamlit_app.py, or an "
        "https:// URL of a .py file, downloaded to a temporary folder) on a local web server "
        "and open it in the browser. Stop with Ctrl+C.",
    )
    run.add_argument("script", help="path or https:// URL of the app script")
    run.epilog = (
        "Any Streamlit config option is a flag too: --theme.primaryColor '#f0a' "
        "--server.port 8600 (see .streamlit/config.toml)."
    )
    run.add_argument(
        "--port",
        type=int,
        default=None,
        help="port to listen on (default 8501, or the next free one after it)",
    )
    run.add_argument(
        "--host", default=None, help="address to listen on (default server.address, or 127.0.0.1)"
    )
    run.add_argument(
        "--headless", action="store_true", default=None, help="do not open a browser tab"
    )
    run.add_argument(
        "--run-on-save",
        action="store_true",
        default=None,
        help="rerun the app when the script or a module it imports is saved",
    )
    run.add_argument(
        "--debug",
        type=int,
        metavar="PORT",
        default=None,
        help="let a debugger (any DAP client, e.g. VS Code) attach on 127.0.0.1:PORT "
        "(0: any free port); breakpoints then stop inside reruns",
    )
    lsp = sub.add_parser(
        "lsp",
        help="run the language server the VS Code extension talks to (JSON-RPC on stdio)",
        description="Run Sidepane's language server on stdin/stdout, as the VS Code extension "
        "starts it: each preview panel is a session of the same runtime as `sidepane run`.",
    )
    # vscode-languageclient appends these for a server started over stdio; they change nothing.
    lsp.add_argument("--stdio", action="store_true", help=argparse.SUPPRESS)
    lsp.add_argument("--clientProcessId", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `sidepane` command; returns the exit status."""
    own, script_args = _split_script_args(sys.argv[1:] if argv is None else argv)
    from sidepane.runtime.config.flags import FlagError, split_config_flags

    try:
        own, config_flags = split_config_flags(own)
    except FlagError as exc:
        print(f"sidepane: {exc}", file=sys.stderr)
        return 2
    args = _parser().parse_args(own)
    logging.basicConfig(level=logging.WARNING, format="sidepane: %(message)s")
    install_frame_check_from_env()
    if args.command == "snapshot":
        return _snapshot(
            args.script,
            script_args,
            as_json=args.json,
            timeout=args.timeout,
            explain_cache=args.explain_cache,
        )
    if args.command in ("run", "lsp"):
        # Both load the API on a thread of their own once they serve, which resumes it.
        api_loader.pause_gc()
    if args.command == "run":
        from sidepane.runtime.config import set_command_line_options
        from sidepane.servers.web.launch import RunOptions, run_command

        set_command_line_options(config_flags)

        options = RunOptions(
            host=args.host,
            port=args.port,
            headless=args.headless,
            run_on_save=args.run_on_save,
            debug_port=args.debug,
        )
        return run_command(args.script, script_args, options)
    if args.command == "lsp":
        # pygls and lsprotocol load only here: `import sidepane` stays fast.
        from sidepane.servers.lsp.stdio import serve_stdio

        return serve_stdio()
    return 2  # pragma: no cover - argparse rejects unknown commands


def _snapshot(
    script: str, script_args: list[str], *, as_json: bool, timeout: float, explain_cache: bool
) -> int:
    from sidepane.snapshot import format_text, take_snapshot, to_json

    if not os.path.isfile(script):
        print(f"sidepane: no such script: {script}", file=sys.stderr)
        return 2
    from sidepane.caching import explain

    misses = None
    if explain_cache:
        misses = explain.start_recording(explain.state_file_for(script))
    result = take_snapshot(script, script_args, timeout=timeout)
    hits = explain.recorded_hits() if misses is not None else []
    if as_json:
        data = to_json(result)
        if misses is not None:
            data["cache_misses"] = [{"function": m.function, "reasons": m.reasons} for m in misses]
            data["cache_hits"] = hits
        print(json.dumps(data, indent=2, default=str))
    else:
        print(format_text(result))
        if misses is not None:
            print("cache misses:" if misses else "cache misses: none")
            for miss in misses:
                print(f"  {miss.function}: {'; '.join(miss.reasons)}")
            if hits:
                print(f"cache hits: {', '.join(dict.fromkeys(hits))}")
    if misses is not None:
        explain.save_recording()
    return 0 if result.status in ("ok", "stopped") else 1
