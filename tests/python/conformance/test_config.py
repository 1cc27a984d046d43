"""st.get_option / st.set_option and client.showErrorDetails through the AppTest API: the same
scripts and asserts pass on Streamlit 1.67 (`make conformance-streamlit`) and on Sidepane.
Config files, variables and flags are tested in tests/python/test_config.py."""

from __future__ import annotations

from typing import Any

REDACTED = (
    "This app has encountered an error. The original error message is redacted to prevent data "
    "leaks. Full error details have been recorded in the logs (if you're on Streamlit Cloud, "
    "click on 'Manage app' in the lower right of your app)."
)


def test_get_option_defaults_and_errors(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.text(repr(st.get_option("client.showErrorDetails")))
        st.text(repr(st.get_option("server.maxUploadSize")))
        st.text(repr(st.get_option("runner.magicEnabled")))
        st.text(repr(st.get_option("theme.primaryColor")))
        try:
            st.get_option("no.such")
        except RuntimeError as e:
            st.text(f"{type(e).__name__}: {e}")
        for key, value in [("server.port", 1), ("no.such", 1)]:
            try:
                st.set_option(key, value)
            except st.errors.StreamlitAPIException as e:
                st.text(str(e))
        """
    ).run()
    assert [t.value for t in at.text] == [
        "'full'",
        "200",
        "True",
        "None",
        'RuntimeError: Config key "no.such" not defined.',
        "server.port cannot be set on the fly. Set as command line option, e.g. streamlit run "
        "script.py --server.port, or in config.toml instead.",
        "Unrecognized config option: no.such",
    ]


def test_set_option_redacts_the_next_uncaught_exception(AppTest: Any) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.set_option("client.showErrorDetails", "none")
        st.text(st.get_option("client.showErrorDetails"))
        st.exception(ValueError("shown by st.exception"))
        raise ValueError("a secret")
        """
    )
    try:
        at.run()
        assert at.text[0].value == "none"
        assert at.exception[0].value == "shown by st.exception"
        assert at.exception[1].value == REDACTED
    finally:
        # Streamlit's options are process-wide: leave them as found.
        at2 = AppTest.from_string(
            'import streamlit as st\nst.set_option("client.showErrorDetails", "full")'
        )
        at2.run()
