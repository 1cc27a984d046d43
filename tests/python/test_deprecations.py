"""Deprecation warnings as Streamlit 1.67 shows them: `st.warning` in the app and/or the log."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest

from sidepane.elements import deprecation
from sidepane.testing import AppTest

USE_COLUMN_WIDTH = (
    "`use_column_width` was removed and has no effect. "
    "Use `width='stretch'`, `width='content'`, or an integer pixel value instead."
)
RENAMED = (
    "Please replace `use_container_width` with `width`.\n\n"
    "`use_container_width` will be removed after 2025-12-31."
)


def _run(body: str) -> AppTest:
    at = AppTest.from_string("import streamlit as st, numpy as np\n" + body).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_use_column_width_warns_in_the_app_and_is_ignored() -> None:
    at = _run("st.image(np.zeros((2, 2)), use_column_width=True)")
    assert [w.value for w in at.warning] == [USE_COLUMN_WIDTH]
    (image,) = at.get("image")
    assert "width" not in image.proto  # the value is ignored: width stays "content"


def test_warning_goes_where_the_script_draws() -> None:
    at = _run("with st.sidebar:\n    st.image(np.zeros((2, 2)), use_column_width='always')")
    assert [w.value for w in at.sidebar.warning] == [USE_COLUMN_WIDTH]


@pytest.mark.parametrize(
    ("call", "hint"),
    [
        ("st.image(np.zeros((2, 2)), use_container_width=True)", "use `width='content'`."),
        ("st.dataframe([1, 2], use_container_width=True)", "use `width='content'`."),
        ("st.data_editor([1, 2], use_container_width=False)", "use `width='content'`."),
        ("st.line_chart([1, 2], use_container_width=True)", "or specify an integer width."),
        (
            "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\n"
            "st.pyplot(fig, use_container_width=True)",
            "use `width='content'`.",
        ),
    ],
    ids=["image", "dataframe", "data_editor", "chart", "pyplot"],
)
def test_use_container_width_is_logged_only(
    call: str, hint: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="sidepane.deprecation"):
        at = _run(call)
    assert not at.warning
    logged = [r.getMessage() for r in caplog.records if r.name == "sidepane.deprecation"]
    assert len(logged) == 1
    assert logged[0].startswith(RENAMED) and logged[0].endswith(hint)


def test_pyplot_savefig_kwargs_warn_in_the_app() -> None:
    at = _run(
        "import matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots()\n"
        "st.pyplot(fig, transparent=True)"
    )
    assert (
        at.warning[0]
        .value.strip()
        .startswith("Passing Matplotlib `savefig` keyword arguments to `st.pyplot` is\ndeprecated")
    )
    assert len(at.get("image")) == 1


def test_html_reads_paths_not_path_strings() -> None:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder, "page.html")
        page.write_text("<b>from file</b>", encoding="utf-8")
        style = Path(folder, "style.css")
        style.write_text("p {color: red}", encoding="utf-8")
        at = _run(
            f"from pathlib import Path\nst.html({str(page)!r})\n"
            f"st.html(Path({str(page)!r}))\nst.html(Path({str(style)!r}))"
        )
    assert [w.value for w in at.warning] == [
        "Passing a local file path as a string to `st.html` is no longer supported. "
        "To load a local file, pass a `pathlib.Path` object instead."
    ]
    bodies = [element.proto["body"] for element in at.get("html")]
    assert bodies == [str(page), "<b>from file</b>", "<style>p {color: red}</style>"]


def test_show_once_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    message = "a once-only deprecation, for this test"
    with caplog.at_level(logging.WARNING, logger="sidepane.deprecation"):
        for _ in range(3):
            deprecation.show_deprecation_warning(message, show_in_browser=False, show_once=True)
    assert [r.getMessage() for r in caplog.records].count(message) == 1


def test_empty_widget_label_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="sidepane.deprecation"):
        _run("st.checkbox('')\nst.text_input('', key='t')\nst.button('')\nst.slider('s')")
    logged = [r.getMessage() for r in caplog.records if r.name == "sidepane.deprecation"]
    assert len(logged) == 2  # the checkbox and the text input; buttons are exempt, as in 1.67
    assert logged[0].startswith("`label` got an empty value.")
