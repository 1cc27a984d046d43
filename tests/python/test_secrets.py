"""st.secrets: secrets.toml files read as Streamlit 1.67 reads them, and AppTest.secrets."""

from __future__ import annotations

import os
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import async_test, is_body, open_tab, serving

from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.testing import AppTest


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """A home folder, a working folder and an app folder, each without secrets yet."""
    folders = {name: tmp_path / name for name in ("home", "cwd", "app")}
    for folder in folders.values():
        folder.mkdir()
    monkeypatch.setenv("HOME", str(folders["home"]))
    monkeypatch.chdir(folders["cwd"])
    yield folders
    for key in ("SP_TOKEN", "SP_PORT", "SP_FLAG", "SP_ONLY_HOME", "SP_LEVEL"):
        os.environ.pop(key, None)


def _secrets(folder: Path, text: str) -> Path:
    path = folder / ".streamlit" / "secrets.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _app(folder: Path, source: str) -> AppTest:
    script = folder / "app.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    return AppTest.from_file(script)


def _texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def test_dict_and_attribute_access_nested_sections_and_mapping_protocol(
    dirs: dict[str, Path],
) -> None:
    _secrets(
        dirs["app"],
        """
        SP_TOKEN = "abc"
        SP_PORT = 5432
        SP_FLAG = true
        [db]
        user = "ann"
        [db.options]
        timeout = 3
        """,
    )
    at = _app(
        dirs["app"],
        """
        import os
        import streamlit as st
        st.text(st.secrets["db"]["user"])
        st.text(st.secrets.db.user)
        st.text(str(st.secrets.db.options.timeout))
        st.text(repr(st.secrets.db.to_dict()))
        st.text(repr(st.secrets.to_dict()["db"]["options"]))
        st.text(str(("db" in st.secrets, "nope" in st.secrets, len(st.secrets))))
        st.text(",".join(sorted(st.secrets)))
        st.text(str(len(st.secrets.db)) + " " + ",".join(st.secrets.db))
        st.text(str((os.environ["SP_TOKEN"], os.environ["SP_PORT"], "SP_FLAG" in os.environ)))
        st.text(str(st.secrets.get("nope", "dflt")))
        try:
            st.secrets.db["user"] = "x"
        except TypeError as e:
            st.text(str(e))
        try:
            st.secrets.SP_TOKEN = "x"
        except TypeError as e:
            st.text(str(e))
        """,
    ).run()
    assert not at.exception
    assert _texts(at) == [
        "ann",
        "ann",
        "3",
        "{'user': 'ann', 'options': {'timeout': 3}}",
        "{'timeout': 3}",
        "(True, False, 4)",
        "SP_FLAG,SP_PORT,SP_TOKEN,db",
        "2 user,options",
        "('abc', '5432', False)",
        "dflt",
        "Secrets does not support item assignment.",
        "Secrets does not support attribute assignment.",
    ]


def test_files_merge_home_then_cwd_then_the_scripts_folder(dirs: dict[str, Path]) -> None:
    _secrets(dirs["home"], 'SP_LEVEL = "home"\nSP_ONLY_HOME = "h"\n[db]\nuser = "home"\n')
    _secrets(dirs["cwd"], 'SP_LEVEL = "cwd"\n[db]\nhost = "cwd"\n')
    _secrets(dirs["app"], 'SP_LEVEL = "app"\n')
    at = _app(
        dirs["app"],
        """
        import streamlit as st
        st.text(st.secrets.SP_LEVEL)
        st.text(st.secrets.SP_ONLY_HOME)
        st.text(repr(st.secrets.db.to_dict()))
        """,
    ).run()
    # Later files win key by key at the top level: a table is replaced whole, not merged.
    assert _texts(at) == ["app", "h", "{'host': 'cwd'}"]


def test_missing_keys_raise_streamlits_messages(dirs: dict[str, Path]) -> None:
    _secrets(dirs["app"], '[db]\nuser = "ann"\n')
    at = _app(
        dirs["app"],
        """
        import streamlit as st
        for get in (lambda: st.secrets["nope"], lambda: st.secrets.db["nope"]):
            try:
                get()
            except KeyError as e:
                st.text(e.args[0])
        for get in (lambda: st.secrets.nope, lambda: st.secrets.db.nope):
            try:
                get()
            except AttributeError as e:
                st.text(str(e))
        st.text(str(hasattr(st.secrets, "nope")))
        """,
    ).run()
    texts = _texts(at)
    assert texts[0].startswith('st.secrets has no key "nope". Did you forget to add it')
    assert texts[1].startswith('st.secrets has no key "nope".')
    assert texts[2].startswith('st.secrets has no attribute "nope". Did you forget')
    assert texts[3].startswith('st.secrets has no attribute "nope".')
    assert texts[4] == "False"


