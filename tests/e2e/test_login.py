"""Sign-in end to end: st.login against a real OpenID provider (panva's oidc-provider, run by
Node from tests/e2e/oidc/), st.user in the app, st.logout (also at the provider)."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import ARTIFACTS, Server, free_port

PROVIDER_SCRIPT = Path(__file__).parent / "oidc" / "provider.mjs"

APP = """
import sidepane as st

if st.user.is_logged_in:
    st.write(f"Signed in as {st.user.email} ({st.user.name})")
    if st.button("Log out"):
        st.logout()
else:
    st.write("Signed out")
    if st.button("Log in"):
        st.login()
"""


class OidcProvider:
    """`node provider.mjs PORT REDIRECT_URI`: listening once it printed `ready`."""

    def __init__(self, redirect_uri: str) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("node is not on the PATH (the sign-in tests run oidc-provider with it)")
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [node, str(PROVIDER_SCRIPT), str(self.port), redirect_uri],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.proc.stdout is not None
        seen = []
        for line in self.proc.stdout:  # its warnings, then `ready`
            seen.append(line)
            if line.startswith("ready "):
                return
        self.stop()
        raise RuntimeError("oidc-provider did not start:\n" + "".join(seen))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@pytest.fixture
def signed_app(tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    redirect_uri = f"http://127.0.0.1:{port}/oauth2callback"
    provider = OidcProvider(redirect_uri)
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text(
        textwrap.dedent(f"""
        [auth]
        redirect_uri = "{redirect_uri}"
        cookie_secret = "{os.urandom(16).hex()}"
        client_id = "sidepane-test"
        client_secret = "sidepane-test-secret"
        server_metadata_url = "{provider.issuer}/.well-known/openid-configuration"
        client_kwargs = {{ prompt = "login" }}
        """)
    )
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(APP))
    server = Server(script, port=port)
    try:
        yield server
    finally:
        output = server.output()
        provider.stop()
        # Nothing secret is logged: neither the client secret nor a token.
        assert "sidepane-test-secret" not in output
        assert "eyJ" not in output, output


def test_log_in_see_the_user_log_out(page: Page, signed_app: Server) -> None:
    page.goto(signed_app.url)
    expect(page.get_by_text("Signed out")).to_be_visible()

    page.get_by_role("button", name="Log in").click()
    # The provider's own login form (its development interactions take any login).
    page.locator("input[name=login]").fill("tester")
    page.locator("input[name=password]").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()  # consent to the app's scopes

    expect(page.get_by_text("Signed in as tester@example.com (Test Person)")).to_be_visible()
    assert page.url.rstrip("/") == signed_app.url
    # The identity is in an HttpOnly cookie: the page's scripts see no cookie, no token.
    assert page.evaluate("document.cookie") == ""
    cookies = {c["name"]: c for c in page.context.cookies(signed_app.url)}
    assert cookies["_sidepane_user"]["httpOnly"]
    assert "eyJ" not in page.content()
    page.screenshot(path=str(ARTIFACTS / "login_signed_in.png"))

    # A reload (a new session) is still signed in: the cookie carries the sign-in.
    page.reload()
    expect(page.get_by_text("Signed in as tester@example.com (Test Person)")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    # The provider supports RP-initiated logout: it asks, then sends the browser back.
    page.get_by_role("button", name="Yes, sign me out").click()
    expect(page.get_by_text("Signed out")).to_be_visible()
    assert page.url.rstrip("/") == signed_app.url
    assert "_sidepane_user" not in {c["name"] for c in page.context.cookies(signed_app.url)}
    page.reload()
    expect(page.get_by_text("Signed out")).to_be_visible()
