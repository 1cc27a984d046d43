"""The TypeScript generator (sidepane.protocol.schema): each kind of type it maps, the files it
writes, and that the committed files are what the schema gives today."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import pytest
from typing_extensions import NotRequired, Required, TypeAliasType, TypedDict

from sidepane.protocol.schema.__main__ import LSP_TS, OUTPUTS, PROTOCOL_TS, REPO, main, stale
from sidepane.protocol.schema.typescript import (
    HEADER,
    SchemaTypeError,
    constant_name,
    render_lsp,
    render_protocol,
)


class Scalars(TypedDict):
    s: str
    i: int
    f: float
    b: bool
    raw: bytes
    nothing: None
    anything: Any


class Unions(TypedDict):
    kind: Literal["a", "b"]
    number: Literal[1, 2]
    flag: Literal[True]
    either: str | int
    maybe: Optional[str]  # noqa: UP045 (the spelling under test)
    maybe_literal: Literal["x"] | None
    same: int | float


class Containers(TypedDict):
    names: list[str]
    mixed: list[str | int]
    pair: tuple[str, int]
    many: tuple[int, ...]
    nested: list[list[int]]
    table: dict[str, float]
    loose: dict[str, Any]


class Point(TypedDict):
    """A point on the page."""

    x: int
    y: int


class Shape(TypedDict):
    """A shape made of points.

    Its second paragraph."""

    corner: Point
    path: list[Point]
    label: NotRequired[Annotated[str, "Shown beside the shape."]]
    colour: Annotated[NotRequired[str], "Either order of the two wrappers works."]


class Partial(TypedDict, total=False):
    a: int
    b: Required[str]


class Child(Point):
    z: int


class Nothing(TypedDict):
    pass


Colour = TypeAliasType("Colour", Literal["red", "blue"])


class Painted(TypedDict):
    colour: Colour


class Tagged(TypedDict):
    t: Literal["tagged"]
    n: int


class Long(TypedDict):
    field: Annotated[int, "word " * 40]


class BadKey(TypedDict):
    by_int: dict[int, str]


class BadType(TypedDict):
    z: complex


def declaration(text: str, name: str) -> str:
    """The declaration of `name` in generated text, through its closing brace."""
    start = re.search(rf"^export (interface|type) {name}\b", text, re.MULTILINE)
    assert start is not None, f"{name} is not declared"
    end = re.compile(r"^}.*\n", re.MULTILINE).search(text, start.start())
    assert end is not None
    return text[start.start() : end.end()]


def props(*shapes: type) -> str:
    return render_protocol({}, {}, {s.__name__.lower(): s for s in shapes}, 1)


def test_scalars() -> None:
    assert declaration(props(Scalars), "Scalars") == (
        "export type Scalars = {\n"
        "  s: string;\n  i: number;\n  f: number;\n  b: boolean;\n  raw: Uint8Array;\n"
        "  nothing: null;\n  anything: unknown;\n};\n"
    )


def test_literals_and_unions() -> None:
    assert declaration(props(Unions), "Unions") == (
        "export type Unions = {\n"
        '  kind: "a" | "b";\n'
        "  number: 1 | 2;\n"
        "  flag: true;\n"
        "  either: string | number;\n"
        "  maybe: string | null;\n"
        '  maybe_literal: "x" | null;\n'
        "  same: number;\n};\n"
    )


def test_arrays_tuples_and_records() -> None:
    assert declaration(props(Containers), "Containers") == (
        "export type Containers = {\n"
        "  names: string[];\n"
        "  mixed: (string | number)[];\n"
        "  pair: [string, number];\n"
        "  many: number[];\n"
        "  nested: number[][];\n"
        "  table: Record<string, number>;\n"
        "  loose: Record<string, unknown>;\n};\n"
    )


def test_nested_shapes_docs_and_optional_keys() -> None:
    text = props(Shape)
    assert "/**\n * A shape made of points.\n *\n * Its second paragraph.\n */\n" in text
    assert declaration(text, "Shape") == (
        "export type Shape = {\n"
        "  corner: Point;\n"
        "  path: Point[];\n"
        "  /** Shown beside the shape. */\n"
        "  label?: string;\n"
        "  /** Either order of the two wrappers works. */\n"
        "  colour?: string;\n};\n"
    )
    # A shape used only inside another is declared once, after the element props.
    assert text.count("export type Point = {") == 1
    assert text.index("export type Point = {") > text.index("export interface ElementPropsMap")
    assert "/** A point on the page. */\nexport type Point = {" in text


def test_total_false_and_required() -> None:
    assert declaration(props(Partial), "Partial") == (
        "export type Partial = {\n  a?: number;\n  b: string;\n};\n"
    )


def test_a_typeddict_base_is_extended() -> None:
    # Props are type aliases: unlike interfaces, they stay assignable to the viewer's untyped
    # `Record<string, unknown>`, so declaring a type never breaks a component not typed yet.
    text = props(Child)
    assert declaration(text, "Child") == "export type Child = Point & {\n  z: number;\n};\n"
    assert declaration(text, "Point") == "export type Point = {\n  x: number;\n  y: number;\n};\n"
    # Frames and LSP shapes are interfaces.
    frames = render_protocol({"child": Child}, {}, {}, 1)
    assert declaration(frames, "Child") == (
        'export interface Child extends Point {\n  t: "child";\n  z: number;\n}\n'
    )
    lsp = render_lsp({"a": Method("sidepane/child", "client→server", "notification", Child, None)})
    assert declaration(lsp, "Child") == "export interface Child extends Point {\n  z: number;\n}\n"


def test_an_empty_shape_is_a_record_of_never() -> None:
    # `interface Nothing {}` would fail eslint (no-empty-object-type).
    assert "export type Nothing = Record<string, never>;\n" in props(Nothing)


def test_a_type_alias_keeps_its_name() -> None:
    text = props(Painted)
    assert "  colour: Colour;\n" in text
    assert 'export type Colour = "red" | "blue";\n' in text


def test_long_docs_wrap_within_the_print_width() -> None:
    lines = props(Long).splitlines()
    assert "  /**" in lines
    assert all(len(line) <= 100 for line in lines)


def test_element_map_and_frame_unions() -> None:
    text = render_protocol({"tagged": Tagged, "point": Point}, {"shape": Shape}, {"p": Point}, 7)
    assert text.startswith(HEADER + "\n")
    assert "export const PROTOCOL_VERSION = 7;\n" in text
    # `t` comes from the registry key: declared (and equal) or added first.
    assert declaration(text, "Tagged") == (
        'export interface Tagged {\n  t: "tagged";\n  n: number;\n}\n'
    )
    assert declaration(text, "Point").startswith('export interface Point {\n  t: "point";\n')
    assert "export type RuntimeFrame = Tagged | Point;\n" in text
    assert "export type ViewerFrame = Shape;\n" in text
    assert "export interface ElementPropsMap {\n  p: Point;\n}\n" in text


class Toggle(TypedDict):
    id: str
    value: bool


class Picked(TypedDict):
    id: str
    value: NotRequired[Annotated[list[Point] | None, "Absent until picked."]]


class Gauge(TypedDict):
    value: int


def test_widget_value_map_holds_each_widget_types_value() -> None:
    # A widget is props with an `id` and a `value`; a bare `value` (a gauge) is only drawn.
    text = render_protocol({}, {}, {"toggle": Toggle, "picker": Picked, "gauge": Gauge}, 1)
    assert (
        "export interface WidgetValueMap {\n  toggle: boolean;\n  picker: Point[] | null;\n}\n"
        in text
    )
    assert "export type WidgetType = keyof WidgetValueMap;\n" in text
    # The shapes a value is made of are declared like any other.
    assert "export type Point = {" in text
    assert "export type WidgetValueMap = Record<never, never>;\n" in props(Gauge)


def test_a_declared_t_must_match_its_key() -> None:
    with pytest.raises(SchemaTypeError, match=r'Tagged\.t is declared as "tagged"'):
        render_protocol({"other": Tagged}, {}, {}, 1)


def test_types_without_typescript_are_errors_naming_the_field() -> None:
    with pytest.raises(SchemaTypeError, match=r"BadKey\.by_int: only str keys"):
        props(BadKey)
    with pytest.raises(SchemaTypeError, match=r"BadType\.z: no TypeScript for"):
        props(BadType)


def test_two_shapes_of_one_name_are_an_error() -> None:
    other = TypedDict("Point", {"z": int})  # noqa: UP013 (a second class named Point)
    with pytest.raises(SchemaTypeError, match="two shapes are named Point"):
        render_protocol({}, {}, {"a": Point, "b": other}, 1)


@dataclass(frozen=True)
class Method:
    name: str
    direction: str
    kind: str
    params: type
    result: type | None


def test_lsp_methods() -> None:
    assert constant_name("sidepane/runOnSaveChanged") == "RUN_ON_SAVE_CHANGED"
    text = render_lsp(
        {
            "a": Method("sidepane/drawShape", "client→server", "request", Shape, Point),
            "b": Method("sidepane/moved", "server→client", "notification", Point, None),
        }
    )
    assert text.startswith(HEADER + "\n")
    assert (
        "/** Request, client→server: params Shape, result Point. */\n"
        'export const DRAW_SHAPE = "sidepane/drawShape";\n'
    ) in text
    assert (
        "/** Notification, server→client: params Point. */\n"
        'export const MOVED = "sidepane/moved";\n'
    ) in text
    assert text.count("export interface Point {") == 1
    assert "export interface Shape {" in text


def test_lsp_constants_must_differ() -> None:
    with pytest.raises(SchemaTypeError, match="both RUN"):
        render_lsp(
            {
                "a": Method("sidepane/run", "client→server", "notification", Point, None),
                "b": Method("other/run", "client→server", "notification", Point, None),
            }
        )


def test_the_committed_files_are_current() -> None:
    assert stale() == [], "run `make schema` and commit the generated files"


def test_check_names_the_stale_file_and_a_write_makes_it_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in OUTPUTS:  # every generated file current but one
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / path, tmp_path / path)
    (tmp_path / PROTOCOL_TS).write_text("// edited by hand\n", encoding="utf-8")

    assert main(["--check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{PROTOCOL_TS} is stale" in err
    assert LSP_TS not in err

    assert main(["--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"wrote {PROTOCOL_TS}\n"
    assert (tmp_path / PROTOCOL_TS).read_text(encoding="utf-8") == (
        (REPO / PROTOCOL_TS).read_text(encoding="utf-8")
    )
    assert main(["--check", "--root", str(tmp_path)]) == 0
