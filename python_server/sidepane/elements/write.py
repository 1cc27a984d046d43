"""`st.write`: draw anything, choosing the element by the argument's type (Streamlit's rules)."""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from io import StringIO
from typing import TYPE_CHECKING, Any, cast

from sidepane.elements.dg_core import DeltaGeneratorCore
from sidepane.errors import SidepaneAPIException

if TYPE_CHECKING:
    from sidepane.elements.delta_generator import DeltaGenerator

_JSON_TYPES = (
    dict,
    list,
    map,
    enumerate,
    types.MappingProxyType,
    UserDict,
    ChainMap,
    UserList,
    ItemsView,
    KeysView,
    ValuesView,
)
_HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)
_MEM_ADDRESS = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")


# Type probes look at the class, never the instance: an object whose `__getattr__` raises
# something other than AttributeError must still be drawn (as its repr).


def _type_name(obj: object) -> str:
    t = type(obj)
    return f"{t.__module__}.{t.__qualname__}"


def _is_dataframe_like(obj: object) -> bool:
    name = _type_name(obj)
    return name in (
        "pandas.core.frame.DataFrame",
        "pandas.core.series.Series",
        "pandas.core.indexes.base.Index",
        "pandas.io.formats.style.Styler",
        "numpy.ndarray",
        "pyarrow.lib.Table",
        "polars.dataframe.frame.DataFrame",
        "polars.series.series.Series",
    ) or name.startswith("pandas.core.indexes.")


def _is_altair_chart(obj: object) -> bool:
    return type(obj).__module__.startswith("altair") and hasattr(type(obj), "to_dict")


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(r) for r in runs), default=0)


def code_span(text: str) -> str:
    """Markdown inline code (or a fenced block for multi-line text) that survives backticks."""
    if "\n" in text:
        fence = "`" * max(3, _longest_run(text, "`") + 1)
        return f"{fence}\n{text}\n{fence}"
    tick = "`" * (_longest_run(text, "`") + 1)
    return f"{tick}{text}{tick}"


class WriteMixin(DeltaGeneratorCore):
    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Draw each argument the best way for its type.

        Strings (and numbers, shown as code) are joined with spaces into one Markdown element;
        DataFrames become tables, dicts and lists JSON, exceptions an error box, Altair charts
        and Matplotlib figures charts, PIL images images; anything else its `repr` as code.
        """
        dg = cast("DeltaGenerator", self)
        if self._kind == "element" and len(args) > 1:
            raise SidepaneAPIException(
                "Cannot replace a single element with multiple elements.\n\n"
                "The `write()` method only supports multiple elements when inserting elements "
                "rather than replacing. That is, only when called as `st.write()` or "
                "`st.sidebar.write()`."
            )
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                dg.markdown(" ".join(buffer), unsafe_allow_html=unsafe_allow_html)
                buffer.clear()

        for arg in args:
            if isinstance(arg, str):
                buffer.append(arg)
                continue
            handled = True
            if isinstance(arg, BaseException):
                flush()
                dg.exception(arg)
            elif isinstance(arg, DeltaGeneratorCore):
                flush()
                dg.help(arg)
            elif _is_dataframe_like(arg):
                flush()
                dg.dataframe(arg)
            elif _is_altair_chart(arg):
                flush()
                dg.altair_chart(arg)
            elif _type_name(arg) == "matplotlib.figure.Figure":
                flush()
                dg.pyplot(arg)
            elif type(arg).__module__.startswith("sympy") and hasattr(type(arg), "free_symbols"):
                flush()
                dg.latex(arg)
            elif type(arg).__module__.startswith("PIL.") and hasattr(type(arg), "getbands"):
                flush()
                dg.image(arg)
            elif (
                isinstance(arg, _JSON_TYPES)
                or (isinstance(arg, tuple) and hasattr(type(arg), "_asdict"))
                or (hasattr(type(arg), "model_dump") and not inspect.isclass(arg))
            ):
                flush()
                dg.json(arg)
            elif isinstance(arg, StringIO):
                flush()
                dg.markdown(arg.getvalue())
            elif inspect.isgenerator(arg) or inspect.isgeneratorfunction(arg):
                flush()
                dg.write_stream(arg)
            elif (
                isinstance(arg, _HELP_TYPES)
                or (dataclasses.is_dataclass(arg) and not inspect.isclass(arg))
                or inspect.isclass(arg)
            ):
                flush()
                dg.help(arg)
            elif unsafe_allow_html and callable(getattr(type(arg), "_repr_html_", None)):
                flush()
                dg.html(arg._repr_html_())
            elif callable(getattr(type(arg), "to_pandas", None)) or callable(
                getattr(type(arg), "__dataframe__", None)
            ):
                flush()
                dg.dataframe(arg)
            else:
                handled = False
            if handled:
                continue
            text = _safe_str(arg)
            if _MEM_ADDRESS.match(text):
                flush()
                dg.help(arg)
            else:
                buffer.append(code_span(text))
        flush()

    def write_stream(self, stream: Any) -> Any:
        """Write the chunks of a generator (or iterable) as they come, as one growing Markdown
        element; returns the full text (or a list when it held non-text items)."""
        dg = cast("DeltaGenerator", self)
        if inspect.isgeneratorfunction(stream):
            stream = stream()
        text = ""
        placeholder = dg.empty()
        others: list[Any] = []
        for chunk in stream:
            if isinstance(chunk, str):
                text += chunk
                placeholder.markdown(text + " ▌")
            else:
                if text:
                    placeholder.markdown(text)
                    others.append(text)
                    text = ""
                dg.write(chunk)
                others.append(chunk)
                placeholder = dg.empty()
        if text:
            placeholder.markdown(text)
        if others:
            if text:
                others.append(text)
            return others
        return text


def _safe_str(obj: object) -> str:
    try:
        return str(obj)
    except Exception as exc:  # an odd object must not break st.write
        return f"<{type(obj).__name__}: str() raised {type(exc).__name__}>"
