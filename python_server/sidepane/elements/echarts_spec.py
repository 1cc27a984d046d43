"""An `st.echarts_chart` spec made JSON as Streamlit 1.67 checks it: a dict, JSON text or a
pyecharts chart; no JavaScript callbacks, GL, extension, custom or map series; dataframes only in
`dataset.source` (sent as a 2-D array, header row first); the content size resolved."""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final, Literal

from sidepane.elements.arguments import type_error
from sidepane.errors import SidepaneAPIException

log = logging.getLogger(__name__)

DEFAULT_WIDTH: Final = 700
DEFAULT_HEIGHT: Final = 350
_PYECHARTS_DEFAULTS: Final = {"width": "900px", "height": "500px"}

_GL_SERIES: Final = frozenset(
    [
        "bar3D",
        "flowGL",
        "globe",
        "graphGL",
        "line3D",
        "lines3D",
        "linesGL",
        "map3D",
        "polygons3D",
        "scatter3D",
        "scatterGL",
        "surface",
    ]
)
_GL_COMPONENTS: Final = frozenset({"geo3D", "globe", "grid3D", "mapbox3D", "maptalks3D"})
_EXTENSION_SERIES: Final = {"liquidFill": "echarts-liquidfill", "wordCloud": "echarts-wordcloud"}
_BARE_FUNCTION: Final = re.compile(r"\bfunction\s*\(")
_JSCODE: Final = "--x_x--"


def _callback_error() -> SidepaneAPIException:
    return SidepaneAPIException(
        "The provided ECharts spec contains JavaScript callbacks (e.g. `function` values or "
        "`JsCode`), which `st.echarts_chart` does not support. Only JSON-compatible option "
        "objects are supported. Use ECharts string-template formatters instead of JavaScript "
        "functions."
    )


