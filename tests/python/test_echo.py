"""`st.echo`: the code of its `with` block, dedented, above or below what the block draws."""

from __future__ import annotations

from sidepane.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def test_echo_shows_the_block_above_its_output() -> None:
    at = run(
        """
import sidepane as st

with st.echo():
    st.write("Hello")
    x = 1 + 1
st.write("after")
"""
    )
    assert [e.type for e in at.main.children.values()] == ["code", "markdown", "markdown"]
    assert at.code[0].value == 'st.write("Hello")\nx = 1 + 1'
    assert at.code[0].language == "python"


def test_echo_below_nested_and_decorated_code_is_dedented() -> None:
    at = run(
        """
import functools
import sidepane as st

def show():
    if True:
        with st.echo("below"):
            @functools.cache
            def f():
                return 42
            st.write(f())

show()
"""
    )
    assert [e.type for e in at.main.children.values()] == ["markdown", "code"]
    assert at.code[0].value == "@functools.cache\ndef f():\n    return 42\nst.write(f())"


def test_echo_in_a_column_a_multiline_header_and_a_one_line_block() -> None:
    at = run(
        """
import sidepane as st
left, right = st.columns(2)
with right:
    with (
        st.echo()
    ):
        st.write("in the column")
with st.echo(): st.write("one line")
"""
    )
    assert at.columns[1].code[0].value == 'st.write("in the column")'
    assert at.code[1].value == 'st.write("one line")'


def test_a_block_that_raises_shows_no_code() -> None:
    at = run(
        """
import sidepane as st
with st.echo():
    raise ValueError("nope")
"""
    )
    assert not at.code and "nope" in at.exception[0].value


def test_unreadable_source_is_a_warning_and_the_block_still_runs() -> None:
    at = run(
        """
import sidepane as st
code = compile('with st.echo():\\n    st.write("ran")\\n', "/no/such/file.py", "exec")
exec(code, {"st": st})
"""
    )
    assert at.markdown[0].value == "ran"
    assert at.warning[0].value.startswith("Unable to display code.")
