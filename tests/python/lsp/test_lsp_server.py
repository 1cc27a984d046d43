"""`python -m sidepane lsp` under a real LSP client over stdio (pytest-lsp)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsp_helpers import SEED, SERVER, Recorder, encode
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient

from sidepane.protocol.frames import PROTOCOL_VERSION

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(30)]


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            initialization_options={"runOnSave": "always", "args": ["--from-init"]},
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def rec(client: LanguageClient) -> Recorder:
    return Recorder(client)


def write(path: Path, source: str) -> Path:
    path.write_text(source, encoding="utf-8")
    return path


async def test_initialize_answers() -> None:
    lsp = await SERVER.start()
    try:
        result = await lsp.initialize_session(
            types.InitializeParams(capabilities=types.ClientCapabilities())
        )
        assert result.server_info is not None and result.server_info.name == "sidepane"
        # Saves are asked for (they rerun at once), edits are not (unsaved edits never rerun).
        sync = result.capabilities.text_document_sync
        assert isinstance(sync, types.TextDocumentSyncOptions), sync
        assert sync.save and sync.change in (None, types.TextDocumentSyncKind.None_)
        await lsp.shutdown_session()
        assert lsp._server is not None and lsp._server.returncode == 0
    finally:
        await lsp.stop()


async def test_hello_runs_the_app_and_a_widget_value_reruns_it(
    rec: Recorder, tmp_path: Path
) -> None:
    script = write(tmp_path / "app.py", SEED)
    result = await rec.open("s1", script)
    assert result == {"session": "s1", "script": str(script), "version": "0.1.0"}
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.text("s1", "0 squared is 0")
    start = rec.frame("s1", lambda f: f["t"] == "run_start")
    assert start is not None and start["session"] == "s1" and start["script"] == str(script)
    await rec.until(lambda: rec.run_end("s1", 1))

    running, idle = await rec.until(lambda: rec.status[:2] if len(rec.status) >= 2 else None)
    assert running == {"session": "s1", "script": str(script), "state": "running", "run": 1}
    assert idle["state"] == "idle" and idle["run"] == 1 and idle["ms"] >= 0

    slider = rec.frame("s1", lambda f: f["t"] == "upsert" and f["type"] == "slider")
    assert slider is not None
    rec.send("s1", t="widget_value", id=slider["props"]["id"], value=3, run=1)
    await rec.text("s1", "3 squared is 9")
    await rec.until(lambda: any(s["state"] == "idle" and s["run"] == 2 for s in rec.status))


async def test_frames_are_batched_into_notifications_of_about_a_megabyte(
    rec: Recorder, tmp_path: Path
) -> None:
    source = "import sidepane as st\nfor i in range(300):\n    st.text(str(i) + 'x' * 20_000)\n"
    await rec.open("s1", write(tmp_path / "app.py", source))
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.until(lambda: rec.run_end("s1", 1))
    frames = sum(n for _, n in rec.messages)
    assert frames == 302  # run_start, 300 texts, run_end
    assert len(rec.messages) < frames // 2  # batched, usually a handful of notifications
    assert all(size < (1 << 20) + 30_000 for size, _ in rec.messages)
    assert len(rec.messages) >= 6  # 6 MB of text: never one huge notification


async def test_an_error_is_a_diagnostic_until_a_saved_fix_reruns(
    rec: Recorder, client: LanguageClient, tmp_path: Path
) -> None:
    script = write(tmp_path / "app.py", "import sidepane as st\nst.write('hi')\nvalue = 1 / 0\n")
    uri = from_fs_path(str(script))
    assert uri is not None
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    (diagnostic,) = await rec.until(lambda: client.diagnostics.get(uri))
    assert diagnostic.range.start.line == 2
    assert (diagnostic.range.start.character, diagnostic.range.end.character) == (8, 13)
    assert diagnostic.message == "ZeroDivisionError: division by zero"
    assert diagnostic.source == "sidepane"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    await rec.until(lambda: any(s["state"] == "error" for s in rec.status))

    write(script, "import sidepane as st\nst.write('fixed!')\nvalue = 1 / 1\n")
    await rec.text("s1", "fixed!")
    await rec.until(lambda: client.diagnostics.get(uri) == ())
    assert rec.status[-1]["state"] == "idle"


async def test_errors_point_into_local_modules_and_at_syntax_errors(
    rec: Recorder, client: LanguageClient, tmp_path: Path
) -> None:
    helper = write(tmp_path / "lsp_test_helper_mod.py", "def boom():\n    raise KeyError('k')\n")
    script = write(
        tmp_path / "app.py",
        "import sidepane as st\nimport lsp_test_helper_mod\nlsp_test_helper_mod.boom()\n",
    )
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    helper_uri = from_fs_path(str(helper))
    (diagnostic,) = await rec.until(lambda: client.diagnostics.get(helper_uri))
    assert diagnostic.range.start.line == 1
    assert diagnostic.message == "KeyError: 'k'"

    # A syntax error in the script: on its own line, and the module's diagnostic is cleared.
    write(script, "import sidepane as st\nst.write('a')\nx = (1,\n")
    uri = from_fs_path(str(script))
    (diagnostic,) = await rec.until(lambda: client.diagnostics.get(uri))
    assert diagnostic.range.start.line == 2
    assert diagnostic.message.startswith("SyntaxError: ")
    await rec.until(lambda: client.diagnostics.get(helper_uri) == ())


async def test_ask_mode_offers_the_change_and_always_rerun_reports_it(
    rec: Recorder, tmp_path: Path
) -> None:
    script = write(tmp_path / "app.py", "import sidepane as st\nst.write('before')\n")
    await rec.open("s1", script, runOnSave="ask")
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.until(lambda: rec.run_end("s1", 1))
    write(script, "import sidepane as st\nst.write('after!')\n")
    changed = await rec.until(lambda: rec.frame("s1", lambda f: f["t"] == "source_changed"))
    assert changed["path"] == os.path.realpath(script)
    await asyncio.sleep(0.2)
    assert rec.run_end("s1", 2) is None  # offered, not rerun

    # "Always rerun" in the panel: the extension hears of it, and the pending change applies.
    rec.send("s1", t="run_on_save", enabled=True)
    assert await rec.until(lambda: rec.run_on_save) == [{"session": "s1", "enabled": True}]
    await rec.text("s1", "after!")


async def test_configure_never_ignores_saves_and_args_reach_the_script(
    rec: Recorder, client: LanguageClient, tmp_path: Path
) -> None:
    script = write(
        tmp_path / "app.py", "import sys\nimport sidepane as st\nst.write(repr(sys.argv[1:]))\n"
    )
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.text("s1", "['--from-init']")  # initializationOptions
    client.protocol.notify("sidepane/configure", {"runOnSave": "never", "args": ["--n", "2"]})
    await rec.open("s1", script)  # answered after the configure before it is applied
    write(script, "import sys\nimport sidepane as st\nst.write('saved', repr(sys.argv[1:]))\n")
    await asyncio.sleep(0.3)
    assert rec.run_end("s1", 2) is None
    assert not any(f["t"] == "source_changed" for f in rec.frames["s1"])
    rec.send("s1", t="rerun")
    await rec.text("s1", "saved ['--n', '2']")

    # A debug session's own args: openSession again on the open session, then a rerun.
    await rec.open("s1", script, args=["--debug-data"])
    rec.send("s1", t="rerun")
    await rec.text("s1", "saved ['--debug-data']")


async def test_bad_messages_are_dropped_and_the_server_keeps_answering(
    rec: Recorder, client: LanguageClient, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.py"
    with pytest.raises(JsonRpcInvalidParams) as caught:
        await rec.open("s0", missing)
    assert str(missing) in caught.value.message
    notes = write(tmp_path / "notes.txt", "not python")
    with pytest.raises(JsonRpcInvalidParams) as caught:
        await rec.open("s0", notes)
    assert str(notes) in caught.value.message
    with pytest.raises(JsonRpcInvalidParams):
        await client.protocol.send_request_async("sidepane/openSession", {"script": 3})

    script = write(tmp_path / "app.py", SEED)
    await rec.open("s1", script)
    notify = client.protocol.notify
    notify("sidepane/message", {"session": "s1", "data": "%%% not base64 %%%"})
    notify("sidepane/message", {"session": "s1", "data": base64.b64encode(b"\xc1\xc1").decode()})
    notify(
        "sidepane/message",
        {"session": "s1", "data": base64.b64encode(b"\x93\x01\x02\x03").decode()},
    )
    notify("sidepane/message", {"session": "nobody", "data": encode(t="hello", v=PROTOCOL_VERSION)})
    notify("sidepane/message", {"session": "s1"})
    notify("sidepane/message", [1, 2])
    notify("sidepane/closeSession", {"session": "nobody"})
    notify("sidepane/configure", {"runOnSave": "sometimes"})
    notify("sidepane/no_such_method", {})
    rec.send("s1", t="no_such_frame")
    rec.send("s1", t="widget_value", id="nope", value=1, run=1)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.text("s1", "0 squared is 0")
    assert "nobody" not in rec.frames
    assert (await rec.open("s2", script))["session"] == "s2"


async def test_a_script_printing_to_stdout_does_not_break_the_stream(
    rec: Recorder, tmp_path: Path
) -> None:
    source = (
        "import os, subprocess, sys\n"
        "import sidepane as st\n"
        "print('Content-Length: 5\\r\\n\\r\\nhello' * 100)\n"
        "sys.stdout.flush()\n"
        "os.write(1, b'raw bytes on fd 1\\n')\n"
        "sys.__stdout__.write('via __stdout__\\n')\n"
        "subprocess.run([sys.executable, '-c', 'print(123)'], check=True)\n"
        "st.write('still fine')\n"
    )
    await rec.open("s1", write(tmp_path / "app.py", source))
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.text("s1", "still fine")
    rec.send("s1", t="rerun")
    await rec.until(lambda: rec.run_end("s1", 2))
    assert (await rec.open("s2", tmp_path / "app.py"))["session"] == "s2"


async def test_an_endless_script_never_blocks_the_server(rec: Recorder, tmp_path: Path) -> None:
    source = "import sidepane as st\nst.write('looping')\nwhile True:\n    pass\n"
    script = write(tmp_path / "app.py", source)
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.text("s1", "looping")
    started = time.monotonic()
    assert (await rec.open("s2", write(tmp_path / "other.py", SEED)))["session"] == "s2"
    rec.send("s2", t="hello", v=PROTOCOL_VERSION)
    await rec.text("s2", "0 squared is 0")
    assert time.monotonic() - started < 2.0
    rec.send("s1", t="stop")
    end = await rec.until(lambda: rec.run_end("s1", 1))
    assert end["status"] == "stopped"
    await rec.until(lambda: any(s["session"] == "s1" and s["state"] == "idle" for s in rec.status))


async def test_two_sessions_of_a_script_share_one_app(rec: Recorder, tmp_path: Path) -> None:
    source = (
        "import sidepane as st\n"
        "from sidepane.runtime.context import get_run_context\n"
        "ctx = get_run_context()\n"
        "st.write(f'app {id(ctx.session.app)} session {ctx.session.id}')\n"
    )
    script = write(tmp_path / "app.py", source)
    await rec.open("a", script)
    await rec.open("b", script, runOnSave="always")
    rec.send("a", t="hello", v=PROTOCOL_VERSION)
    rec.send("b", t="hello", v=PROTOCOL_VERSION)
    (text_a,) = await rec.until(lambda: rec.texts("a"))
    (text_b,) = await rec.until(lambda: rec.texts("b"))
    assert text_a.endswith("session a") and text_b.endswith("session b")
    assert text_a.split()[1] == text_b.split()[1]

    # Closing one leaves the other running and rerunning on save.
    rec.client.protocol.notify("sidepane/closeSession", {"session": "a"})
    await rec.open("b", script)  # answered once the close before it is done
    write(script, source + "st.write('saved once more')\n")
    await rec.text("b", "saved once more")
    assert not any("saved once more" in t for t in rec.texts("a"))


async def test_the_server_exits_when_stdin_closes(tmp_path: Path) -> None:
    """The extension may be killed: at the end of stdin the server ends, even with a script
    spinning and a non-daemon thread of the script's still running."""
    script = write(
        tmp_path / "app.py",
        "import threading, time\n"
        "import sidepane as st\n"
        "threading.Thread(target=lambda: time.sleep(60)).start()\n"
        "st.write('spinning')\n"
        "while True:\n    pass\n",
    )
    messages = [
        {"id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {
            "id": 2,
            "method": "sidepane/openSession",
            "params": {"session": "s1", "script": str(script)},
        },
        {
            "method": "sidepane/message",
            "params": {"session": "s1", "data": encode(t="hello", v=PROTOCOL_VERSION)},
        },
    ]
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "sidepane",
        "lsp",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        for message in messages:
            body = json.dumps({"jsonrpc": "2.0", **message}).encode()
            server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        seen = b""
        while b'"running"' not in seen:  # the endless run started
            seen += await asyncio.wait_for(server.stdout.read(65536), 10)
        server.stdin.close()
        assert await asyncio.wait_for(server.wait(), 10) == 0
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()


