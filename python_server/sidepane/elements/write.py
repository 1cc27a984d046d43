"""`st.write`: draw anything, choosing the element by the argument's type (Streamlit's rules)."""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import (
    AsyncIterator,
    Callable,
    ItemsView,
    Iterator,
    KeysView,
    Mapping,
    ValuesView,
)
from io import StringIO
from typing import TYPE_CHECKING, Any, cast

from sidepane.elements.arguments import type_error
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
_PLOTLY_KEYS = frozenset({"config", "data", "frames", "layout"})
_GRAPHVIZ_TYPES = frozenset(
    {
        "graphviz.dot.Graph",
        "graphviz.dot.Digraph",
        "graphviz.graphs.Graph",
        "graphviz.graphs.Digraph",
        "graphviz.sources.Source",
    }
)
_MEM_ADDRESS = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")


# Type probes look at the class, never the instance: an object whose `__getattr__` raises
# something other than AttributeError must still be drawn (as its repr).


def _type_name(obj: object) -> str:
    t = type(obj)
    return f"{t.__module__}.{t.__qualname__}"


# Table types of libraries Sidepane does not import itself, by class name.
_TABLE_TYPES = re.compile(
    r"^(pyarrow\.lib\.(Table|RecordBatch|\w*Array)"
    r"|polars\.\w+(\.\w+)*\.(DataFrame|LazyFrame|Series)"
    r"|xarray\.core\.\w+\.(Dataset|DataArray)"
    r"|(dask|modin|pyspark|snowflake)\..*\.(DataFrame|Series|Index|Table))$"
)


def is_dataframe_like(obj: object) -> bool:
    """What Streamlit draws as a table: pandas and numpy objects, a dict of Series, Arrow and
    other libraries' tables, and DB-API cursors."""
    pd = sys.modules.get("pandas")
    np = sys.modules.get("numpy")
    if pd is not None:
        table_types = (pd.DataFrame, pd.Series, pd.Index, pd.api.extensions.ExtensionArray)
        if isinstance(obj, table_types) or type(obj).__module__.startswith("pandas.io.formats"):
            return True
        if isinstance(obj, dict) and obj and isinstance(next(iter(obj.values())), pd.Series):
            return True
    if np is not None and isinstance(obj, np.ndarray):
        return True
    if _TABLE_TYPES.match(_type_name(obj)):
        return True
    cls = type(obj)
    return all(hasattr(cls, a) for a in ("execute", "fetchmany", "fetchall", "description"))


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


Drawer = Callable[["DeltaGenerator", Any], object]


def _is_plotly(obj: object) -> bool:
    def is_plotly_object(o: object) -> bool:
        return type(o).__module__.startswith("plotly.graph_objs")

    if _type_name(obj) == "plotly.graph_objs._figure.Figure":
        return True
    if isinstance(obj, list):
        return bool(obj) and all(is_plotly_object(o) for o in obj)
    if isinstance(obj, dict) and obj and all(k in _PLOTLY_KEYS for k in obj):
        return any(
            is_plotly_object(v) or (isinstance(v, list) and v and all(map(is_plotly_object, v)))
            for v in obj.values()
        )
    return False


def _is_sidepane_mapping(obj: object) -> bool:
    """`st.session_state`, `st.query_params` and the like: mappings of Sidepane's own."""
    return (
        isinstance(obj, Mapping)
        and type(obj).__module__.startswith("sidepane.")
        and callable(getattr(type(obj), "to_dict", None))
    )


def _is_pydantic_model(obj: object) -> bool:
    """An instance of a pydantic model (by class name, so pydantic need not be installed)."""
    return not inspect.isclass(obj) and any(
        f"{c.__module__}.{c.__qualname__}" == "pydantic.main.BaseModel" for c in type(obj).__mro__
    )


