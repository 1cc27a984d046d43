"""Every element and widget Sidepane draws, on one page. Run: `sidepane run examples/gallery.py`."""

import datetime
import time
from collections.abc import Iterator

import numpy as np
import pandas as pd

import sidepane as st

st.set_page_config(page_title="Sidepane gallery", page_icon="🧭", layout="wide")

st.title("Sidepane gallery")
st.caption("Every element and widget, drawn by one plain Python script.")

with st.sidebar:
    st.header("Sidebar")
    mode = st.radio("Mode", ["Explore", "Report"], horizontal=True)
    st.write("Mode:", mode)

st.header("Text", divider="blue")
st.markdown(
    "**Markdown** with _emphasis_, `code`, a [link](https://example.com) and $e^{i\\pi} + 1 = 0$."
)
st.subheader("A subheader")
st.text("Fixed-width text, exactly as written.")
st.code("def square(x):\n    return x * x", language="python")
st.latex(r"\int_0^1 x^2 \, dx = \frac{1}{3}")
st.json({"name": "Sidepane", "features": ["magic", "cache", "widgets"], "version": 1})
st.divider()

st.header("Status", divider="green")
st.success("Saved.")
st.info("Reruns take well under a millisecond.")
st.warning("This is a warning.")
st.error("This is an error.")
st.progress(42, text="Progress")
st.metric("Temperature", "21 °C", "1.5 °C")
try:
    raise ValueError("an example exception")
except ValueError as exc:
    st.exception(exc)

st.header("Data", divider="orange")
rng = np.random.default_rng(7)
frame = pd.DataFrame(rng.normal(size=(200, 3)).cumsum(axis=0), columns=["a", "b", "c"])
st.dataframe(frame, height=240)


def dot(colour: str) -> str:
    """A tiny SVG image as a data URL (no network needed)."""
    return (
        "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='16' "
        f"height='16'><circle cx='8' cy='8' r='7' fill='%23{colour}'/></svg>"
    )


apps = pd.DataFrame(
    {
        "app": ["Roadmap", "Extras", "Issues"],
        "url": [f"https://{n}.streamlit.app" for n in ("roadmap", "extras", "issues")],
        "stars": [1234.5, 987.25, 4321.0],
        "active": [True, False, True],
        "done": [0.25, 0.8, 0.5],
        "trend": [[1, 3, 2, 5], [5, 4, 4, 2], [2, 2, 3, 3]],
        "tags": [["data", "viz"], ["llm"], []],
        "released": pd.to_datetime(["2024-01-05 12:30", "2023-11-10 18:00", "2024-03-11 20:10"]),
        "icon": [dot("ff4b4b"), dot("21c354"), dot("1c83e1")],
    }
)
st.dataframe(
    apps,
    hide_index=True,
    column_config={
        "app": st.column_config.TextColumn("App", pinned=True, help="The app's name"),
        "url": st.column_config.LinkColumn("Link", display_text=r"https://(.*?)\.streamlit\.app"),
        "stars": st.column_config.NumberColumn("Stars", format="%.1f ⭐"),
        "active": st.column_config.CheckboxColumn("Active"),
        "done": st.column_config.ProgressColumn("Done", format="percent"),
        "trend": st.column_config.LineChartColumn("Trend", y_min=0),
        "tags": st.column_config.ListColumn("Tags"),
        "released": st.column_config.DatetimeColumn("Released", format="D MMM YYYY, h:mm a"),
        "icon": st.column_config.ImageColumn("Icon", width="small"),
    },
)


def open_app() -> None:
    click = st.session_state.open_app
    st.toast(f"Opening {apps.iloc[click.row]['app']}")


picked = st.dataframe(
    apps[["app", "stars"]].assign(
        notes=["**Plans** for the year", "Extras: `st_extras`", "Open _issues_"],
        open=":material/open_in_new: Open",
    ),
    hide_index=True,
    column_config={
        "notes": st.column_config.MarkdownColumn("Notes"),
        "open": st.column_config.ButtonColumn(
            "", type="tertiary", on_click=open_app, key="open_app"
        ),
    },
    on_select="rerun",
    selection_mode="multi-row",
    key="picked_apps",
)
chosen = [apps.iloc[row]["app"] for row in picked.selection.rows]
st.caption(f"Selected: {', '.join(chosen) or 'none (tick rows to select them)'}")

