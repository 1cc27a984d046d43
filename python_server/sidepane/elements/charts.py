"""Charts: the built-in Altair charts, `st.altair_chart`, `st.vega_lite_chart` and `st.pyplot`.

Every chart is sent as a `vega_lite` element whose spec holds no rows: each dataset travels as
dataframe columns (docs/protocol.md), referenced from the spec by a content-hash name, so an
unchanged chart costs nothing on rerun and large data is binary, not JSON. With `on_select` an
Altair / Vega-Lite chart is a widget whose value is its selection (elements/vega_selection.py).
"""

from __future__ import annotations

import io
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

import xxhash

from sidepane.elements.arguments import value_error
from sidepane.elements.chart_selection import ChartSelectionMixin, on_select_callback
from sidepane.elements.chart_urls import inline_vega_urls
from sidepane.elements.data import check_height, resolve_width, send_payloads
from sidepane.elements.deprecation import (
    CHART_WIDTH_HINT,
    show_deprecation_warning,
    warn_use_container_width,
)
from sidepane.elements.vega_selection import (
    empty_state,
    event_from_wire,
    event_to_wire,
    selection_modes,
)
from sidepane.elements.vega_state import VegaLiteState
from sidepane.errors import SidepaneAPIException
from sidepane.protocol.columns import Payload, encode_dataframe
from sidepane.protocol.schema.elements.data import ImageProps, Table, VegaLiteProps
from sidepane.protocol.schema.registry import as_props

if TYPE_CHECKING:
    from typing_extensions import Self

_altair_lock = threading.Lock()
log = logging.getLogger("sidepane.charts")


def _normalize_alt(alt: object) -> str | None:
    """`alt` as the chart's accessible name: stripped text, or None when empty (as 1.67)."""
    if alt is None:
        return None
    text = str(alt).strip()
    return text or None


SAVEFIG_KWARGS_DEPRECATED = """
Passing Matplotlib `savefig` keyword arguments to `st.pyplot` is
deprecated and will be removed in a future version.

`st.pyplot` already uses `bbox_inches="tight"` and `dpi=200` by
default. For other `savefig` options (for example `transparent=True`
or a custom `dpi`), save the figure yourself and display it with
`st.image`:

```python
import io

buf = io.BytesIO()
fig.savefig(buf, format="png", transparent=True, dpi=300)
st.image(buf)
```
"""

# ---- datasets out of the spec ----


class _Datasets:
    """Collects a chart's tables as dataframe columns, named by content."""

    def __init__(self) -> None:
        self.tables: dict[str, Table] = {}
        self.payloads: list[Payload] = []

    def add(self, data: Any) -> str:
        props, payloads = encode_dataframe(data, include_index=False)
        h = xxhash.xxh3_128()
        h.update(str(props["rows"]).encode())
        for column in props["columns"]:
            h.update(column["name"].encode() + b"\0" + "".join(column["batches"]).encode())
        name = h.hexdigest()
        if name not in self.tables:
            self.tables[name] = props
            self.payloads.extend(payloads)
        return name


def _is_geo(data: Any) -> bool:
    if isinstance(data, dict):
        kind = data.get("type")
        if kind in ("FeatureCollection", "Feature", "GeometryCollection", "Topology"):
            return True
        return isinstance(data.get("arcs"), list) and isinstance(data.get("objects"), dict)
    if isinstance(data, list) and data:
        first = data[0]
        return isinstance(first, dict) and first.get("type") == "Feature"
    return False


def _is_table_values(values: Any) -> bool:
    return not _is_geo(values) and not isinstance(values, str)