def _is_json_like(obj: object) -> bool:
    if isinstance(obj, _JSON_TYPES) or _is_sidepane_mapping(obj) or _is_pydantic_model(obj):
        return True
    if isinstance(obj, tuple) and hasattr(type(obj), "_asdict"):
        return True
    # A list of pydantic models, as Streamlit treats it.
    return (
        isinstance(obj, (list, tuple, set, frozenset))
        and len(obj) > 0
        and _is_pydantic_model(next(iter(obj)))
    )


def _is_stream(obj: object) -> bool:
    return (
        inspect.isgenerator(obj)
        or inspect.isgeneratorfunction(obj)
        or inspect.isasyncgen(obj)
        or inspect.isasyncgenfunction(obj)
        or (_type_name(obj).startswith("openai.") and _type_name(obj).endswith(".Stream"))
    )


def _by_name(method: str) -> Drawer:
    def draw(dg: DeltaGenerator, arg: Any) -> object:
        element: Callable[[Any], object] = getattr(dg, method)
        return element(arg)

    return draw


def _drawer(arg: Any, unsafe_allow_html: bool) -> Drawer | None:
    """How `st.write` draws a non-string `arg` (Streamlit's order of checks), or None to show
    its text."""
    name = _type_name(arg)
    module = type(arg).__module__
    if isinstance(arg, Exception):
        return lambda dg, a: dg.exception(a)
    if isinstance(arg, DeltaGeneratorCore):
        return lambda dg, a: dg.help(a)
    if is_dataframe_like(arg):
        return lambda dg, a: dg.dataframe(a)
    if _is_altair_chart(arg):
        return lambda dg, a: dg.altair_chart(a)
    if name == "matplotlib.figure.Figure":
        return lambda dg, a: dg.pyplot(a)
    # Element methods Sidepane may lack are looked up by name, so a missing one fails with
    # the same clear "Sidepane has no `st.…`" error as calling it directly.
    if _is_plotly(arg):
        return _by_name("plotly_chart")
    if name in _GRAPHVIZ_TYPES:
        return _by_name("graphviz_chart")
    if module.startswith("sympy") and hasattr(type(arg), "free_symbols"):
        return lambda dg, a: dg.latex(a)
    if module.startswith("PIL."):
        return lambda dg, a: dg.image(a)
    if _is_sidepane_mapping(arg):
        return lambda dg, a: dg.json(a.to_dict())
    if _is_json_like(arg):
        return lambda dg, a: dg.json(a)
    if name == "pydeck.bindings.deck.Deck":
        return _by_name("pydeck_chart")
    if isinstance(arg, StringIO):
        return lambda dg, a: dg.markdown(a.getvalue())
    if _is_stream(arg):
        return lambda dg, a: dg.write_stream(a)
    if isinstance(arg, _HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
        return lambda dg, a: dg.help(a)
    if unsafe_allow_html and callable(getattr(type(arg), "_repr_html_", None)):
        return lambda dg, a: dg.html(a._repr_html_())
    if callable(getattr(type(arg), "to_pandas", None)) or callable(
        getattr(type(arg), "__dataframe__", None)
    ):
        return lambda dg, a: dg.dataframe(a)
    return None


class StreamingOutput(list[Any]):
    """What `st.write_stream` returns when the stream held more than text: `st.write` of it
    draws the same parts again."""


class WriteMixin(DeltaGeneratorCore):
    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Draw each argument the best way for its type.

        Strings (and numbers, shown as code) are joined with spaces into one Markdown element;
        DataFrames, Series, NumPy arrays and other tables become tables; dicts, lists,
        namedtuples, `st.session_state` and `st.query_params` JSON; exceptions an error box;
        Altair charts and Matplotlib figures charts; PIL images images; generators are streamed
        (`st.write_stream`); functions, classes, modules and dataclasses get `st.help`; anything
        else its `str` as code.
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
            if isinstance(arg, StreamingOutput):
                # What `st.write_stream` returned: draw its parts again.
                flush()
                for item in arg:
                    if callable(item):
                        item()
                    else:
                        dg.write(item, unsafe_allow_html=unsafe_allow_html)
                continue
            draw = _drawer(arg, unsafe_allow_html)
            if draw is not None:
                flush()
                draw(dg, arg)
                continue
            text = _safe_str(arg)
            if _MEM_ADDRESS.match(text):
                flush()
                dg.help(arg)
            else:
                buffer.append(code_span(text))
        flush()

    def write_stream(self, stream: Any, *, cursor: str | None = None) -> list[Any] | str:
        """Write a stream as it comes: text chunks grow one Markdown element (with `cursor`
        after it from the second chunk on), other chunks are drawn with `st.write` and
        callables are called.

        `stream` is a generator (or generator function), an async generator, or any iterable;
        OpenAI and LangChain chunks count as their text. Returns the text, or a list of what was
        written when the stream held more than one text run.
        """
        dg = cast("DeltaGenerator", self)
        if isinstance(stream, str) or is_dataframe_like(stream):
            raise type_error(
                "stream",
                type(stream).__name__,
                ["generator", "stream-like object"],
                "Please use `st.write` instead for this data type.",
            )
        if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
            stream = stream()
        if inspect.isasyncgen(stream):
            stream = _iterate_async(stream)
        try:
            chunks = iter(stream)
        except TypeError as exc:
            raise SidepaneAPIException(
                f"The provided input (type: {type(stream)}) cannot be iterated. "
                "Please make sure that it is a generator, generator function or iterable."
            ) from exc
        text = ""
        # Made on the first text chunk, so a stream of other objects leaves no empty slot.
        placeholder: DeltaGenerator | None = None
        written = StreamingOutput()

        def flush() -> None:
            nonlocal text, placeholder
            if text and placeholder is not None:
                placeholder.markdown(text)
                written.append(text)
            text, placeholder = "", None

        for raw in chunks:
            chunk = _chunk_text(raw)
            if isinstance(chunk, str):
                if not chunk:
                    continue
                first = placeholder is None
                placeholder = placeholder or dg.empty()
                text += chunk
                placeholder.markdown(text if first else text + (cursor or ""))
            elif callable(chunk):
                flush()
                chunk()
            else:
                flush()
                dg.write(chunk)
                written.append(chunk)
        flush()
        if not written:
            return ""
        if len(written) == 1 and isinstance(written[0], str):
            return written[0]
        return written


def _chunk_text(chunk: Any) -> Any:
    """The text of an OpenAI or LangChain streaming chunk; any other chunk as it is."""
    name = _type_name(chunk)
    try:
        if name.startswith("openai.") and name.endswith(".ChatCompletionChunk"):
            if not chunk.choices or chunk.choices[0].delta is None:
                return ""
            return chunk.choices[0].delta.content or ""
        if name.startswith("openai.") and name.endswith("Event") and ".Response" in name:
            kind = getattr(chunk, "type", None)
            text_kinds = ("response.output_text.delta", "response.refusal.delta")
            return (chunk.delta or "") if kind in text_kinds else ""
        if name == "langchain_core.messages.ai.AIMessageChunk":
            return chunk.content or ""
    except AttributeError as exc:
        raise SidepaneAPIException(
            f"Failed to read the text of a `{name}` stream chunk: its library may have changed "
            "the chunk's structure. Pass plain strings to `st.write_stream` instead."
        ) from exc
    return chunk


def _iterate_async(stream: AsyncIterator[Any]) -> Iterator[Any]:
    """An async generator's items, got one by one on an event loop of this script thread's own
    (scripts run outside any loop, as in Streamlit)."""
    import asyncio  # ~20 ms, only for scripts that stream from async generators

    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(anext(stream))
            except StopAsyncIteration:
                return
    finally:
        loop.close()


def _safe_str(obj: object) -> str:
    try:
        return str(obj)
    except Exception as exc:  # an odd object must not break st.write
        return f"<{type(obj).__name__}: str() raised {type(exc).__name__}>"
