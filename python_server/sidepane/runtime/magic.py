"""Magic: bare expression statements in a script are shown, as in Streamlit.

The rewrite turns each qualifying statement ``expr`` into ``__sidepane_magic__(expr)`` and a
tuple statement ``a, b, c`` into ``__sidepane_magic__(a, b, c)``. The runner puts a function of
that name into the script's globals; this module only rewrites the tree.

Which statements qualify follows Streamlit 1.67 with its default config, so scripts show the same
things under both runtimes:

- visited: the module body; bodies of (async) functions, nested to any depth; the methods of a
  class (but not other statements in a class body, nor a class nested directly in a class);
  every block of if/elif/else, (async) for/else, while/else, (async) with,
  try/except/else/finally (``except*`` too) and match cases.
- not wrapped: calls of any kind (``f()``, ``st.slider("x")``, ``df.head()``), docstrings (the
  first statement of a module or function, if it is a string constant), ``await``, ``yield`` and
  ``yield from``.
- wrapped, perhaps surprisingly: ``...`` and ``None``; a string that opens an ``if``/``with``/…
  block; calls inside a tuple (``st.slider("x"),`` draws the slider and then writes its value).
"""

from __future__ import annotations

import ast
import sys
from typing import Final

MAGIC_NAME: Final = "__sidepane_magic__"

_FUNCTION_TYPES: Final = (ast.FunctionDef, ast.AsyncFunctionDef)
# A docstring is only recognised where Python itself gives it meaning (class bodies are never
# visited, so classes need no entry).
_DOCSTRING_OWNERS: Final = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)
# Expressions that are statements for their effect, never for their value.
_NEVER_WRAPPED: Final = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)

# `except*` blocks (ast.TryStar) arrived in 3.11; Sidepane still runs on 3.10.
if sys.version_info >= (3, 11):
    _TRY_TYPES: Final = (ast.Try, ast.TryStar)
else:
    _TRY_TYPES: Final = (ast.Try,)


def add_magic(tree: ast.Module, *, magic_name: str = MAGIC_NAME) -> ast.Module:
    """Wrap the script's bare expression statements in calls to ``magic_name``.

    The tree is changed in place and returned. New nodes carry the source positions of the
    expression they wrap, so tracebacks and breakpoints still point at the user's lines.
    """
    _rewrite_body(tree, tree.body, magic_name)
    ast.fix_missing_locations(tree)
    return tree


def _rewrite_body(owner: ast.AST, body: list[ast.stmt], magic_name: str) -> None:
    for index, node in enumerate(body):
        if isinstance(node, ast.Expr):
            if _should_wrap(owner, index, node.value):
                node.value = _magic_call(node.value, magic_name)
        else:
            _rewrite_children(node, magic_name)


def _rewrite_children(node: ast.stmt, magic_name: str) -> None:
    """Visit the statement blocks nested in one compound statement."""
    if isinstance(node, (*_FUNCTION_TYPES, ast.With, ast.AsyncWith)):
        _rewrite_body(node, node.body, magic_name)
    elif isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While)):
        _rewrite_body(node, node.body, magic_name)
        _rewrite_body(node, node.orelse, magic_name)
    elif isinstance(node, _TRY_TYPES):
        _rewrite_body(node, node.body, magic_name)
        for handler in node.handlers:
            _rewrite_body(handler, handler.body, magic_name)
        _rewrite_body(node, node.orelse, magic_name)
        _rewrite_body(node, node.finalbody, magic_name)
    elif isinstance(node, ast.Match):
        for case in node.cases:
            _rewrite_body(case, case.body, magic_name)
    elif isinstance(node, ast.ClassDef):
        # Streamlit shows values inside methods but not in the class body itself, where bare
        # expressions run once at definition time and are usually declarations.
        for member in node.body:
            if isinstance(member, _FUNCTION_TYPES):
                _rewrite_body(member, member.body, magic_name)


def _should_wrap(owner: ast.AST, index: int, value: ast.expr) -> bool:
    if isinstance(value, _NEVER_WRAPPED):
        return False
    return not (index == 0 and isinstance(owner, _DOCSTRING_OWNERS) and _is_str_constant(value))


def _is_str_constant(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and isinstance(value.value, str)


def _magic_call(value: ast.expr, magic_name: str) -> ast.Call:
    # A tuple's items become separate arguments, like st.write(*items); a trailing comma is how
    # users ask to show the result of a call, which is otherwise never shown.
    args = list(value.elts) if isinstance(value, ast.Tuple) else [value]
    func = ast.copy_location(ast.Name(id=magic_name, ctx=ast.Load()), value)
    return ast.copy_location(ast.Call(func=func, args=args, keywords=[]), value)
