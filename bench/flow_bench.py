"""Flow benchmarks (issue 16): partial reruns and streaming, Sidepane and Streamlit side by side.

    .venv/bin/python bench/flow_bench.py [-v]      # also part of `make bench`

1. fragment: an app whose full run takes 500 ms holds a slider inside `@st.fragment`;
   ArrowRight keydown → "<n> squared is" in the DOM (median of 20). Only the fragment reruns,
   so the 500 ms are never paid again.
2. write_stream: a button click starts a generator that yields 200 chunks 10 ms apart, each
   stamped with the wall-clock time it was yielded; the first chunk's text in the DOM minus its
   stamp (median of 10 streams, each after the previous one ended).
3. page switch (issue 17): a 2-page `st.navigation` app whose page script runs in ~1 ms; a
   click on the other page in the sidebar menu (pointerdown) → that page's first element in the
   DOM (median of 20 switches, back and forth).

Same Chromium, same scripts (only the import differs), one table with the ratios.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser_bench import Bench, Row, run_benchmark  # noqa: E402
from browser_probes import KEY_PROBE, wait_for  # noqa: E402
from browser_servers import Server, Side  # noqa: E402
from results import BenchError  # noqa: E402

FRAGMENT = """import time
time.sleep(0.5)  # the rest of the app: a full run takes 500 ms
st.write("full run done")

@st.fragment
def part():
    x = st.slider("x")
    st.write(x, "squared is", x * x)

part()
"""

STREAM = """import time

def chunks():
    for i in range(200):
        yield f"c{i}@{time.time() * 1000:.3f} "
        time.sleep(0.01)

if st.button("stream"):
    st.write_stream(chunks())
    st.write("stream ended")
"""

NAVIGATION = """import time
st.session_state.n = st.session_state.get("n", 0) + 1

def busy():
    end = time.perf_counter() + 0.001  # the page's own work: ~1 ms
    while time.perf_counter() < end:
        pass

def one():
    st.write(f"first page, run {st.session_state.n}")
    busy()

def two():
    st.write(f"second page, run {st.session_state.n}")
    busy()

st.navigation([st.Page(one, title="Page one"), st.Page(two, title="Page two")]).run()
"""

FRAGMENT_KEYPRESSES = 20
STREAMS = 10
PAGE_SWITCHES = 20

# Evaluated once on the page; before each click `window.__nav.want` is set to the text the
# new page's first element shows. The pointerdown (a capturing listener on window, the first to
# see the click) and the mutation that first shows that text are timestamped.
NAV_PROBE = """() => {
  const b = (window.__nav = { want: null, down: [], hit: [] });
  window.addEventListener('pointerdown', () => b.down.push(performance.now()), true);
  new MutationObserver(() => {
    if (b.want !== null && document.body.textContent.includes(b.want)) {
      b.hit.push(performance.now());
      b.want = null;
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""

# `window.__firstChunks`: for each stream, the DOM time its first chunk appeared minus the time
# it was yielded (a stream is told apart by its first chunk's stamp).
FIRST_CHUNK_PROBE = """() => {
  const now = () => performance.timeOrigin + performance.now();
  const seen = new Set();
  window.__firstChunks = [];
  new MutationObserver(() => {
    for (const m of document.body.textContent.matchAll(/c0@([0-9.]+)/g)) {
      if (seen.has(m[1])) continue;
      seen.add(m[1]);
      window.__firstChunks.push(now() - parseFloat(m[1]));
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


class FlowBench(Bench):
    def fragment(self, side: Side) -> list[float]:
        script = self.script(side, "fragment", FRAGMENT)
        with Server(side, script, self.logs, watch=False) as server, self.page() as page:
            server.wait_port(30)
            page.goto(server.url, timeout=30_000)
            page.get_by_text("0 squared is 0").wait_for(timeout=30_000)
            page.get_by_text("full run done").wait_for(timeout=30_000)
            slider = page.get_by_role("slider").first
            slider.focus()
            page.evaluate(KEY_PROBE, 0)
            for i in range(1, FRAGMENT_KEYPRESSES + 1):
                page.keyboard.press("ArrowRight")
                got = f"() => (window.__keys.hit.length >= {i} ? true : null)"
                if page.evaluate(wait_for(got), 10_000) is None:
                    raise BenchError(f"'{i} squared is' not shown 10 s after the keypress")
                page.wait_for_timeout(120)
            down: list[float] = page.evaluate("window.__keys.down")
            hit: list[float] = page.evaluate("window.__keys.hit")
        return [h - d for d, h in zip(down, hit, strict=True)]

    def stream(self, side: Side) -> list[float]:
        script = self.script(side, "stream", STREAM)
        with Server(side, script, self.logs, watch=False) as server, self.page() as page:
            server.wait_port(30)
            page.goto(server.url, timeout=30_000)
            button = page.get_by_role("button", name="stream")
            button.wait_for(timeout=30_000)
            page.evaluate(FIRST_CHUNK_PROBE)
            for i in range(1, STREAMS + 1):
                button.click()
                got = f"() => (window.__firstChunks.length >= {i} ? true : null)"
                if page.evaluate(wait_for(got), 30_000) is None:
                    raise BenchError(f"stream {i}: no chunk shown within 30 s: {server.tail()}")
                # The stream (200 x 10 ms) ends before the next click, so runs never overlap
                # (the previous run's "stream ended" is still on screen meanwhile).
                page.wait_for_timeout(2_600)
            samples: list[float] = page.evaluate("window.__firstChunks")
        return samples

    def page_switch(self, side: Side) -> list[float]:
        script = self.script(side, "navigation", NAVIGATION)
        with Server(side, script, self.logs, watch=False) as server, self.page() as page:
            server.wait_port(30)
            page.goto(server.url, timeout=30_000)
            page.get_by_text("first page, run 1").wait_for(timeout=30_000)
            page.evaluate(NAV_PROBE)
            for i in range(1, PAGE_SWITCHES + 1):
                label, text = ("Page two", "second page") if i % 2 else ("Page one", "first page")
                want = f"{text}, run {i + 1}"
                page.evaluate("(w) => { window.__nav.want = w; }", want)
                page.get_by_role("link", name=label, exact=True).click()
                got = f"() => (window.__nav.hit.length >= {i} ? true : null)"
                if page.evaluate(wait_for(got), 10_000) is None:
                    raise BenchError(f"{want!r} not shown 10 s after the click: {server.tail()}")
                page.wait_for_timeout(150)
            down: list[float] = page.evaluate("window.__nav.down")
            hit: list[float] = page.evaluate("window.__nav.hit")
        return [h - d for d, h in zip(down, hit, strict=True)]


def _rows(bench: FlowBench, sides: list[Side]) -> list[Row]:
    return [
        Row(
            "fragment slider (500 ms app) → new text in the DOM",
            bench.each(sides, "fragment", bench.fragment),
            "sidepane < 15 ms",
            lambda sp, _st: sp < 15,
        ),
        Row(
            "write_stream: first chunk yielded → in the DOM",
            bench.each(sides, "stream", bench.stream),
            "sidepane < 20 ms",
            lambda sp, _st: sp < 20,
        ),
        Row(
            "page switch: click → new page's first element in the DOM",
            bench.each(sides, "page switch", bench.page_switch),
            "sidepane < 30 ms",
            lambda sp, _st: sp < 30,
        ),
    ]


def main() -> int:
    return run_benchmark("flow", __doc__ or "", FlowBench, _rows)


if __name__ == "__main__":
    sys.exit(main())