def _dap_client(port: int) -> Any:
    """tests/e2e's DAP client, connected to the server's debugpy."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "e2e"))
    from dap_client import DapClient

    return DapClient(port)


async def _first_run_stopped_at(dap: Any, rec: Recorder, script: Path, line: int) -> Any:
    """Attach, break at `line`, open session s1 on `script`: its first run's `stopped` event."""
    await asyncio.to_thread(dap.attach, justMyCode=True)
    await asyncio.to_thread(
        dap.request, "setBreakpoints", source={"path": str(script)}, breakpoints=[{"line": line}]
    )
    await asyncio.to_thread(dap.request, "configurationDone")
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    return await asyncio.to_thread(dap.wait_event, "stopped")


async def test_start_debug_serves_dap_and_breakpoints_stop_a_panel_run(
    rec: Recorder, client: LanguageClient, tmp_path: Path
) -> None:
    script = write(tmp_path / "app.py", SEED)
    first = await client.protocol.send_request_async("sidepane/startDebug", {})
    again = await client.protocol.send_request_async("sidepane/startDebug", {})
    assert first == again and first["host"] == "127.0.0.1" and first["port"] > 0

    dap = await asyncio.to_thread(_dap_client, first["port"])
    try:
        stopped = await _first_run_stopped_at(dap, rec, script, 3)
        paused = await rec.until(lambda: rec.frame("s1", lambda f: f["t"] == "debug"))
        assert paused["paused"] and paused["line"] == 3 and paused["file"] == str(script)
        # The server answers while the run is held (its loop is not the paused thread).
        await client.protocol.send_request_async("sidepane/startDebug", {})
        thread = stopped["body"]["threadId"]
        threads = await asyncio.to_thread(dap.request, "threads")
        # The server's own threads (loop pools, file watchers, the monitor) are not listed.
        names = sorted(t["name"] for t in threads["threads"])
        assert names == ["sidepane-script-s1"], names
        await asyncio.to_thread(dap.request, "continue", threadId=thread)
        await rec.text("s1", "0 squared is 0")
        await asyncio.to_thread(dap.request, "disconnect")
    finally:
        dap.close()


