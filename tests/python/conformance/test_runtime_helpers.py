"""The Streamlit internals that apps import (`streamlit.runtime.exists()`, the script run context
and threads given it, the run-control exceptions, the type paths), through the AppTest API: the
same scripts and asserts pass on Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane."""

from __future__ import annotations

from typing import Any


def run(AppTest: Any, source: str) -> Any:
    return AppTest.from_string(source, default_timeout=10).run()


def test_the_runtime_exists_and_a_run_has_a_context(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        from streamlit import runtime
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.runtime.scriptrunner_utils.script_run_context import (
            get_script_run_ctx as get_ctx_too,
        )
        ctx = get_script_run_ctx()
        st.write(runtime.exists(), st.runtime.exists())
        st.write(type(ctx).__name__, isinstance(ctx.session_id, str) and len(ctx.session_id) > 0)
        st.write(get_ctx_too().session_id == ctx.session_id)
        st.session_state.n = st.session_state.get("n", 0) + 1
        st.write(ctx.session_state["n"])
        """,
    )
    assert not at.exception
    assert at.markdown.values == [
        "`True` `True`",
        "ScriptRunContext `True`",
        "`True`",
        "`1`",
    ]
    first = at.markdown[0].value
    at.run()
    assert at.markdown.values[0] == first and at.markdown.values[3] == "`2`"


def test_a_thread_given_the_context_draws_into_the_run(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

        def work(name):
            st.write(f"from {name}")
            st.session_state[name] = True

        st.write("before")
        given = threading.Thread(target=work, args=("given",))
        assert add_script_run_ctx(given) is given
        given.start()
        given.join()
        bare = threading.Thread(target=work, args=("bare",))
        bare.start()
        bare.join()
        ctx = get_script_run_ctx()
        later = threading.Thread(target=lambda: add_script_run_ctx(ctx=ctx) and work("self"))
        later.start()
        later.join()
        st.write("after " + str(sorted(st.session_state.to_dict())))
        """,
    )
    assert not at.exception
    assert at.markdown.values == [
        "before",
        "from given",
        "from self",
        "after ['given', 'self']",  # a thread without the context has no session state
    ]


def test_a_thread_writes_into_a_placeholder_of_the_run(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx

        slot = st.empty()
        st.write("below")

        def work():
            bar = slot.progress(0, text="working")
            bar.progress(100, text="done")

        thread = add_script_run_ctx(threading.Thread(target=work))
        thread.start()
        thread.join()
        """,
    )
    assert not at.exception
    assert at.main[0].type == "progress" and at.main[0].value == 100
    assert at.markdown.values == ["below"]


def test_rerun_and_stop_exceptions_steer_the_run(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        from streamlit.runtime.scriptrunner import RerunData, RerunException, StopException
        from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException
        from streamlit.runtime.scriptrunner.script_runner import RerunException as Rerun2

        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.write("runs", st.session_state.runs)
        if st.session_state.runs == 1:
            raise RerunException(RerunData())
        try:
            if st.session_state.runs == 2:
                st.rerun()
        except RerunException:
            raise
        st.write(issubclass(StopException, ScriptControlException), Rerun2 is RerunException)
        raise StopException()
        st.write("never")
        """,
    )
    assert not at.exception
    assert at.markdown.values == ["runs `3`", "`True` `True`"]


def test_the_type_paths_apps_annotate_with(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        from streamlit.delta_generator import DeltaGenerator
        from streamlit.runtime.state import SessionStateProxy, WidgetArgs, WidgetCallback
        from streamlit.runtime.state.session_state_proxy import SessionStateProxy as Proxy
        from streamlit.runtime.uploaded_file_manager import UploadedFile
        from streamlit.runtime.caching import cache_data
        from streamlit.runtime.metrics_util import gather_metrics
        from streamlit.logger import get_logger
        from streamlit.errors import StreamlitAPIException
        from streamlit.web import cli as stcli

        @gather_metrics("double")
        def double(x):
            return 2 * x

        @cache_data
        def triple(x):
            return 3 * x

        box = st.container()
        st.write(
            isinstance(box, DeltaGenerator),
            isinstance(st.sidebar, DeltaGenerator),
            isinstance(st.session_state, SessionStateProxy),
            Proxy is SessionStateProxy,
            double(2),
            triple(2),
            get_logger(__name__).name == __name__,
            callable(stcli.main),
        )
        try:
            st.number_input("n", min_value=5, max_value=1)
        except StreamlitAPIException:
            st.write("caught")
        """,
    )
    assert not at.exception
    assert at.markdown.values == [
        "`True` `True` `True` `True` `4` `6` `True` `True`",
        "caught",
    ]


def test_an_app_that_launches_itself_when_run_bare(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import sys
        import streamlit as st
        from streamlit import runtime
        from streamlit.web import cli as stcli

        def main():
            st.title("App")

        if __name__ == "__main__":
            if runtime.exists():
                main()
            else:
                sys.argv = ["streamlit", "run", sys.argv[0]]
                sys.exit(stcli.main())
        """,
    )
    assert not at.exception
    assert at.title[0].value == "App"


def test_a_thread_has_its_own_with_blocks(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx

        left, right = st.columns(2)

        def work():
            st.write("from thread")
            with st.sidebar:
                st.write("thread sidebar")
            st.write("thread again")

        with left:
            st.write("in left")
            thread = add_script_run_ctx(threading.Thread(target=work))
            thread.start()
            thread.join()
            st.write("left again")
        """,
    )
    assert not at.exception
    # The thread starts at the top level of the app, not in the `with` block it was started in,
    # and its own `with` block does not move where the script writes.
    assert at.columns[0].markdown.values == ["in left", "left again"]
    assert at.sidebar.markdown.values == ["thread sidebar"]
    assert at.main.markdown.values[2:] == ["from thread", "thread again"]


def test_runtime_submodules_as_attributes_and_package_deprecations(AppTest: Any) -> None:
    at = run(
        AppTest,
        """
        import streamlit as st
        from streamlit.deprecation_util import show_deprecation_warning

        ctx = __import__("streamlit").runtime.scriptrunner.get_script_run_ctx()
        st.write(type(ctx).__name__)
        show_deprecation_warning("quiet", False)
        show_deprecation_warning("shown")
        show_deprecation_warning("once", show_once=True)
        show_deprecation_warning("once", show_once=True)
        """,
    )
    assert not at.exception
    assert at.markdown.values == ["ScriptRunContext"]
    assert at.warning.values == ["shown", "once"]


def test_the_secrets_module(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.runtime.secrets import (
            AttrDict,
            Secrets,
            StreamlitSecretNotFoundError,
            secrets_singleton,
        )

        # (Streamlit's AppTest gives the script its own Secrets, not the singleton.)
        st.write(isinstance(secrets_singleton, Secrets), isinstance(st.secrets, Secrets))
        st.write(isinstance(st.secrets.db, AttrDict), st.secrets.db.user)
        try:
            st.secrets["absent"]
        except (KeyError, StreamlitSecretNotFoundError) as exc:
            st.write(type(exc).__name__)
        """,
        default_timeout=10,
    )
    at.secrets["db"] = {"user": "ada"}
    at.run()
    assert not at.exception
    assert at.markdown.values[:2] == ["`True` `True`", "`True` ada"]
    assert at.markdown.values[2] in ("KeyError", "StreamlitSecretNotFoundError")
