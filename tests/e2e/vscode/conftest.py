"""Fixtures for the extension in real VS Code: one code-server for the session (the extension
from dist/sidepane.vsix installed in a fresh extensions dir), one Chromium, and per test a fresh
workspace folder with the seed app open in a new window."""

from __future__ import annotations

from collections.abc import Generator, Iterator

import pytest
from playwright.sync_api import Browser
from vscode_harness import (
    REPO,
    SEED,
    VSIX,
    CodeServer,
    OpenWorkbench,
    Workbench,
    code_server_launcher,
    sigterm_unwinds,
)

FAILURES = REPO / "tests" / "e2e" / "artifacts"


@pytest.fixture(scope="session")
def code_server() -> Iterator[CodeServer]:
    if not VSIX.exists():
        pytest.fail(f"{VSIX} is missing: `make vsix` builds it (`make vscode-e2e` does all)")
    try:
        launcher = code_server_launcher()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    with sigterm_unwinds():
        server = CodeServer(launcher)
        try:
            server.start()
            yield server
        finally:
            server.cleanup()


@pytest.fixture(scope="session")
def vscode_browser(browser: Browser) -> Browser:
    """The Chromium of tests/e2e/conftest.py: one Playwright per process (a second sync
    Playwright cannot start while the first runs, as when all of tests/e2e runs at once)."""
    return browser


@pytest.fixture
def open_workbench(
    request: pytest.FixtureRequest, code_server: CodeServer, vscode_browser: Browser
) -> Iterator[OpenWorkbench]:
    """`open_workbench(files=None, open_file="app.py")`: a new window on a fresh workspace
    folder named after the test (the seed app by default), with that file in the editor."""
    opened: list[Workbench] = []

    def open_(files: dict[str, str] | None = None, open_file: str | None = "app.py") -> Workbench:
        name = f"{request.node.name}-{len(opened)}"
        folder = code_server.workspace(name, files if files is not None else {"app.py": SEED})
        bench = Workbench.open(vscode_browser, code_server, folder)
        opened.append(bench)
        if open_file:
            bench.open_file(open_file)
        return bench

    yield open_
    failed = getattr(request.node, "rep_call", None)
    for i, bench in enumerate(opened):
        if failed is not None and failed.failed:
            FAILURES.mkdir(parents=True, exist_ok=True)
            try:
                bench.page.screenshot(
                    path=str(FAILURES / f"vscode_failed_{request.node.name}_{i}.png")
                )
            except Exception:
                pass
        bench.close()


@pytest.fixture
def workbench(open_workbench: OpenWorkbench) -> Workbench:
    """A window on the seed app, app.py open in the editor."""
    return open_workbench()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep the call's report on the item (the fixtures' teardown screenshots failures), and
    attach code-server's and the extension's logs to a failure."""
    report = yield
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]
    server = getattr(item, "funcargs", {}).get("code_server")
    if report.failed and isinstance(server, CodeServer):
        report.sections.append(("code-server log", server.tail()))
        report.sections.append(("extension logs", server.extension_logs()))
    return report
