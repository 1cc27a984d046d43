"""`python -m sidepane.protocol.schema [--check]`: write (or check) the generated TypeScript.

Run from a checkout (`make schema`, `make check-schema`): the files live beside the viewer and
the extension, and prettier from the repo's node_modules formats them, so they read as if
written by hand and `make lint` finds them clean.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sidepane.protocol.frames import PROTOCOL_VERSION
from sidepane.protocol.schema import registry
from sidepane.protocol.schema.shapes import render_shapes_ts
from sidepane.protocol.schema.typescript import HEADER, render_lsp, render_protocol

REPO = Path(__file__).resolve().parents[4]
PROTOCOL_TS = "webview/src/core/protocol.generated.ts"
LSP_TS = "extension/src/lsp.generated.ts"
REFERENCE_MD = "docs/protocol-reference.md"
SHAPES_TS = "webview/src/core/protocol.shapes.generated.ts"


def _protocol() -> str:
    return render_protocol(
        registry.RUNTIME_FRAMES, registry.VIEWER_FRAMES, registry.ELEMENTS, PROTOCOL_VERSION
    )


def _lsp() -> str:
    from sidepane.protocol.schema.lsp import LSP_METHODS

    return render_lsp(LSP_METHODS)


def _reference() -> str:
    from sidepane.protocol.schema.lsp import LSP_METHODS
    from sidepane.protocol.schema.markdown import render_reference

    return render_reference(
        registry.RUNTIME_FRAMES,
        registry.VIEWER_FRAMES,
        registry.ELEMENTS,
        LSP_METHODS,
        PROTOCOL_VERSION,
    )


OUTPUTS: dict[str, Callable[[], str]] = {
    PROTOCOL_TS: _protocol,
    LSP_TS: _lsp,
    REFERENCE_MD: _reference,
    SHAPES_TS: lambda: render_shapes_ts(HEADER),
}


def prettier(text: str, path: str) -> str:
    """`text` as prettier formats it for `path` in the repo (its .prettierrc.json applies)."""
    binary = REPO / "node_modules" / ".bin" / "prettier"
    if not binary.exists():
        raise SystemExit(f"{binary} is missing: the generator needs the repo's node_modules")
    done = subprocess.run(
        [str(binary), "--stdin-filepath", path],
        input=text,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"prettier failed on the generated {path}:\n{done.stderr}")
    return done.stdout


def generated() -> dict[str, str]:
    """Each generated file's path (relative to the repo) and its formatted text."""
    return {path: prettier(render(), path) for path, render in OUTPUTS.items()}


def _differs(file: Path, text: str) -> bool:
    return not file.exists() or file.read_text(encoding="utf-8") != text


def stale(root: Path = REPO) -> list[str]:
    """The generated files under `root` whose text differs from what the schema gives."""
    return [path for path, text in generated().items() if _differs(root / path, text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sidepane.protocol.schema",
        description="Write the TypeScript generated from the protocol schema.",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is stale"
    )
    parser.add_argument("--root", type=Path, default=REPO, help=argparse.SUPPRESS)  # for tests
    args = parser.parse_args(argv)
    root: Path = args.root
    if not (REPO / "webview").is_dir():
        print(f"{REPO} is not a Sidepane checkout: nothing to generate", file=sys.stderr)
        return 2
    if args.check:
        paths = stale(root)
        for path in paths:
            print(f"{path} is stale: run `make schema` and commit it", file=sys.stderr)
        return 1 if paths else 0
    for path, text in generated().items():
        file = root / path
        if _differs(file, text):
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