async def test_an_editor_save_reruns_at_once(
    rec: Recorder, client: LanguageClient, tmp_path: Path
) -> None:
    script = write(tmp_path / "app.py", SEED)
    await rec.open("s1", script)
    rec.send("s1", t="hello", v=PROTOCOL_VERSION)
    await rec.until(lambda: rec.run_end("s1", 1))
    # No write on disk, so no file event: only the editor's word reruns the app.
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=from_fs_path(str(script)) or "")
        )
    )
    await rec.until(lambda: rec.run_end("s1", 2))


async def test_status_says_paused_at_a_breakpoint_and_running_when_it_goes_on(
    rec: Recorder, client: LanguageClient, tmp_path: Path
) -> None:
    """The status bar's "paused at app.py:3": `sidepane/status` with state `paused`."""
    script = write(tmp_path / "app.py", SEED)
    endpoint = await client.protocol.send_request_async("sidepane/startDebug", {})
    dap = await asyncio.to_thread(_dap_client, endpoint["port"])
    try:
        stopped = await _first_run_stopped_at(dap, rec, script, 3)
        paused = await rec.until(lambda: [s for s in rec.status if s["state"] == "paused"])
        assert paused[0] == {
            "session": "s1",
            "script": str(script),
            "state": "paused",
            "run": 1,
            "file": str(script),
            "line": 3,
        }
        await asyncio.to_thread(dap.request, "continue", threadId=stopped["body"]["threadId"])
        await rec.until(lambda: any(s["state"] == "idle" and s["run"] == 1 for s in rec.status))
        await asyncio.sleep(0.3)  # the debugger's monitor has seen the run go on by now
        states = [s["state"] for s in rec.status if s["run"] == 1]
        # "running" again after the pause only if the run was still going; never after "idle".
        assert states[:2] == ["running", "paused"] and states[-1] == "idle", states
        # VS Code's Stop: `terminate` only detaches, and says the session is over.
        await asyncio.to_thread(dap.request, "terminate")
        await asyncio.to_thread(dap.wait_event, "terminated")
        await asyncio.to_thread(dap.request, "disconnect", terminateDebuggee=False)
        rec.send("s1", t="rerun")
        await rec.until(lambda: any(s["state"] == "idle" and s["run"] == 2 for s in rec.status))
    finally:
        dap.close()
