"""Data, chart, media and help elements through AppTest (frames and payloads, as a viewer)."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from sidepane.testing import AppTest


def run(src: str) -> AppTest:
    at = AppTest.from_string(src).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def payload_bytes(at: AppTest, start: int) -> int:
    return sum(
        len(f["data"]["b"]) if isinstance(f["data"], dict) and "b" in f["data"] else 0
        for f in at.frames[start:]
        if f["t"] == "payload"
    )


DTYPES_SRC = """
import streamlit as st, pandas as pd, numpy as np
df = pd.DataFrame({
    "f": [1.5, np.nan, 3.0],
    "i": [1, 2, 3],
    "I": pd.array([1, None, 3], dtype="Int64"),
    "b": [True, False, True],
    "dt": pd.date_range("2024-01-01", periods=3, tz="UTC"),
    "td": pd.to_timedelta([1, 2, 3], unit="s"),
    "s": ["a", None, "c"],
    "c": pd.Categorical(["x", "y", "x"]),
})
st.dataframe(df)
"""


def test_dataframe_value_is_rebuilt_from_payload_frames() -> None:
    at = run(DTYPES_SRC)
    df = at.dataframe[0].value
    assert list(df.columns) == ["f", "i", "I", "b", "dt", "td", "s", "c"]
    assert df["f"].isna().tolist() == [False, True, False]
    assert str(df["I"].dtype) == "Int64" and df["I"].isna().tolist() == [False, True, False]
    assert df["b"].tolist() == [True, False, True]
    assert str(df["dt"].dt.tz) == "UTC"
    assert df["td"].iloc[1] == pd.Timedelta(seconds=2)
    assert df["s"].tolist()[0] == "a" and pd.isna(df["s"].tolist()[1])
    assert df["c"].tolist() == ["x", "y", "x"]
    kinds = [f["kind"] for f in at.frames if f["t"] == "payload"]
    assert set(kinds) == {"column"}


def test_upsert_comes_before_its_payloads() -> None:
    at = run(DTYPES_SRC)
    types = [f["t"] for f in at.frames]
    assert types.index("upsert") < types.index("payload")


def test_unchanged_frame_sends_no_payload_on_rerun() -> None:
    at = run(
        "import streamlit as st, numpy as np, pandas as pd\n"
        "st.dataframe(pd.DataFrame(np.arange(200_000.0).reshape(-1, 2)))"
    )
    first = len(at.frames)
    assert payload_bytes(at, 0) == 200_000 * 8
    at.run()
    assert [f for f in at.frames[first:] if f["t"] == "payload"] == []
    assert at.dataframe[0].value.shape == (100_000, 2)


def test_dataframe_options_and_errors() -> None:
    at = run("""
import streamlit as st, pandas as pd
df = pd.DataFrame({"a": [1], "b": [2]})
st.dataframe(df, hide_index=True, column_order=["b"], column_config={"a": "A", "b": None},
             height=300, width=200)
