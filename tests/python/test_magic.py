"""Magic: which bare expression statements get shown, and that line numbers survive."""

from __future__ import annotations

import ast
import asyncio
import textwrap
import traceback
from typing import Any

import pytest

from sidepane.runtime.magic import MAGIC_NAME, add_magic


class Recorder:
    """Stands in for the runtime's magic function: records each call's arguments."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def __call__(self, *values: object) -> object:
        self.calls.append(values)
        return values[0] if len(values) == 1 else values


def run(source: str, **extra_globals: Any) -> list[tuple[object, ...]]:
    """Run `source` with magic applied; return what it asked to be written."""
    recorder = Recorder()
    source = textwrap.dedent(source)
    tree = add_magic(ast.parse(source, "script.py"))
    code = compile(tree, "script.py", "exec")
    exec(code, {MAGIC_NAME: recorder, "__name__": "__main__", **extra_globals})
    return recorder.calls


def written(source: str, **extra_globals: Any) -> list[object]:
    """Like `run`, for scripts whose magic statements each hold one value."""
    calls = run(source, **extra_globals)
    assert all(len(call) == 1 for call in calls), calls
    return [call[0] for call in calls]


def test_module_level_expressions_are_written_in_order() -> None:
    assert written("x = 3\nx\nx * 2\n'text'\n") == [3, 6, "text"]


def test_tuple_items_become_separate_arguments() -> None:
    assert run("x = 3\nx, 'squared is', x * x\n") == [(3, "squared is", 9)]


def test_trailing_comma_shows_a_call_result() -> None:
    assert run("len([1, 2]),\n") == [(2,)]


def test_calls_are_never_written() -> None:
    source = """
        import math
        def returns_none():
            return None
        def returns_value():
            return 42
        returns_none()
        returns_value()
        math.sqrt(4)
        [1, 2].copy()
        """
    assert run(source) == []


def test_widget_like_calls_are_not_written_even_though_they_return_values() -> None:
    class FakeSt:
        @staticmethod
        def slider(label: str) -> int:
            return 7

    assert run("st.slider('x')\nst.slider('y'),\n", st=FakeSt) == [(7,)]


def test_none_and_ellipsis_reach_the_magic_function() -> None:
    # Streamlit writes both; leaving None out is the runtime function's choice.
    assert written("None\n...\n") == [None, Ellipsis]


def test_module_docstring_is_skipped_but_later_strings_are_not() -> None:
    source = '''
        """Module docstring."""
        from __future__ import annotations
        "second"
        '''
    assert written(source) == ["second"]


def test_function_bodies_are_rewritten_and_docstrings_skipped() -> None:
    source = '''
        def f(a):
            """Docstring."""
            "shown"
            a
            def inner():
                "inner doc"
                a + 1
            inner()
        f(5)
        '''
    assert written(source) == ["shown", 5, 6]


def test_methods_are_rewritten_but_class_bodies_are_not() -> None:
    source = '''
        class C:
            """Class docstring."""
            "class body string"
            1234
            def m(self):
                """Method docstring."""
                "in method"
            class Nested:
                def n(self):
                    "in a class nested in a class"
        C().m()
        C.Nested().n()
        '''
    assert written(source) == ["in method"]


def test_classes_inside_functions_and_blocks_get_their_methods_rewritten() -> None:
    source = """
        def make():
            class Local:
                def m(self):
                    pass
                    "local method"
            return Local
        if True:
            class InIf:
                def m(self):
                    pass
                    "method of a class in an if"
        make()().m()
        InIf().m()
        """
    assert written(source) == ["local method", "method of a class in an if"]


def test_if_elif_else_blocks() -> None:
    source = """
        for n in (1, 2, 3):
            if n == 1:
                "first string in an if block is not a docstring"
            elif n == 2:
                "elif"
            else:
                "else"
        """
    assert written(source) == [
        "first string in an if block is not a docstring",
        "elif",
        "else",
    ]


def test_for_while_and_their_else_blocks() -> None:
    source = """
        for i in range(2):
            i
        else:
            "for-else"
        n = 0
        while n < 1:
            n += 1
            n
        else:
            "while-else"
        """
    assert written(source) == [0, 1, "for-else", 1, "while-else"]


def test_with_blocks() -> None:
    source = """
        import contextlib
        with contextlib.nullcontext(5) as v:
            v
        """
    assert written(source) == [5]


def test_try_except_else_finally_blocks() -> None:
    source = """
        try:
            "try"
            raise ValueError("boom")
        except KeyError:
            "not reached"
        except ValueError as e:
            str(e),
        else:
            "not reached either"
        finally:
            "finally"
        try:
            pass
        except Exception:
            pass
        else:
            "else"
        """
    assert run(source) == [("try",), ("boom",), ("finally",), ("else",)]


def test_except_star_blocks() -> None:
    source = """
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            "star"
        """
    assert written(source) == ["star"]


def test_match_cases() -> None:
    source = """
        for value in (1, "x"):
            match value:
                case 1:
                    "one"
                case _:
                    value
        """
    assert written(source) == ["one", "x"]


def test_yield_is_not_wrapped() -> None:
    source = """
        def gen():
            yield 1
            yield from [2]
            x = yield 3
            "after"
        results = list(gen())
        results
        """
    assert written(source) == ["after", [1, 2, 3]]


def test_async_functions_are_rewritten_but_await_is_not() -> None:
    source = """
        import asyncio
        async def value():
            return 9
        async def main():
            "async doc"
            await value()
            await asyncio.sleep(0)
            "shown"
            async with Ctx() as c:
                c
            async for item in agen():
                item
            (await value()),
        class Ctx:
            async def __aenter__(self):
                return "ctx"
            async def __aexit__(self, *exc):
                return False
        async def agen():
            yield "item"
        asyncio.run(main())
        """
    assert written(source, asyncio=asyncio) == ["shown", "ctx", "item", 9]


def test_only_expression_statements_are_touched() -> None:
    source = """
        x = [1, 2]
        y: int = 3
        x[0] += 1
        del x[1]
        assert x
        lambda: "never"
        """
    calls = run(source)
    assert len(calls) == 1 and callable(calls[0][0])


def test_walrus_and_other_expressions_are_written() -> None:
    assert written("(y := 4)\n-y\n[i for i in range(y)]\n") == [4, -4, [0, 1, 2, 3]]


def test_custom_magic_name() -> None:
    recorder = Recorder()
    tree = add_magic(ast.parse("41 + 1\n"), magic_name="show")
    exec(compile(tree, "script.py", "exec"), {"show": recorder})
    assert recorder.calls == [(42,)]


def test_the_tree_is_rewritten_in_place() -> None:
    tree = ast.parse("x = 1\nx\n")
    assert add_magic(tree) is tree
    assert ast.unparse(tree) == f"x = 1\n{MAGIC_NAME}(x)"


def test_new_nodes_carry_the_source_positions() -> None:
    tree = add_magic(ast.parse("x = 1\n\nif x:\n    x,   x + 1\n"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert len(calls) == 1
    (call,) = calls
    assert isinstance(call.func, ast.Name)
    assert (call.lineno, call.col_offset, call.end_lineno, call.end_col_offset) == (4, 4, 4, 14)
    assert (call.func.lineno, call.func.col_offset) == (4, 4)


def test_tracebacks_point_at_the_users_line() -> None:
    source = "x = 1\n\n\ndef f():\n    x\n    1 / 0\n\nf()\n"
    with pytest.raises(ZeroDivisionError) as info:
        run(source)
    frames = [frame for frame in traceback.extract_tb(info.value.__traceback__)]
    assert frames[-1].filename == "script.py"
    assert frames[-1].lineno == 6


def test_errors_raised_inside_the_written_expression_keep_their_line() -> None:
    source = "x = 1\n\n\n(x,\n  1 / 0)\n"
    with pytest.raises(ZeroDivisionError) as info:
        run(source)
    assert traceback.extract_tb(info.value.__traceback__)[-1].lineno == 5


def test_magic_function_errors_point_at_the_statement() -> None:
    def failing(*values: object) -> object:
        raise RuntimeError("cannot write")

    tree = add_magic(ast.parse("x = 1\n\nx\n"))
    with pytest.raises(RuntimeError) as info:
        exec(compile(tree, "script.py", "exec"), {MAGIC_NAME: failing})
    script_frames = [
        frame
        for frame in traceback.extract_tb(info.value.__traceback__)
        if frame.filename == "script.py"
    ]
    assert [frame.lineno for frame in script_frames] == [3]