def _extract_data(spec: dict[str, Any], data: Any, datasets: _Datasets) -> None:
    """Move inline tables (`datasets`, `data.values`, `data`) out of the spec, in place."""
    inline = spec.get("datasets")
    if isinstance(inline, dict):
        keep = {}
        for name, values in inline.items():
            if _is_geo(values):
                keep[str(name)] = values
                continue
            # A named dataset keeps its name in the spec: rename the reference.
            new_name = datasets.add(values)
            _rename_data_refs(spec, str(name), new_name)
        if keep:
            spec["datasets"] = keep
        else:
            spec.pop("datasets", None)
    spec_data = spec.get("data")
    if isinstance(spec_data, dict) and "values" in spec_data:
        if _is_table_values(spec_data["values"]):
            rest = {k: v for k, v in spec_data.items() if k != "values"}
            rest["name"] = datasets.add(spec_data["values"])
            spec["data"] = rest
    elif spec_data is not None and not isinstance(spec_data, dict) and not _is_geo(spec_data):
        spec["data"] = {"name": datasets.add(spec_data)}
    if data is not None:
        spec["data"] = {"name": datasets.add(data)}


def _rename_data_refs(node: Any, old: str, new: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "data" and isinstance(value, dict) and value.get("name") == old:
                value["name"] = new
            elif key == "from" and isinstance(value, dict):
                _rename_data_refs(value, old, new)
            else:
                _rename_data_refs(value, old, new)
    elif isinstance(node, list):
        for item in node:
            _rename_data_refs(item, old, new)


def _stable_names(text: str, prefix: str) -> str:
    """Altair names unnamed params/views with a global counter or hash: renumber them from 1
    in order of appearance so the spec (and so the frame) is the same on every rerun."""
    pattern = re.compile(rf'"{prefix}[0-9a-f]+(?:_[0-9]+)?"')
    found = list(dict.fromkeys(pattern.findall(text)))
    if not found:
        return text
    mapping = {old: f'"{prefix}{i}"' for i, old in enumerate(found, start=1)}
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def _stabilize(spec: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(spec, sort_keys=False, default=str)
    if '"params"' in text:
        text = _stable_names(text, "param_")
    if re.search(r'"(vconcat|hconcat|facet|layer|concat|repeat)"', text):
        text = _stable_names(text, "view_")
    result: dict[str, Any] = json.loads(text)
    return result


def _altair_to_spec(chart: Any, datasets: _Datasets) -> dict[str, Any]:
    """Altair's `to_dict()`, with every DataFrame replaced by a named dataset reference."""
    import altair as alt

    def transformer(data: Any) -> dict[str, str]:
        if _is_geo(data):
            name = xxhash.xxh3_128_hexdigest(json.dumps(data, sort_keys=True).encode())
            geo[name] = data
            return {"name": name}
        return {"name": datasets.add(data)}

    geo: dict[str, Any] = {}
    alt.data_transformers.register("sidepane", transformer)
    # Altair 5.5 moved the registry to `alt.theme`; before, `alt.theme` is a module of the
    # same name.
    theme = alt.theme if hasattr(alt.theme, "active") else alt.themes
    with _altair_lock:
        # Altair's default theme sets a fixed size, which fights the container's width.
        previous = theme.active
        if previous == "default":
            theme.enable("none")
        try:
            with alt.data_transformers.enable("sidepane"):
                spec: dict[str, Any] = chart.to_dict()
        finally:
            if previous == "default":
                theme.enable(previous)
    if geo:
        spec.setdefault("datasets", {}).update(geo)
    return spec


def _prepare_spec(spec: dict[str, Any], stretch: bool) -> dict[str, Any]:
    spec = dict(spec)
    if not spec:
        raise SidepaneAPIException(
            "The `spec` parameter is required. Vega-Lite charts require a non-empty spec dict."
        )
    if "autosize" not in spec:
        encoding = spec.get("encoding")
        facet = "facet" in spec or (
            isinstance(encoding, dict) and any(k in encoding for k in ("row", "column", "facet"))
        )
        nested = "vconcat" in spec and any(
            isinstance(item, dict)
            and any(k in item for k in ("hconcat", "vconcat", "concat", "layer", "facet", "repeat"))
            for item in spec["vconcat"]
        )
        if "vconcat" in spec and stretch:
            kind = "pad" if nested else "fit-x"
        elif facet or (nested and not stretch):
            kind = "pad"
        else:
            kind = "fit"
        spec["autosize"] = {"type": kind, "contains": "padding"}
    color = (
        spec.get("encoding", {}).get("color") if isinstance(spec.get("encoding"), dict) else None
    )
    if isinstance(color, dict):
        if "title" in color and color["title"] is None:
            color["title"] = " "
        legend = color.get("legend")
        if isinstance(legend, dict) and "title" in legend and legend["title"] is None:
            legend["title"] = " "
    return spec


class ChartMixin(ChartSelectionMixin):
    def _vega_lite(
        self,
        spec: dict[str, Any],
        datasets: _Datasets,
        data: Any,
        *,
        width: int | str | None,
        height: int | str,
        use_container_width: bool | None,
        theme: str | None,
        on_select: object = "ignore",
        selection_mode: str | Iterable[str] | None = None,
        key: str | int | None = None,
        alt: str | None = None,
    ) -> Self | VegaLiteState:
        if theme not in ("streamlit", None):
            raise value_error("theme", ["'streamlit'", "None"])
        callback, selecting = on_select_callback(on_select)
        if isinstance(data, dict) and not spec:
            spec, data = dict(data), None
        if width is None and use_container_width is None:
            encoding = spec.get("encoding")
            multi = (
                "facet" in spec
                or "hconcat" in spec
                or "repeat" in spec
                or (
                    isinstance(encoding, dict)
                    and any(k in encoding for k in ("row", "column", "facet"))
                )
            )
            width = "content" if multi else "stretch"
        resolved = resolve_width(width, use_container_width, width_hint=CHART_WIDTH_HINT)
        checked_height = check_height(height, ("content", "stretch"))
        stretch = use_container_width if use_container_width is not None else resolved == "stretch"
        spec = _prepare_spec(spec, stretch)
        _extract_data(spec, data, datasets)
        spec = _stabilize(spec)
        data_errors: list[str] = []
        spec = inline_vega_urls(spec, data_errors)
        props: VegaLiteProps = {
            "spec": spec,
            "datasets": datasets.tables,
            "use_container_width": stretch,
        }
        if isinstance(resolved, int):
            props["width"] = resolved
        elif resolved == "content":
            props["width"] = "content"
        if checked_height != "content" and checked_height != "auto":  # auto: refused above
            props["height"] = checked_height
        if theme is None:
            props["theme"] = False
        if data_errors:
            props["data_errors"] = data_errors
        description = _normalize_alt(alt)
        if description is not None:
            if spec.get("description"):
                log.warning(
                    "The Vega-Lite / Altair chart already sets description=%r. The alt=%r "
                    "parameter overrides it for the accessible name.",
                    spec["description"],
                    description,
                )
            props["alt"] = description
        if not selecting:
            handle = self._enqueue("vega_lite", as_props(props))
            send_payloads(datasets.payloads, "column")
            return handle
        modes = selection_modes(spec, selection_mode)
        props["selection_mode"] = modes
        # As Streamlit 1.67: the spec, data and options make the id; with a key only the
        # reporting parameters join it, so a keyed chart keeps its selection as its data changes.
        identity = {
            "vega_lite_spec": json.dumps(spec),
            "named_datasets": sorted(datasets.tables),
            "theme": theme,
            "use_container_width": use_container_width,
            "selection_mode": modes,
            "alt": description,
        }
        state: VegaLiteState = self._chart_selection(
            "vega_lite_chart",
            key=key,
            identity=identity,
            key_identity=frozenset({"selection_mode"}),
            props=as_props(props),
            default=empty_state(modes),
            deserialize=lambda wire: event_from_wire(wire, modes),
            serialize=event_to_wire,
            on_select=callback,
            element_type="vega_lite",
        )
        send_payloads(datasets.payloads, "column")
        return state

    def _builtin(
        self,
        mark: Literal["line", "area", "bar", "circle"],
        data: Any,
        width: int | str,
        height: int | str,
        use_container_width: bool | None,
        alt: str | None = None,
        **options: Any,
    ) -> Self:
        from sidepane.elements.builtin_charts import build_chart  # with the first chart drawn

        chart = build_chart(mark, data, width=width, height=height, **options)
        datasets = _Datasets()
        spec = _altair_to_spec(chart, datasets)
        element = self._vega_lite(
            spec,
            datasets,
            None,
            width=width,
            height=height,
            use_container_width=use_container_width,
            theme="streamlit",
            alt=alt,
        )
        assert not isinstance(element, VegaLiteState)  # never selecting: the element
        return element

    def line_chart(
        self,
        data: Any = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: Any = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a line chart: one line per y column (all columns by default), the index
        (or `x`) on the x axis. `color` is a colour, a list of colours or a column name."""
        return self._builtin(
            "line", data, width, height, use_container_width,
            alt=alt,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color,
        )  # fmt: skip

    def area_chart(
        self,
        data: Any = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: Any = None,
        stack: bool | Literal["normalize", "center", "layered"] | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display an area chart: one area per y column, stacked by default (`stack` is
        True, False/"layered", "normalize" or "center")."""
        return self._builtin(
            "area", data, width, height, use_container_width,
            alt=alt,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack,
        )  # fmt: skip

    def bar_chart(
        self,
        data: Any = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: Any = None,
        horizontal: bool = False,
        sort: bool | str = True,
        stack: bool | Literal["normalize", "center", "layered"] | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a bar chart. `horizontal=True` draws bars sideways; `stack=False` groups
        bars side by side; `sort` is True, False or a column name ("-col" for descending)."""
        return self._builtin(
            "bar", data, width, height, use_container_width,
            alt=alt,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color,
            horizontal=horizontal, sort=sort, stack=stack,
        )  # fmt: skip

    def scatter_chart(
        self,
        data: Any = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: Any = None,
        size: str | float | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
        alt: str | None = None,
    ) -> Self:
        """Display a scatter chart of circles; `size` is a number or a column name."""
        return self._builtin(
            "circle", data, width, height, use_container_width,
            alt=alt,
            x=x, y=y, x_label=x_label, y_label=y_label, color=color, size=size,
        )  # fmt: skip

    @overload
    def altair_chart(
        self,
        altair_chart: Any,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["ignore"] = "ignore",
        selection_mode: str | Iterable[str] | None = None,
        alt: str | None = None,
    ) -> Self: ...

    @overload
    def altair_chart(
        self,
        altair_chart: Any,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["rerun"] | Callable[..., Any],
        selection_mode: str | Iterable[str] | None = None,
        alt: str | None = None,
    ) -> VegaLiteState: ...

    def altair_chart(
        self,
        altair_chart: Any,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["rerun", "ignore"] | Callable[..., Any] = "ignore",
        selection_mode: str | Iterable[str] | None = None,
        alt: str | None = None,
    ) -> Self | VegaLiteState:
        """Display a chart made with Altair. `theme=None` keeps Altair's own styling.

        With `on_select="rerun"` (or a callback) the chart's selection parameters
        (`alt.selection_point`, `alt.selection_interval`) become a widget: a click or a drag
        reruns the app (calling the callback first) and this returns a `VegaLiteState`;
        `selection_mode` names the parameters that report (all by default). `event.selection.<name>`
        is a point selection's list of selected points (their fields' values) or an interval's
        `{field: [min, max]}`; `{}` while nothing is selected. With a `key`,
        `st.session_state[key]` holds the same (read-only).

        Example
        -------
        >>> import altair as alt
        >>> import pandas as pd
        >>> import streamlit as st
        >>> df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
        >>> point = alt.selection_point("point_selection")
        >>> chart = alt.Chart(df).mark_circle().encode(x="a", y="b").add_params(point)
        >>> event = st.altair_chart(chart, key="chart", on_select="rerun")
        >>> st.write(event.selection.point_selection)
        """
        datasets = _Datasets()
        spec = _altair_to_spec(altair_chart, datasets)
        return self._vega_lite(
            spec,
            datasets,
            None,
            width=width,
            height=height,
            use_container_width=use_container_width,
            theme=theme,
            on_select=on_select,
            selection_mode=selection_mode,
            key=key,
            alt=alt,
        )

    @overload
    def vega_lite_chart(
        self,
        data: Any = None,
        spec: dict[str, Any] | None = None,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["ignore"] = "ignore",
        selection_mode: str | Iterable[str] | None = None,
        alt: str | None = None,
    ) -> Self: ...

    @overload
    def vega_lite_chart(
        self,
        data: Any = None,
        spec: dict[str, Any] | None = None,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["rerun"] | Callable[..., Any],
        selection_mode: str | Iterable[str] | None = None,
        alt: str | None = None,
    ) -> VegaLiteState: ...

    def vega_lite_chart(
        self,
        data: Any = None,
        spec: dict[str, Any] | None = None,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
        key: str | int | None = None,
        on_select: Literal["rerun", "ignore"] | Callable[..., Any] = "ignore",
        selection_mode: str | Iterable[str] | None = None,
        alt: str | None = None,
    ) -> Self | VegaLiteState:
        """Display a chart from a Vega-Lite spec (a dict); `data` (any table) becomes its data.

        The spec may also carry its data in `data.values` or `datasets`. With
        `on_select="rerun"` (or a callback) the spec's selection parameters (`params` with a
        `select`) become a widget and this returns a `VegaLiteState`, as `st.altair_chart` does.
        """
        return self._vega_lite(
            dict(spec or {}),
            _Datasets(),
            data,
            width=width,
            height=height,
            use_container_width=use_container_width,
            theme=theme,
            on_select=on_select,
            selection_mode=selection_mode,
            key=key,
            alt=alt,
        )

    def pyplot(
        self,
        fig: Any = None,
        clear_figure: bool = False,
        *,
        width: int | str = "stretch",
        use_container_width: bool | None = None,
        alt: str | None = None,
        **kwargs: Any,
    ) -> Self:
        """Display a Matplotlib figure as an image (saved with `dpi=200`, tight bounding box).

        Pass the figure (`fig, ax = plt.subplots()`); Matplotlib's global figure is not
        supported. `clear_figure=True` clears the figure after drawing it.
        """
        from sidepane.elements.media import image_entry

        if fig is None:
            raise SidepaneAPIException(
                "The `fig` parameter is required. Passing `None` is not supported because "
                "Matplotlib's global figure object\nis not thread-safe.\n\nPass a figure "
                "explicitly:\n\n```python\nfig, ax = plt.subplots()\nax.scatter([1, 2, 3], "
                "[1, 2, 3])\n# other plotting actions...\nst.pyplot(fig)\n```"
            )
        if use_container_width is not None:
            warn_use_container_width()
            width = "stretch" if use_container_width else "content"
        if kwargs:
            show_deprecation_warning(SAVEFIG_KWARGS_DEPRECATED)
        width = resolve_width(width, None)
        buffer = io.BytesIO()
        fig.savefig(buffer, **{"bbox_inches": "tight", "dpi": 200, "format": "png", **kwargs})
        png = buffer.getvalue()
        entry, payloads = image_entry(png, None, width, False, "RGB", "PNG")
        props: ImageProps = {"images": [entry]}
        if width != "content":
            props["width"] = width
        handle = self._enqueue("image", as_props(props))
        send_payloads(payloads, "media")
        if clear_figure:
            fig.clf()
        return handle