def test_no_secrets_file_lists_where_one_may_go(dirs: dict[str, Path]) -> None:
    at = _app(
        dirs["app"],
        """
        import streamlit as st
        try:
            st.secrets["x"]
        except FileNotFoundError as e:
            st.text("FileNotFoundError " + str(e))
        try:
            st.secrets["x"]
        except KeyError:
            st.text("KeyError too")
        st.secrets["x"]
        """,
    ).run()
    home, cwd, app = (dirs[k] / ".streamlit" / "secrets.toml" for k in ("home", "cwd", "app"))
    expected = (
        "No secrets found. Valid paths for a secrets.toml file or secret directories are: "
        f"{home}, {cwd}, {app}"
    )
    assert _texts(at) == [f"FileNotFoundError {expected}", "KeyError too"]
    assert at.exception[0].value == expected
    assert at.exception[0].type_name.endswith("StreamlitSecretNotFoundError")


def test_a_file_edited_on_disk_is_read_again_on_the_next_run(dirs: dict[str, Path]) -> None:
    path = _secrets(dirs["app"], 'SP_TOKEN = "one"\n')
    at = _app(dirs["app"], "import streamlit as st\nst.text(st.secrets.SP_TOKEN)\n").run()
    assert _texts(at) == ["one"]
    assert os.environ["SP_TOKEN"] == "one"
    time.sleep(0.01)
    path.write_text('SP_TOKEN = "two, longer"\n', encoding="utf-8")
    at.run()
    assert _texts(at) == ["two, longer"]
    assert os.environ["SP_TOKEN"] == "two, longer"
    path.write_text("[other]\nx = 1\n", encoding="utf-8")
    at.run()
    # The key left the file: its environment variable goes too.
    assert "SP_TOKEN" not in os.environ
    assert at.exception[0].value.startswith('st.secrets has no attribute "SP_TOKEN"')


def test_a_malformed_file_is_named_with_its_line(dirs: dict[str, Path]) -> None:
    path = _secrets(dirs["app"], '[db]\nuser = "ann"\nthis is not toml\n')
    at = _app(dirs["app"], 'import streamlit as st\nst.text(st.secrets["db"]["user"])\n').run()
    message = at.exception[0].value
    assert message.startswith(f"Error parsing secrets file at {path}: ")
    assert "line 3" in message
    # Attribute access still raises AttributeError, and still names the broken file.
    at = _app(dirs["app"], "import streamlit as st\nst.text(st.secrets.db.user)\n").run()
    assert f"Error parsing secrets file at {path}" in at.exception[0].value
    assert "line 3" in at.exception[0].value
    path.write_text('[db]\nuser = "ann"\n', encoding="utf-8")
    assert _texts(at.run()) == ["ann"]


def test_apptest_secrets_replace_the_files(dirs: dict[str, Path]) -> None:
    _secrets(dirs["app"], 'SP_TOKEN = "from file"\n')
    at = _app(
        dirs["app"],
        """
        import streamlit as st
        st.text(st.secrets["SP_TOKEN"])
        st.text(st.secrets.db.user)
        """,
    )
    at.secrets["SP_TOKEN"] = "from test"
    at.secrets["db"] = {"user": "bob"}
    at.run()
    assert _texts(at) == ["from test", "bob"]
    assert at.secrets["SP_TOKEN"] == "from test"
    at.secrets.clear()
    at.run()
    assert at.text[0].value == "from file"


@async_test
async def test_saving_secrets_toml_reruns_the_app(dirs: dict[str, Path]) -> None:
    path = _secrets(dirs["app"], 'SP_TOKEN = "one"\n')
    source = "import sidepane as st\nst.text(st.secrets.SP_TOKEN)\n"
    async with serving(dirs["app"], source, run_on_save=True) as server, open_tab(server) as tab:
        await tab.send("hello", v=PROTOCOL_VERSION)
        await tab.until(is_body("one"))
        path.write_text('SP_TOKEN = "two!"\n', encoding="utf-8")
        await tab.until(is_body("two!"))


def test_a_thread_the_script_starts_reads_the_apps_secrets(dirs: dict[str, Path]) -> None:
    _secrets(dirs["app"], 'SP_TOKEN = "from the app folder"\n')
    at = _app(
        dirs["app"],
        """
        import threading
        import streamlit as st
        seen = []
        worker = threading.Thread(target=lambda: seen.append(st.secrets["SP_TOKEN"]))
        worker.start()
        worker.join()
        st.text(seen[0])
        """,
    ).run()
    assert _texts(at) == ["from the app folder"]