st.table(df)
""")
    props = at.dataframe[0].proto
    assert props["hide_index"] is True and props["column_order"] == ["b"]
    assert props["column_config"] == {"a": {"label": "A"}, "b": {"hidden": True}}
    assert props["height"] == 300 and props["width"] == 200
    assert len(at.table) == 1 and at.table[0].value.equals(at.dataframe[0].value)
    at = AppTest.from_string(
        "import streamlit as st\nst.dataframe({'a': [1]}, on_select='bogus')"
    ).run()
    assert "Invalid `on_select` value" in at.exception[0].value


@pytest.mark.parametrize(
    ("args", "value", "delta", "color", "direction"),
    [
        ("'T', 70, 1.5", "70", "1.5", "green", "up"),
        ("'T', 70.5, -2", "70.5", "-2", "red", "down"),
        ("'T', 70, -2, delta_color='inverse'", "70", "-2", "green", "down"),
        ("'T', None, '0'", "—", "0", "gray", "none"),
        ("'T', '5 °F', '+1 °F', delta_color='off'", "5 °F", "+1 °F", "gray", "up"),
        ("'T', np.int64(3), np.float32(0.5)", "3", "0.5", "green", "up"),
    ],
)
def test_metric_formatting(args: str, value: str, delta: str, color: str, direction: str) -> None:
    at = run(f"import streamlit as st, numpy as np\nst.metric({args})")
    m = at.metric[0]
    assert (m.label, m.value, m.delta, m.color, m.direction) == (
        "T",
        value,
        delta,
        color,
        direction,
    )


def test_metric_sends_its_delta_colour_resolved_only() -> None:
    """`delta_color` arrives resolved as `color` (no one read the raw one, now undeclared);
    `delta_arrow` overrides the direction."""
    at = run(
        "import streamlit as st\nst.metric('T', 1, -2, delta_color='inverse', delta_arrow='up')"
    )
    proto = at.metric[0].proto
    assert "delta_color" not in proto
    assert (proto["color"], proto["direction"]) == ("green", "up")


def test_metric_rejects_bad_values() -> None:
    at = AppTest.from_string("import streamlit as st\nst.metric('T', [1])").run()
    assert "Invalid `value` type" in at.exception[0].value
    at = AppTest.from_string("import streamlit as st\nst.metric('T', 1, 1, delta_color='x')").run()
    assert "Invalid `delta_color` value" in at.exception[0].value


CHARTS_SRC = """
import streamlit as st, pandas as pd, altair as alt
df = pd.DataFrame({"a": [1, 2, 3], "b": [4.0, 5.0, 6.0], "c": ["x", "y", "x"]})
st.line_chart(df, x="a", y="b")
st.area_chart(df, y=["a", "b"])
st.bar_chart(df, x="c", y="b", horizontal=True)
st.scatter_chart(df, x="a", y="b", color="c", size="a")
st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b"))
st.vega_lite_chart(df, {"mark": "bar", "encoding": {"x": {"field": "a"}}})
st.vega_lite_chart({"data": {"values": [{"x": 1}, {"x": 2}]}, "mark": "point"})
"""


def _inline_rows(spec: object) -> bool:
    text = json.dumps(spec)
    return '"values"' in text or '"datasets"' in text


def test_charts_carry_no_inline_rows() -> None:
    at = run(CHARTS_SRC)
    charts = at.vega_lite_chart
    assert len(charts) == 7 and len(at.get("arrow_vega_lite_chart")) == 7
    for chart in charts:
        assert not _inline_rows(chart.spec)
        name = chart.spec.get("data", {}).get("name") if "layer" not in chart.spec else None
        datasets = chart.datasets
        assert datasets, chart.spec
        if name is not None:
            assert name in datasets
    line = charts[0].datasets
    (df,) = line.values()
    assert df["b"].tolist() == [4.0, 5.0, 6.0]
    assert charts[6].datasets[charts[6].spec["data"]["name"]]["x"].tolist() == [1, 2]


def test_chart_spec_is_stable_across_reruns() -> None:
    at = run(CHARTS_SRC)
    first = len(at.frames)
    at.run()
    assert [f["t"] for f in at.frames[first:]] == ["run_start", "run_end"]


def test_chart_column_errors() -> None:
    at = AppTest.from_string(
        "import streamlit as st, pandas as pd\nst.line_chart(pd.DataFrame({'a': [1]}), x='z')"
    ).run()
    assert at.exception[0].value == (
        'Data does not have a column named `"z"`. Available columns are `a`'
    )


def test_images() -> None:
    at = run("""
import streamlit as st, numpy as np, io
from PIL import Image
st.image(Image.new("RGB", (4, 4), "red"), caption="pil")
st.image(np.ones((3, 3)), output_format="PNG")
st.image(np.zeros((2, 2, 3), dtype=np.uint8)[:, :, ::-1], channels="BGR")
buf = io.BytesIO(); Image.new("RGBA", (2, 2)).save(buf, format="PNG")
st.image(buf.getvalue())
st.image("https://example.com/cat.png")
st.image([Image.new("L", (2, 2)), Image.new("L", (3, 3))], caption=["a", "b"])
""")
    imgs = at.image
    assert imgs[0].captions == ["pil"] and imgs[0].mimetypes == ["image/jpeg"]
    assert imgs[1].mimetypes == ["image/png"]
    assert imgs[3].mimetypes == ["image/png"]
    assert imgs[4].value == ["https://example.com/cat.png"]
    assert imgs[5].captions == ["a", "b"]
    data = imgs[0].data[0]
    assert data is not None and data[:2] == b"\xff\xd8"
    assert imgs[0].value[0].startswith("/media/")
    media = [f for f in at.frames if f["t"] == "payload"]
    assert {f["kind"] for f in media} == {"media"}


def test_image_errors() -> None:
    at = AppTest.from_string(
        "import streamlit as st, numpy as np\nst.image(np.full((2, 2), 2.0))"
    ).run()
    assert at.exception[0].value == "Data is outside [0.0, 1.0] and clamp is not set."
    at = AppTest.from_string(
        "import streamlit as st, numpy as np\nst.image([np.ones((2,2))], caption=['a','b'])"
    ).run()
    assert at.exception[0].value == "Cannot pair 2 captions with 1 images."


def test_audio_and_video() -> None:
    at = run("""
