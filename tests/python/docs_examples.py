"""Streamlit 1.67's own documented examples for issue 18's APIs, and what running one shows.

The "Examples" section of each API's docstring in Streamlit 1.67 holds runnable code (doctest
`>>>` blocks or `.. code-block:: python`). `extract` reads them from the installed 1.67 source;
`summarize` runs one through an AppTest (Streamlit's or Sidepane's, whichever `AppTest` is given)
and says what a test can see: the exception, and each element's kind and props in page order.

Run with the bench's Streamlit 1.67 python to regenerate the recorded data
(tests/python/data/docs_examples_1_67.json: each example's code, where it came from, and 1.67's
summary of it):

    ~/.cache/sidepane-bench/streamlit-1.67.0/bin/python tests/python/docs_examples.py

Only the standard library and the AppTest handed in are used, so this module runs under both.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "docs_examples_1_67.json"

# Issue 18's APIs: `st.<name>` or a module path below streamlit.
APIS = (
    "plotly_chart",
    "pydeck_chart",
    "map",
    "graphviz_chart",
    "mermaid_chart",
    "echarts_chart",
    "pdf",
    "iframe",
    "html",
    "camera_input",
    "audio_input",
    "grid",
    "components.v1.html",
    "components.v1.iframe",
    "components.v1.declare_component",
    "components.v2.component",
)

# Props that name a run, a session or a stored file rather than what the element shows.
_UNSTABLE = re.compile(r"(^|_)(id|ids|key|url|html_id|form_id|element_id)$")


def _resolve(name: str) -> Any:
    import importlib

    module_path, _, attribute = ("streamlit." + name).rpartition(".")
    return getattr(importlib.import_module(module_path), attribute, None)


def _examples_section(doc: str) -> str:
    match = re.search(r"^Examples?\n-+\n", doc, re.MULTILINE)
    if match is None:
        return ""
    rest = doc[match.end() :]
    end = re.search(r"^\S[^\n]*\n-{3,}\n", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


def _complete(code: str) -> bool:
    try:
        compile(code, "<example>", "exec")
    except SyntaxError:
        return False
    return True


def _blocks(section: str) -> Iterator[str]:
    """Each code block of an Examples section: a doctest run (a `>>>` line and the lines that
    continue it, prefixed or not while the statement is incomplete) or a code-block directive."""
    lines = section.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(">>>"):
            code: list[str] = []
            while i < len(lines):
                text = lines[i].strip()
                if text.startswith((">>>", "...")):
                    code.append(lines[i].lstrip()[4:])
                elif code and not _complete("\n".join(code)) and text:
                    code.append(lines[i])
                elif code and not _complete("\n".join(code)) and not text:
                    code.append("")
                else:
                    break
                i += 1
            yield "\n".join(code).rstrip() + "\n"
            continue
        if stripped.startswith(".. code-block:: python"):
            indent = len(line) - len(line.lstrip())
            i += 1
            body: list[str] = []
            while i < len(lines):
                text = lines[i]
                if text.strip() and len(text) - len(text.lstrip()) <= indent:
                    break
                if text.strip().startswith(":") and not body:
                    i += 1
                    continue
                body.append(text)
                i += 1
            yield textwrap.dedent("\n".join(body)).strip("\n") + "\n"
            continue
        i += 1


def extract() -> list[dict[str, Any]]:
    """Every example of APIS in the Streamlit this python imports, in docstring order.

    A doctest block that does not import streamlit continues the example before it (the docs
    show it as the next step of the same app, e.g. st.map's `st.map(df, size=20)`); one with
    nothing before it gets `import streamlit as st` (st.pdf's examples assume it)."""
    import streamlit

    examples: list[dict[str, Any]] = []
    for name in APIS:
        obj = _resolve(name)
        if obj is None:
            continue
        func = inspect.unwrap(obj)
        source = Path(inspect.getsourcefile(func) or "")
        line = inspect.getsourcelines(func)[1]
        where = f"streamlit/{source.relative_to(Path(streamlit.__file__).parent)}:{line}"
        previous = ""
        blocks = _blocks(_examples_section(inspect.getdoc(obj) or ""))
        for number, block in enumerate(blocks, start=1):
            if "import streamlit" not in block:
                block = (previous or "import streamlit as st\n") + "\n" + block
            previous = block
            examples.append(
                {
                    "id": f"{name.replace('.', '_')}_{number}",
                    "api": name,
                    "source": f"{where}, docstring example block {number}",
                    "code": block,
                }
            )
    return examples


def _plain(value: Any) -> Any:
    """Props as JSON: what a comparison can hold on to."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not _UNSTABLE.search(str(k))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return repr(value)


def _streamlit_props(element: Any) -> dict[str, Any]:
    from google.protobuf.json_format import MessageToDict

    proto = getattr(element, "proto", None)
    if proto is None or not hasattr(proto, "DESCRIPTOR"):
        return {}
    return dict(MessageToDict(proto, preserving_proto_field_name=True))


def _walk_streamlit(block: Any, depth: int) -> Iterator[dict[str, Any]]:
    for child in getattr(block, "children", {}).values():
        kind = getattr(child, "type", type(child).__name__)
        yield {"kind": kind, "depth": depth, "props": _plain(_streamlit_props(child))}
        yield from _walk_streamlit(child, depth + 1)


def _walk_sidepane(node: Any, depth: int) -> Iterator[dict[str, Any]]:
    for child in node.ordered_children():
        yield {"kind": child.type, "depth": depth, "props": _plain(child.props)}
        yield from _walk_sidepane(child, depth + 1)


def summarize(app_test: Any, code: str, timeout: float = 30) -> dict[str, Any]:
    """Run `code` in `app_test` (an AppTest class) from an empty working directory (the docs'
    relative files, e.g. st.pdf's report.pdf, are absent on both sides) and say what it shows."""
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as empty:
        os.chdir(empty)
        try:
            at = app_test.from_string(code, default_timeout=timeout).run()
        except Exception as error:  # the AppTest itself failed (e.g. a timeout)
            return {"error": f"{type(error).__name__}: {error}", "elements": [], "exceptions": []}
        finally:
            os.chdir(cwd)
    if hasattr(at.main, "node"):
        elements = list(_walk_sidepane(at.main.node, 0))
    else:
        elements = list(_walk_streamlit(at.main, 0))
    exceptions = [str(getattr(e, "message", e)) for e in at.exception]
    elements = [e for e in elements if e["kind"] != "exception"]
    return {"error": None, "elements": elements, "exceptions": exceptions}


def main() -> None:
    import logging

    from streamlit.testing.v1 import AppTest

    logging.disable(logging.WARNING)
    examples = extract()
    for example in examples:
        example["streamlit_1_67"] = summarize(AppTest, example["code"])
    DATA.write_text(json.dumps(examples, indent=1, sort_keys=False) + "\n")
    print(f"wrote {len(examples)} examples to {DATA}", file=sys.stderr)


if __name__ == "__main__":
    main()
