"""The `st.` API loads on first use: a server opens its port without it (the largest import of a
launch), then loads it while the viewer loads the page; a script's first `st.` call gets it."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(120)

# What only the API loads: its module, every element's, the caches' decorators, st.login.
API_ONLY = (
    "sidepane.api",
    "sidepane.elements.delta_generator",
    "sidepane.elements.dg_core",
    "sidepane.caching.data_resource",
    "sidepane.auth.user",
)


def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _loaded_after(imports: str) -> set[str]:
    out = _python(f"import sys\n{imports}\nprint(' '.join(sys.modules))")
    return set(out.split()) & set(API_ONLY)


def test_importing_the_package_loads_no_api() -> None:
    assert _loaded_after("import sidepane") == set()
    # Nor do tools that look for dunders (inspect, pickle, doctest...).
    assert _loaded_after("import sidepane; hasattr(sidepane, '__wrapped__')") == set()


def test_the_servers_open_their_port_without_the_api() -> None:
    imports = (
        "import sidepane.cli, sidepane.servers.web.launch, sidepane.servers.web.server, "
        "sidepane.runtime.app, sidepane.servers.lsp.stdio"
    )
    assert _loaded_after(imports) == set()


def test_the_web_server_opens_its_port_without_the_schema() -> None:
    # The protocol's schema (every element's props) comes with the elements, later.
    out = _python(
        """
        import sys
        import sidepane.cli, sidepane.servers.web.launch, sidepane.servers.web.server
        print(sorted(m for m in sys.modules if m.startswith("sidepane.protocol.schema")))
        """
    )
    assert out.strip() == "[]"


def test_the_first_attribute_loads_every_name() -> None:
    out = _python(
        """
        import sidepane as st
        import sidepane.api as api
        st.write
        names = [n for n in api.__all__ if n in vars(api)]
        assert all(getattr(st, n) is getattr(api, n) for n in names)
        assert st.__all__ == api.__all__
        assert {"write", "sidebar", "session_state", "connection", "__version__"} <= set(dir(st))
        print(st.connection.__name__, st.typing.__name__)
        """
    )
    assert out.split() == ["connection", "sidepane.typing"]


def test_star_import_and_from_import() -> None:
    out = _python(
        """
        from sidepane import *
        from sidepane import slider
        print(callable(button), slider.__name__)
        """
    )
    assert out.split() == ["True", "slider"]


def test_a_missing_name_still_says_so() -> None:
    out = _python(
        """
        import sidepane as st
        try:
            st.wirte
        except AttributeError as e:
            print("AttributeError", hasattr(st, "wirte"))
        try:
            from sidepane import definitely_not_streamlit
        except ImportError as e:
            print("ImportError")
        """
    )
    assert out.split() == ["AttributeError", "False", "ImportError"]


def test_a_run_while_the_api_loads_in_the_background(tmp_path: Path) -> None:
    # As in `sidepane run`: the loader thread starts, and the first run comes at once. The script
    # thread waits for the loader (two threads importing the API's modules at once could each
    # see the other's half-imported modules).
    script = tmp_path / "app.py"
    script.write_text(
        "import streamlit as st\nx = st.slider('x')\nst.write(x, 'squared is', x * x)\n"
    )
    for _ in range(3):
        out = _python(
            f"""
            from sidepane.runtime import api_loader
            from sidepane.snapshot import take_snapshot, format_text
            api_loader.load_in_background()
            result = take_snapshot({str(script)!r})
            print(result.status)
            print(format_text(result))
            """
        )
        assert out.splitlines()[0] == "ok", out
        assert "`0` squared is `0`" in out


def test_the_web_server_serves_before_it_loads_the_runner_and_the_watcher() -> None:
    # They load on the API's thread while the viewer fetches the page; aiohttp (st.login's
    # client) only when someone signs in.
    out = _python(
        """
        import sys
        import sidepane.cli, sidepane.servers.web.launch, sidepane.servers.web.server
        import sidepane.runtime.app
        late = ("sidepane.runtime.session", "sidepane.servers.watcher", "aiohttp")
        print(sorted(m for m in late if m in sys.modules))
        """
    )
    assert out.strip() == "[]"


def test_sidepane_run_opens_its_port_before_it_imports_the_web_server(tmp_path: Path) -> None:
    # The browser connects while the server's modules load; its request waits in the backlog.
    # The garbage collector waits too (api_loader.pause_gc).
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.write('hi')\n")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = _python(
        f"""
        import os, socket, sys

        class Probe:
            def find_spec(self, name, path=None, target=None):
                if name == "websockets":
                    import gc
                    print("collecting" if gc.isenabled() else "not collecting")
                    with socket.socket() as s:
                        s.settimeout(5)
                        print("open" if s.connect_ex(("127.0.0.1", {port})) == 0 else "closed")
                    sys.stdout.flush()
                    os._exit(0)
                return None

        sys.meta_path.insert(0, Probe())
        from sidepane.cli import main
        main(["run", {str(script)!r}, "--headless", "--server.port", "{port}"])
        """
    )
    assert out.splitlines()[-2:] == ["not collecting", "open"], out


def test_the_loader_thread_restores_the_switch_interval() -> None:
    out = _python(
        """
        import sys, threading
        from sidepane.runtime import api_loader
        before = sys.getswitchinterval()
        api_loader.load_in_background()
        loader = next(t for t in threading.enumerate() if t.name == "sidepane-api-loader")
        loader.join(60)
        print("sidepane.api" in sys.modules, sys.getswitchinterval() == before)
        """
    )
    assert out.split() == ["True", "True"]


def test_the_garbage_collector_waits_for_the_api() -> None:
    # A launch imports ~300 modules and makes little garbage meanwhile: the collector resumes
    # once the API is loaded, with what the imports made frozen (never scanned again).
    out = _python(
        """
        import gc, threading
        from sidepane.runtime import api_loader
        api_loader.pause_gc()
        print(gc.isenabled())
        api_loader.load_in_background()
        next(t for t in threading.enumerate() if t.name == "sidepane-api-loader").join(60)
        print(gc.isenabled(), gc.get_freeze_count() > 1000)
        """
    )
    assert out.split() == ["False", "True", "True"]