import streamlit as st, numpy as np
st.audio(np.sin(np.linspace(0, 100, 800)), sample_rate=8000, start_time="1s", loop=True)
st.audio(b"RIFFfake", format="audio/wav")
st.video("https://example.com/v.mp4", muted=True, autoplay=True, end_time=5)
""")
    audio = at.audio[0]
    assert audio.data is not None and audio.data[:4] == b"RIFF"
    assert audio.proto["start_time"] == 1 and audio.proto["loop"] is True
    assert at.audio[1].data == b"RIFFfake"
    video = at.video[0]
    assert video.value == "https://example.com/v.mp4"
    assert video.proto["muted"] and video.proto["autoplay"] and video.proto["end_time"] == 5
    at = AppTest.from_string("import streamlit as st, numpy as np\nst.audio(np.zeros(3))").run()
    assert "sample_rate" in at.exception[0].value


@pytest.mark.parametrize("width", ["'content'", "'wide'", "0", "True"])
def test_player_width_is_pixels_or_stretch(width: str) -> None:
    """As Streamlit's validate_width: a player's width is pixels or 'stretch' (a bad one was
    sent as is, a prop no viewer could draw)."""
    for call in ("st.audio(b'RIFFfake'", "st.video('https://example.com/v.mp4'"):
        at = AppTest.from_string(f"import streamlit as st\n{call}, width={width})").run()
        assert at.exception[0].value == (
            f"Invalid width value: {eval(width)!r}. Width must be either a positive integer "
            "(pixels) or 'stretch'."
        )
    at = run("import streamlit as st\nst.video('https://example.com/v.mp4', width=320)")
    assert at.video[0].proto["width"] == 320


def test_help() -> None:
    at = run("""
import streamlit as st
class Thing:
    '''A thing.

    Longer text.'''
    size = 3
    def grow(self, by: int) -> None:
        '''Grow it.'''
thing = Thing()
st.help(thing)
st.help(len)
""")
    first, second = at.get("help")
    assert first.name == "thing" and first.doc_string.startswith("A thing.")
    assert first.proto["type"] == "Thing"
    members = {m["name"]: m for m in first.members}
    assert members["grow"] == {"name": "grow", "type": "method", "doc": "Grow it."}
    assert members["size"]["value"] == "3"
    assert second.name == "len" and second.value == "len"
    assert len(at.get("help_info")) == 2


def test_write_dispatches_to_data_elements() -> None:
    at = run("""
import streamlit as st, pandas as pd, altair as alt
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
df = pd.DataFrame({"a": [1, 2]})
st.write(df)
st.write(alt.Chart(df).mark_line().encode(x="a"))
fig, ax = plt.subplots()
ax.plot([1, 2])
st.write(fig)
""")
    assert at.dataframe[0].value["a"].tolist() == [1, 2]
    assert len(at.vega_lite_chart) == 1
    assert at.image[0].mimetypes == ["image/png"]


def test_pyplot_requires_a_figure() -> None:
    at = AppTest.from_string("import streamlit as st\nst.pyplot()").run()
    assert at.exception[0].value.startswith("The `fig` parameter is required.")


def test_png_bytes_from_pyplot_are_an_image() -> None:
    from PIL import Image

    at = run("""
import streamlit as st, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(2, 2))
st.pyplot(fig, clear_figure=True)
""")
    data = at.image[0].data[0]
    assert data is not None
    assert Image.open(io.BytesIO(data)).format == "PNG"
    assert np.asarray(Image.open(io.BytesIO(data))).ndim == 3
