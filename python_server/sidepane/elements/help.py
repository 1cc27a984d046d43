"""`st.help`: an object's name, type, docstring, signature and public members."""

from __future__ import annotations

import ast
import inspect
import linecache
import os
import re
import sys
import types
from typing import TYPE_CHECKING, Any

from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.protocol.schema.elements.text import HelpMember, HelpProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_MEM_ADDRESS = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")
_SIDEPANE: Any = object()


def _safe_getattr(obj: object, name: str, default: Any) -> Any:
    """getattr that survives objects whose attribute hooks raise anything at all."""
    try:
        return getattr(obj, name, default)
    except Exception:
        return default


def _caller_line() -> str | None:
    """The source line (joined if it spans lines) of the user code that called us."""
    frame = sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(
        _PACKAGE_DIR + os.sep
    ):
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        return None
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
    return re.sub(r"[\n\r]+", "", line.strip()) or None


def _variable_name(code: str | None) -> str | None:
    """`foo` for `st.help(foo)`; the whole line for magic (a bare expression)."""
    if code is None:
        return None
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return None
    if not tree.body or not isinstance(tree.body[0], ast.Expr):
        return None
    call = tree.body[0].value
    is_command = isinstance(call, ast.Call) and (
        getattr(call.func, "id", None) in ("help", "write")
        or getattr(call.func, "attr", None) in ("help", "write")
    )
    if not is_command:
        return code.removesuffix(",")
    assert isinstance(call, ast.Call)
    if not call.args:
        return None
    arg = call.args[0]
    if isinstance(arg, ast.NamedExpr) and isinstance(arg.target, ast.Name):
        return arg.target.id
    if isinstance(arg, ast.Constant):
        return None
    return code[arg.col_offset : arg.end_col_offset]


def _type_name(obj: object) -> str:
    return "class" if inspect.isclass(obj) else type(obj).__name__


def _docstring(obj: object) -> str | None:
    doc = inspect.getdoc(obj)
    if doc is None:
        kind = type(obj)
        if (
            kind is not type
            and kind is not types.ModuleType
            and not inspect.isfunction(obj)
            and not inspect.ismethod(obj)
        ):
            doc = inspect.getdoc(kind)
    return doc.strip() if doc else None


def _shorten(text: str, length: int = 300) -> str:
    text = text.strip()
    return text[:length] + "..." if len(text) > length else text


def _readable(value: object) -> str | None:
    if inspect.isclass(value) or inspect.ismodule(value) or callable(value):
        return None
    text = repr(value)
    if isinstance(value, str):
        return _shorten(text)
    if _MEM_ADDRESS.match(text):
        return None
    return _shorten(text)


def _signature(obj: object) -> str | None:
    if not inspect.isclass(obj) and not callable(obj):
        return None
    try:
        return str(inspect.signature(obj))
    except (ValueError, NameError):
        return "(...)"
    except TypeError:
        return None


def _value(obj: object, var_name: str | None) -> str | None:
    readable = _readable(obj)
    if readable is not None:
        return readable
    target: Any = obj
    name = _safe_getattr(obj, "__qualname__", None) or _safe_getattr(obj, "__name__", None)
    if not name:
        target = type(obj)
        name = _safe_getattr(target, "__qualname__", None) or target.__name__
    module = _safe_getattr(target, "__module__", None)
    text = (
        f"{module}.{name}{_signature(target) or ''}"
        if module
        else f"{name}{_signature(target) or ''}"
    )
    return None if text == var_name else text


def _is_property(obj: object, name: str) -> bool:
    cls = _safe_getattr(obj, "__class__", None)
    if cls is None:
        return False
    for parent in inspect.getmro(cls):
        attr = parent.__dict__.get(name)
        if attr is not None:
            return isinstance(attr, property) or inspect.isgetsetdescriptor(attr)
    return False


def _members(obj: object) -> list[HelpMember]:
    found: list[tuple[int, str, HelpMember]] = []
    for name in dir(obj):
        if name.startswith("_"):
            continue
        try:
            if _is_property(obj, name):
                member_type, weight = "property", 0
                doc = _docstring(getattr(type(obj), name))
                value = None
            else:
                attr = getattr(obj, name)
                weight = (
                    3
                    if inspect.ismodule(attr)
                    else 2
                    if inspect.isclass(attr)
                    else 1
                    if callable(attr)
                    else 0
                )
                member_type = _type_name(attr)
                value = _readable(attr)
                doc = _docstring(attr) if value is None else None
        except Exception:
            continue
        if member_type == "module":
            continue
        member: HelpMember = {"name": name, "type": member_type}
        if doc:
            member["doc"] = doc.partition("\n")[0]
        if value is not None:
            member["value"] = value
        found.append((weight, name, member))
    found.sort(key=lambda item: (item[0], item[1]))
    return [member for _, _, member in found]


def help_props(obj: object, var_name: str | None) -> HelpProps:
    """The `help` element's props for `obj` (`var_name`: the expression the user wrote)."""
    props: HelpProps = {"type": _type_name(obj), "members": []}
    if var_name is not None:
        props["name"] = var_name
    doc = _docstring(obj)
    if doc is not None:
        props["doc"] = doc
    value = _value(obj, var_name)
    if value is not None:
        props["value"] = value
    props["members"] = _members(obj)
    return props


class HelpMixin(DeltaGeneratorCore):
    def help(self, obj: Any = _SIDEPANE) -> Self:
        """Display an object's help: its type, docstring, signature and public members.

        With no argument, shows help for Sidepane itself.
        """
        if obj is _SIDEPANE:
            import sidepane

            obj = sidepane
        var_name = _variable_name(_caller_line())
        return self._enqueue("help", as_props(help_props(obj, var_name)))