ratings = st.data_editor(
    pd.DataFrame({"app": apps["app"], "rating": [4, 5, 3]}),
    num_rows="dynamic",
    hide_index=True,
    column_config={"rating": st.column_config.NumberColumn("Rating", min_value=1, max_value=5)},
    key="ratings",
)
st.caption(f"Average rating: {ratings['rating'].mean():.1f} (double-click a cell to edit it)")
st.table(frame.head(3))
left, right = st.columns(2)
with left:
    st.line_chart(frame)
with right:
    st.bar_chart(frame.tail(10))
st.area_chart(frame[["a", "b"]])
st.scatter_chart(frame, x="a", y="b")

st.header("Widgets", divider="violet")
c1, c2, c3 = st.columns(3)
with c1:
    x = st.slider("x", 0, 100, 25)
    low, high = st.slider("Range", 0.0, 1.0, (0.2, 0.8))
    size = st.select_slider("Size", ["S", "M", "L", "XL"], value="M")
    st.write(x, "squared is", x * x)
with c2:
    name = st.text_input("Name", "Ada")
    notes = st.text_area("Notes", "Line one")
    count = st.number_input("Count", 0, 10, 3)
    when = st.date_input("Date", datetime.date(2026, 1, 1))
    at = st.time_input("Time", datetime.time(9, 30))
with c3:
    agree = st.checkbox("I agree")
    on = st.toggle("Enabled", True)
    fruit = st.selectbox("Fruit", ["apple", "banana", "cherry"])
    picks = st.multiselect("Colours", ["red", "green", "blue"], ["green"])
    colour = st.color_picker("Colour", "#3366ff")
if st.button("Click me"):
    st.toast("Clicked!")
st.download_button("Download CSV", frame.to_csv(index=False), file_name="frame.csv")
upload = st.file_uploader("Upload a file")
if upload is not None:
    st.write("Uploaded", upload.name, upload.size, "bytes")

st.header("Layout", divider="gray")
tab1, tab2 = st.tabs(["First", "Second"])
tab1.write("Inside the first tab.")
tab2.write("Inside the second tab.")
with st.expander("An expander"):
    st.write("Hidden until opened.")
with st.container(border=True):
    st.write("A bordered container.")
with st.form("signup"):
    email = st.text_input("Email")
    submitted = st.form_submit_button("Sign up")
if submitted:
    st.write("Signed up:", email)
placeholder = st.empty()
placeholder.write("A placeholder, filled later in the run.")

st.header("Chat", divider="red")
with st.status("Loading the model...") as status:
    st.write("Weights loaded.")
with st.echo():
    history = st.session_state.setdefault("chat", [("assistant", "Ask me anything.")])
with st.container(border=True):
    messages = st.container(height=260, border=False)
    # Inside a container the chat input is drawn in place; in the app body it would be pinned
    # to the bottom of the page.
    prompt = st.chat_input("Say something", key="gallery_chat")
    for role, text in history:
        messages.chat_message(role).write(text)
    if prompt:
        messages.chat_message("user").write(prompt)
        history.append(("user", prompt))

        def answer(question: str) -> Iterator[str]:
            """A scripted assistant: its answer, word by word, as a language model streams."""
            words = f"You asked: {question!r}. Here is a streamed answer, one word at a time."
            for word in words.split(" "):
                time.sleep(0.04)
                yield word + " "

        with messages.chat_message("assistant"):
            history.append(("assistant", st.write_stream(answer(prompt))))

st.header("Popovers and containers", divider="violet")
with st.popover("Filters", icon=":material/tune:"):
    level = st.slider("Level", 0, 10, 3)
st.write("Level:", level)
with st.container(horizontal=True, horizontal_alignment="distribute", border=True):
    for name in ("Left", "Middle", "Right"):
        st.button(name, key=f"row_{name}")
details = st.expander("Details, computed only while open", on_change="rerun")
if details.open:
    details.write("This ran because the expander is open.")
st.bottom.caption("`st.bottom`: pinned under the app.")

st.header("Pills, segmented controls and feedback", divider="orange")
toppings = st.pills(
    "Toppings",
    ["🧀 Cheese", "🍄 Mushrooms", "🌶️ Chili", ":material/eco: Basil"],
    selection_mode="multi",
    default=["🧀 Cheese"],
)
size = st.segmented_control("Size", ["Small", "Medium", "Large"], default="Medium", required=True)
names = [t.split(" ", 1)[1] for t in toppings]
st.write(f"A {size.lower()} pizza with {', '.join(names) or 'nothing'}.")
stars = st.feedback("stars", key="gallery_stars")
if stars is not None:
    st.caption(f"You gave it {stars + 1} of 5 stars.")