def _has_jscode(value: Any) -> bool:
    if isinstance(value, str):
        text = value.strip()
        return text.startswith(_JSCODE) and text.endswith(_JSCODE) and len(text) > 2 * len(_JSCODE)
    if isinstance(value, dict):
        return any(_has_jscode(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_jscode(v) for v in value)
    return False


def _loads(raw: str) -> Any:
    try:
        option = json.loads(raw)
    except ValueError as ex:
        rest = raw[ex.pos :] if isinstance(ex, json.JSONDecodeError) else raw
        if _BARE_FUNCTION.search(rest) or "=>" in rest:
            raise _callback_error() from ex
        raise SidepaneAPIException(
            "The provided ECharts spec could not be parsed as JSON. `st.echarts_chart` only "
            "supports JSON-compatible option objects."
        ) from ex
    if _has_jscode(option):
        raise _callback_error()
    return option


def _entries(value: Any, key: str) -> Iterator[Any]:
    if value is None:
        return
    if not isinstance(value, (list, tuple)):
        raise SidepaneAPIException(
            f"The provided ECharts spec has a `{key}` value that is not a list. "
            "`st.echarts_chart` only supports JSON-compatible option objects."
        )
    yield from value


def _with_media(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield option
    for media in _entries(option.get("media"), "media"):
        if isinstance(media, dict) and isinstance(media.get("option"), dict):
            yield media["option"]


def variants(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The option and its timeline (`baseOption`, `options`) and `media` variants."""
    yield from _with_media(option)
    if isinstance(option.get("baseOption"), dict):
        yield from _with_media(option["baseOption"])
    for tick in _entries(option.get("options"), "options"):
        if isinstance(tick, dict):
            yield from _with_media(tick)


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
    elif isinstance(value, (list, tuple)):
        yield from (v for v in value if isinstance(v, dict))


def series(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for variant in variants(option):
        yield from _dicts(variant.get("series"))


def enables_selection(option: dict[str, Any]) -> bool:
    """Whether the spec lets ECharts emit a selection (a series' selectedMode or a brush)."""
    for variant in variants(option):
        if "brush" in variant:
            return True
        for toolbox in _dicts(variant.get("toolbox")):
            if isinstance(toolbox.get("feature"), dict) and "brush" in toolbox["feature"]:
                return True
    return any(s.get("selectedMode") for s in series(option))


def _check_features(option: dict[str, Any]) -> None:
    geo = any("geo" in v for v in variants(option))
    gl = sorted(c for v in variants(option) for c in _GL_COMPONENTS & v.keys())
    if gl:
        raise SidepaneAPIException(
            f"The provided ECharts spec uses the `{gl[0]}` component, which requires the "
            "ECharts GL extension. `st.echarts_chart` does not support 3D or WebGL charts."
        )
    for s in series(option):
        kind = s.get("type")
        geo = geo or s.get("coordinateSystem") == "geo" or kind == "map"
        if kind in _GL_SERIES:
            raise SidepaneAPIException(
                f"The provided ECharts spec uses the `{kind}` series, which requires the "
                "ECharts GL extension. `st.echarts_chart` does not support 3D or WebGL charts."
            )
        if isinstance(kind, str) and kind in _EXTENSION_SERIES:
            raise SidepaneAPIException(
                f"The provided ECharts spec uses the `{kind}` series, which requires the "
                f"`{_EXTENSION_SERIES[kind]}` extension. `st.echarts_chart` bundles only core "
                "ECharts, so this chart would render empty."
            )
        if kind == "custom":
            raise SidepaneAPIException(
                "The provided ECharts spec uses a `custom` series, which requires a JavaScript "
                "`renderItem` callback. `st.echarts_chart` only supports JSON-compatible "
                "option objects, so custom series are not supported."
            )
    if geo:
        raise SidepaneAPIException(
            "The provided ECharts spec uses a map or geo coordinate system, which requires "
            "registering GeoJSON map data. `st.echarts_chart` does not support map charts."
        )


def _is_frame(value: Any) -> bool:
    module = type(value).__module__.split(".")[0]
    return module in ("pandas", "polars", "pyarrow", "numpy") and not isinstance(
        value, (list, tuple, dict, str, int, float)
    )


def _frame_rows(source: Any) -> list[list[Any]]:
    """A dataframe-like source as ECharts' 2-D `source`: the column names, then the rows
    (datetimes as ISO text, missing values as null, as JSON makes them)."""
    from sidepane.elements.chart_data import chart_dataframe

    frame = chart_dataframe(source)
    rows = json.loads(frame.to_json(orient="values", date_format="iso"))
    return [[str(c) for c in frame.columns], *rows]


def _copy(value: Any) -> Any:
    """The option's dicts and lists copied (so the script's object is untouched), dataframe
    sources made rows."""
    if isinstance(value, dict):
        return {
            k: _frame_rows(v) if k == "source" and _is_frame(v) else _copy(v)
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple)) and any(isinstance(v, (dict, list)) for v in value):
        return [_copy(v) for v in value]
    return value


def normalize(spec: Any) -> dict[str, Any]:
    """The spec as an ECharts option dict, checked."""
    if isinstance(spec, str):
        option = _loads(spec)
    elif isinstance(spec, Mapping):
        option = _copy(dict(spec))
    elif callable(getattr(spec, "dump_options", None)):
        option = _loads(spec.dump_options())
    else:
        raise type_error("spec", type(spec).__name__, ["dict", "str", "pyecharts chart"])
    if not isinstance(option, dict):
        raise type_error(
            "spec",
            type(option).__name__,
            ["dict"],
            detail="An ECharts spec must be a JSON object (mapping).",
        )
    _check_features(option)
    return option


def _unserializable(value: Any, path: str) -> tuple[str, Any] | None:
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, value)
    if value is None or isinstance(value, (str, int)):
        return None
    if isinstance(value, dict):
        items: Any = ((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
    elif isinstance(value, (list, tuple)):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return path, value
    for sub, item in items:
        found = _unserializable(item, sub)
        if found is not None:
            return found
    return None


def _describe(value: Any) -> str:
    if isinstance(value, float):
        name = "NaN" if math.isnan(value) else repr(value)
        return f"`{name}`. Use `None` for missing or non-finite numbers"
    cls = type(value)
    module = cls.__module__.split(".")[0]
    name = cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"
    if module == "numpy" and hasattr(value, "item"):
        return f"a `{name}`. Convert it with `int()`, `float()`, or `bool()`"
    if hasattr(value, "isoformat"):
        return f"a `{name}`. Convert it with `.isoformat()`"
    if _is_frame(value):
        return (
            f"a `{name}`. Only `dataset.source` accepts dataframes and arrays, so pass the "
            "data there"
        )
    if callable(value):
        return (
            f'a `{name}`. Use an ECharts string template such as `"{{b}}: {{c}}"` instead of '
            "a callback"
        )
    return f"a `{name}`. Convert it to a plain Python value"


def serialize(option: dict[str, Any]) -> str:
    """The option as strict JSON (no NaN, no arbitrary objects), or Streamlit's error."""
    try:
        return json.dumps(option, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as ex:
        try:
            found = _unserializable(option, "")
        except RecursionError:
            found = None
        detail = f" `{found[0]}` is {_describe(found[1])}." if found is not None else ""
        raise SidepaneAPIException(
            f"The provided ECharts spec is not JSON-serializable.{detail} `st.echarts_chart` "
            "only supports JSON-compatible option objects. Pass chart data as a dataframe in "
            "`dataset.source`, which converts datetimes, NumPy values, and missing values "
            "automatically. Values anywhere else (for example `series.data`) must already be "
            "plain Python values such as `int`, `float`, `str`, `None`, lists, and dicts."
        ) from ex


def content_size(
    value: int | Literal["stretch", "content"], spec: Any, name: Literal["width", "height"]
) -> int | Literal["stretch"]:
    """A "content" size resolved: a pyecharts chart's own pixels or 100%, else the default."""
    if value != "content":
        return value
    own = getattr(spec, name, None)
    default = DEFAULT_WIDTH if name == "width" else DEFAULT_HEIGHT
    if isinstance(own, bool) or own is None:
        return default
    if isinstance(own, (int, float)):
        return int(own) if own > 0 else default
    text = str(own).strip()
    if not text or text == _PYECHARTS_DEFAULTS[name]:
        return default
    if text == "100%":
        return "stretch"
    match = re.match(r"^(\d+(?:\.\d+)?)\s*px$", text)
    if match and int(float(match.group(1))) > 0:
        return int(float(match.group(1)))
    log.warning(
        "The pyecharts chart passed to `st.echarts_chart` sets an unsupported `%s` of %r. "
        "Only pixel values and `100%%` are supported, so Streamlit's default is used instead. "
        "Set the `%s` parameter of `st.echarts_chart` to size the chart explicitly.",
        name,
        text,
        name,
    )
    return default
