"""Breakpoints inside reruns, in browser mode: `sidepane run --debug PORT` + a DAP client."""

from __future__ import annotations

from typing import Any

from dap_client import DapClient
from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server, free_port

APP = """\
import sidepane as st
x = st.slider('x')
st.write(x, 'squared is', x * x)
st.write('done')
"""


def attach(port: int, script: str, lines: list[dict[str, Any]]) -> DapClient:
    client = DapClient(port)
    client.attach(justMyCode=True)
    client.request("setBreakpoints", source={"path": script}, breakpoints=lines)
    client.request("configurationDone")
    return client


def stopped_at(client: DapClient) -> tuple[int, dict[str, Any]]:
    event = client.wait_event("stopped")
    thread = event["body"]["threadId"]
    frames = client.request("stackTrace", threadId=thread)["stackFrames"]
    return thread, frames[0]


def evaluate(client: DapClient, frame: dict[str, Any], expression: str) -> str:
    body = client.request("evaluate", expression=expression, frameId=frame["id"], context="repl")
    return str(body["result"])


def test_breakpoints_stop_reruns_and_the_app_goes_on_after_detach(page: Page, serve: Any) -> None:
    dap_port = free_port()
    server: Server = serve(APP, "--debug", str(dap_port))
    script = str(server.script.resolve())
    client = attach(dap_port, script, [{"line": 3}])

    page.goto(server.url)
    thread, frame = stopped_at(client)
    assert (frame["line"], frame["source"]["path"]) == (3, script)
    assert evaluate(client, frame, "x") == "0"
    expect(page.get_by_text("Paused at app.py:3")).to_be_visible()
    page.wait_for_timeout(400)  # the running indicator shows after 300 ms
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "debug_paused_browser.png"))
    client.request("continue", threadId=thread)
    expect(page.get_by_text("0 squared is 0")).to_be_visible()
    expect(page.get_by_text("Paused at app.py:3")).to_have_count(0)

    # A widget change reruns the script, which stops again, with that run's variables.
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    thread, frame = stopped_at(client)
    assert evaluate(client, frame, "x") == "1"
    assert evaluate(client, frame, "x * 10") == "10"
    client.request("continue", threadId=thread)
    expect(page.get_by_text("1 squared is 1")).to_be_visible()

    # A logpoint logs without stopping.
    client.request(
        "setBreakpoints", source={"path": script}, breakpoints=[{"line": 4, "logMessage": "x={x}"}]
    )
    before = len(client.seen)
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("2 squared is 4")).to_be_visible()
    output = client.wait_event("output")
    while "x=2" not in output["body"]["output"]:
        output = client.wait_event("output")
    assert not any(e["event"] == "stopped" for e in client.seen[before:])

    # Detached: the app keeps running, without stopping.
    client.request("disconnect")
    client.close()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("3 squared is 9")).to_be_visible()

    # And a debugger attaches again.
    again = attach(dap_port, script, [{"line": 3}])
    page.keyboard.press("ArrowRight")
    thread, frame = stopped_at(again)
    assert evaluate(again, frame, "x") == "4"
    again.request("continue", threadId=thread)
    expect(page.get_by_text("4 squared is 16")).to_be_visible()
    again.request("disconnect")
    again.close()


def test_stop_ends_a_paused_run_and_terminate_only_detaches(page: Page, serve: Any) -> None:
    dap_port = free_port()
    server: Server = serve(APP, "--debug", str(dap_port))
    client = attach(dap_port, str(server.script.resolve()), [{"line": 3}])
    page.goto(server.url)
    stopped_at(client)
    expect(page.get_by_text("Paused at app.py:3")).to_be_visible()
    page.get_by_role("button", name="Stop").click()
    client.wait_event("continued")
    expect(page.get_by_text("Paused at app.py:3")).to_have_count(0)
    expect(page.get_by_text("0 squared is 0")).to_have_count(0)  # the run ended at line 3

    # The Stop button of a launch configuration terminates: the server must live on.
    client.request("terminate")
    client.close()
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("1 squared is 1")).to_be_visible()
    assert server.proc.poll() is None


def test_breakpoint_call_without_a_debugger_is_skipped_with_a_notice(
    page: Page, serve: Any
) -> None:
    server: Server = serve("import sidepane as st\nbreakpoint()\nst.write('went on')\n")
    page.goto(server.url)
    expect(page.get_by_text("went on")).to_be_visible()
    assert "breakpoint() at app.py:2 skipped" in server.output()