st.header("Links, menus, dates with times and pages", divider="green")
st.link_button("Streamlit's docs", "https://docs.streamlit.io", icon=":material/open_in_new:")
action = st.menu_button("Export", ["CSV", "JSON", "PDF"], icon=":material/download:")
if action is not None:
    st.caption(f"Exporting as {action}…")
meeting = st.datetime_input("Meeting", datetime.datetime(2025, 11, 19, 16, 45), step=1800)
st.write("Meeting at", meeting)
rows = [f"Row {i}" for i in range(1, 48)]
page = st.pagination((len(rows) + 9) // 10, key="gallery_page")
st.write(", ".join(rows[(page - 1) * 10 : page * 10]))

st.header("Decorations", divider="blue")
st.markdown(
    "Badges in Markdown: :green-badge[:material/check: Passing] :orange-badge[Beta] "
    ":gray-badge[v1.67]"
)
st.badge("New", icon=":material/star:", color="violet", help="`st.badge`")
with st.container(horizontal=True):
    if st.button("Balloons", icon="🎈", key="deco_balloons"):
        st.balloons()
    st.space("stretch")
    if st.button("Snow", icon="❄️", key="deco_snow"):
        st.snow()
st.space("small")
if st.button("Load a report", key="deco_load"):
    with st.skeleton(height=80):
        time.sleep(1.5)
    st.success("Report loaded.")
else:
    st.skeleton(height=80)

st.header("Fragments and dialogs", divider="orange")


@st.fragment
def squares():
    # Moving this slider reruns only this function: the rest of the gallery stays as it is.
    n = st.slider("Only this part reruns", 0, 10, 3, key="gallery_fragment_slider")
    st.write(f"{n} squared is {n * n}")


squares()


@st.fragment(run_every="1s")
def clock():
    st.caption(f"This line updates itself every second: {datetime.datetime.now():%H:%M:%S}")


clock()


@st.dialog("Say hello")
def say_hello():
    name = st.text_input("Your name", key="gallery_dialog_name")
    if st.button("Done", key="gallery_dialog_done"):
        st.session_state.gallery_greeting = f"Hello, {name or 'stranger'}!"
        st.rerun()  # closes the dialog: the next run does not call it


if st.button("Open a dialog", key="gallery_open_dialog"):
    say_hello()
if "gallery_greeting" in st.session_state:
    st.write(st.session_state.gallery_greeting)

st.header("A SQL database", divider="blue")
try:
    import sqlalchemy
except ImportError:
    st.info("`st.connection` needs SQLAlchemy: `pip install SQLAlchemy` to see this part.")
else:
    from pathlib import Path

    # An in-memory SQLite database, loaded from the bundled examples/data/gallery_shop.sql: one
    # shared connection (StaticPool), so every rerun and session sees the same tables. A real
    # app puts its URL in .streamlit/secrets.toml ([connections.shop] url = "...").
    shop = st.connection(
        "gallery_shop",
        type="sql",
        url="sqlite://",
        poolclass=sqlalchemy.StaticPool,
        connect_args={"check_same_thread": False},
    )
    with shop.session as session:
        exists = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'products'"
        if session.execute(sqlalchemy.text(exists)).first() is None:
            script = (Path(__file__).parent / "data" / "gallery_shop.sql").read_text("utf-8")
            for statement in script.split(";"):
                if statement.strip():
                    session.execute(sqlalchemy.text(statement))
            session.commit()

    categories = shop.query("SELECT DISTINCT category FROM products ORDER BY category")
    category = st.selectbox("Category", categories["category"], key="gallery_sql_category")
    sales = shop.query(
        "SELECT p.name AS product, sum(o.quantity) AS sold, sum(o.quantity * p.price) AS revenue "
        "FROM orders o JOIN products p ON p.id = o.product_id "
        "WHERE p.category = :category GROUP BY p.name ORDER BY revenue DESC",
        params={"category": category},
        index_col="product",
        ttl=600,  # cached: changing the category back is answered without a query
    )
    left, right = st.columns(2)
    left.dataframe(sales, column_config={"revenue": st.column_config.NumberColumn(format="$%.2f")})
    right.bar_chart(sales, y="revenue")
    st.caption(f"`st.connection('gallery_shop')` over {shop.driver}, queried with `conn.query`.")

st.header("Camera and microphone", divider="violet")
st.caption(
    "The browser asks before the app may use them. VS Code's panel cannot: its widgets offer "
    "to open the app in the browser."
)
cam_col, mic_col = st.columns(2)
with cam_col:
    camera_on = st.toggle("Enable camera", key="gallery_camera_on")
    photo = st.camera_input("Take a picture", disabled=not camera_on, key="gallery_camera")
    if photo is not None:
        st.image(photo, caption=f"{photo.name} ({photo.size:,} bytes)")
with mic_col:
    rate = st.selectbox("Sample rate", [16000, 44100, 48000], key="gallery_rate")
    voice = st.audio_input("Record a voice message", sample_rate=rate, key="gallery_audio")
    if voice is not None:
        st.audio(voice)
        st.caption(f"{voice.name}: a mono 16-bit WAV at {rate} Hz, {voice.size:,} bytes")

st.header("A Plotly chart", divider="orange")
try:
    import plotly.express as px
except ImportError:
    st.info("`st.plotly_chart` needs Plotly: `pip install plotly` to see this part.")
else:
    iris = px.data.iris()
    figure = px.scatter(
        iris,
        x="sepal_width",
        y="sepal_length",
        color="species",
        size="petal_length",
        hover_data=["petal_width"],
        title="Iris sepals",
    )
    # Box, lasso or click: the selection reruns the app and comes back as an event.
    event = st.plotly_chart(
        figure, key="gallery_plotly", on_select="rerun", config={"displaylogo": False}
    )
    # Each point carries its trace's legend group (here the species) and its values.
    points = event.selection.points
    if points:
        species = sorted({p.get("legendgroup", "?") for p in points})
        st.write(f"Selected {len(points)} flowers of {', '.join(species)}")
    else:
        st.caption("Drag a box or a lasso over the chart (tools at its top right) to select.")

st.header("Diagrams and documents", divider="violet")
st.graphviz_chart(
    """
    digraph {
        rankdir=LR
        script -> runtime [label="st.*"]
        runtime -> viewer [label="frames"]
        viewer -> runtime [label="widget values"]
    }
    """,
    alt="How a script reaches the viewer",
)
st.mermaid_chart(
    """
    flowchart LR
        edit[Edit the script] --> rerun{Rerun}
        click[Click a widget] --> rerun
        rerun --> paint[Patch the page]
    """,
    alt="What makes a Sidepane app rerun",
)
picked = st.echarts_chart(
    {
        "tooltip": {},
        "xAxis": {"type": "category", "data": ["Mon", "Tue", "Wed", "Thu", "Fri"]},
        "yAxis": {"type": "value"},
        "series": [
            {"type": "bar", "name": "Reruns", "data": [12, 20, 15, 8, 7], "selectedMode": "single"}
        ],
    },
    height=280,
    key="gallery_echarts",
    on_select="rerun",
)
days = [i for group in picked.selection.selected for i in group["data_indices"]]
st.caption(f"Selected bar: {days[0]}" if days else "Click a bar to select it.")

st.header("Maps", divider="orange")
# deck.gl draws the points; without an internet connection the base map is left out and the map
# says so.
cities = pd.DataFrame(
    {
        "city": ["Paris", "Berlin", "Madrid", "Rome", "Amsterdam"],
        "lat": [48.86, 52.52, 40.42, 41.90, 52.37],
        "lon": [2.35, 13.40, -3.70, 12.50, 4.90],
        "people": [2.1, 3.7, 3.3, 2.8, 0.9],
    }
)
cities["radius"] = cities["people"] * 30_000  # meters
st.map(cities, size="radius", height=360, alt="Five European capitals")
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
except ImportError:
    st.info("The PDF example draws its pages with Matplotlib: `pip install matplotlib`.")
else:
    import io as _io

    _buffer = _io.BytesIO()
    with PdfPages(_buffer) as _pages:
        for _n, _title in enumerate(["Sidepane", "Diagrams and documents"], start=1):
            _fig = plt.figure(figsize=(6, 4))
            _fig.text(0.5, 0.55, _title, ha="center", fontsize=24)
            _fig.text(0.5, 0.4, f"page {_n} of 2", ha="center", fontsize=12)
            _pages.savefig(_fig)
            plt.close(_fig)
    st.pdf(_buffer.getvalue(), height=360, alt="A two-page PDF made with Matplotlib")
st.iframe(
    "<div style='font-family: sans-serif; padding: 8px'>"
    "<b>st.iframe</b>: this HTML runs in a sandboxed frame of its own, sized to its content."
    "</div>",
    alt="An HTML page in a frame",
)
