"""In-page probes for the browser benchmark: small scripts that timestamp, inside Chromium, the
moment an expected change reaches the page.

Times are `performance.timeOrigin + performance.now()` where they are compared with Python's
`time.time()` (a sub-millisecond wall clock; on one machine it agrees with `Date.now()` and
`time.time()` to well under a millisecond), and plain `performance.now()` where both ends of the
interval are in the page.
"""

from __future__ import annotations

import json

_NOW = "const now = () => performance.timeOrigin + performance.now();"
_ALL_TEXT = "{subtree: true, childList: true, characterData: true}"


def text_appears(text: str) -> str:
    """Init script: `window.__textHit` = when `text` first is in the document's text.

    textContent, not innerText: a check on every mutation must not force a layout (that would
    slow the page being measured); the text is only looked for, never reported.
    """
    return f"""(() => {{
  {_NOW}
  const want = {json.dumps(text)};
  window.__textHit = null;
  const obs = new MutationObserver(() => {{
    if (document.body && document.body.textContent.includes(want)) {{
      window.__textHit = now();
      obs.disconnect();
    }}
  }});
  obs.observe(document, {_ALL_TEXT});
}})();"""


# Evaluated on a page showing "<start> squared is ...". Each ArrowRight keydown (timestamped in a
# capturing listener on window, the first to see the event) sets the next expected value;
# the observer timestamps the mutation that first shows "<n> squared is". The slider's own value
# label changes first on both sides, but never reads "<n> squared is": the text before
# " squared is" always ends in the old value's last digit until the app's text is redrawn.
KEY_PROBE = f"""(start) => {{
  const b = (window.__keys = {{ n: start, down: [], hit: [] }});
  let want = null;
  window.addEventListener('keydown', (e) => {{
    if (e.key !== 'ArrowRight') return;
    b.down.push(performance.now());
    b.n += 1;
    want = b.n + ' squared is';
  }}, true);
  new MutationObserver(() => {{
    if (want !== null && document.body.textContent.includes(want)) {{
      b.hit.push(performance.now());
      want = null;
    }}
  }}).observe(document.body, {_ALL_TEXT});
}}"""

# Evaluated once on the page; then before each write `window.__save.want` is set to the literal
# the new script writes, and `hit` is the wall-clock time it was first in the document.
SAVE_PROBE = f"""() => {{
  {_NOW}
  const b = (window.__save = {{ want: null, hit: null }});
  new MutationObserver(() => {{
    if (b.want !== null && b.hit === null && document.body.textContent.includes(b.want)) {{
      b.hit = now();
    }}
  }}).observe(document.body, {_ALL_TEXT});
}}"""

# Init script: `window.__gridHit` = the first animation frame in which data rows are drawn,
# checked in requestAnimationFrame callbacks (before that frame's paint), the same way on both
# sides.
#
# Sidepane's grid is DOM: rows are drawn once a `role="gridcell"` with text is in the document.
#
# Streamlit's grid (glide-data-grid) is a <canvas data-testid="data-grid-canvas">. Glide also keeps
# an accessibility <table role="grid"> with the visible cells as text *inside* the canvas
# (fallback content, never painted), but it is not a paint signal: measured here it arrives about
# 300 ms after the canvas shows the rows (glide fills it later), so it would overstate Streamlit's
# time. Its cells are skipped. The signal used is the canvas's own pixels: in the band just below
# the 35 px header, the first rows' text is dark (the light theme's text colour, about
# rgb(49, 51, 63)) on white, while grid lines and the header are light; more than 20 dark pixels
# there means row text has been drawn.
GRID_PROBE = f"""(() => {{
  {_NOW}
  window.__gridHit = null;
  const domRows = () => {{
    for (const cell of document.querySelectorAll('[role=gridcell]')) {{
      if (cell.textContent.trim() && !cell.closest('canvas')) return true;
    }}
    return false;
  }};
  const canvasRows = () => {{
    const canvas = document.querySelector('canvas[data-testid="data-grid-canvas"]');
    if (!canvas || !canvas.width || !canvas.height) return false;
    const scale = canvas.width / (canvas.getBoundingClientRect().width || canvas.width);
    const top = Math.round(40 * scale);
    const height = Math.min(Math.round(100 * scale), canvas.height - top);
    if (height <= 0) return false;
    const px = canvas.getContext('2d').getImageData(0, top, canvas.width, height).data;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) {{
      if (px[i + 3] > 200 && px[i] < 100 && px[i + 1] < 100 && px[i + 2] < 100 && ++dark > 20) {{
        return true;
      }}
    }}
    return false;
  }};
  const tick = () => {{
    if (domRows() || canvasRows()) {{
      window.__gridHit = now();
      return;
    }}
    requestAnimationFrame(tick);
  }};
  requestAnimationFrame(tick);
}})();"""


def wait_for(getter: str) -> str:
    """A function for `page.evaluate(..., timeout_ms)`: resolves with `getter()` once it is not
    null, or with null at the timeout.

    Not `page.wait_for_function`: it evaluates its predicate with eval(), which Sidepane's
    Content-Security-Policy (script-src 'self') rightly refuses; Playwright's evaluate is not
    subject to the page's CSP. Polling every 4 ms is a negligible load on the page.
    """
    return f"""async (ms) => {{
  const get = {getter};
  const end = performance.now() + ms;
  for (;;) {{
    const value = get();
    if (value !== null && value !== undefined) return value;
    if (performance.now() > end) return null;
    await new Promise((resolve) => setTimeout(resolve, 4));
  }}
}}"""
