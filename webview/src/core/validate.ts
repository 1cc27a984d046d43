// The development build's check of every frame the viewer receives against the schema: the
// same table and rules as the Python tests' check of every frame the runtime emits
// (python_server/sidepane/protocol/schema/validate.py). A release build leaves this chunk out.

/** A declared shape as data (python_server/sidepane/protocol/schema/shapes.py). */
export type Shape =
  | "str"
  | "int"
  | "float"
  | "bool"
  | "null"
  | "bytes"
  | "any"
  | { lit: unknown[] }
  | { list: Shape }
  | { tuple: Shape[] }
  | { map: Shape }
  | { union: Shape[] }
  | { ref: string };

export interface ShapeDef {
  keys: Record<string, Shape>;
  required: string[];
}

export interface ShapeTable {
  runtimeFrames: Record<string, string>;
  viewerFrames: Record<string, string>;
  elements: Record<string, string>;
  defs: Record<string, ShapeDef>;
}

type Problems = string[];

/** What is wrong with a runtime → viewer frame, each problem with its key path (`$` the root). */
export function validateFrame(table: ShapeTable, frame: unknown): Problems {
  const problems: Problems = [];
  const t = isMap(frame) ? frame.t : undefined;
  const name = typeof t === "string" ? table.runtimeFrames[t] : undefined;
  if (name === undefined || !isMap(frame)) {
    return [`$.t: unknown frame type ${describe(t)}`];
  }
  checkDef(table, name, frame, "$", problems, true);
  if (t === "upsert" && problems.length === 0) {
    const type = frame.type as string;
    const props = table.elements[type];
    if (props === undefined) {
      problems.push(`$.type: element type '${type}' is not declared in the schema`);
    } else {
      checkDef(table, props, frame.props, `$.props(${type})`, problems, false);
    }
  }
  return problems;
}

function check(table: ShapeTable, shape: Shape, v: unknown, path: string, out: Problems): void {
  if (typeof shape === "string") {
    if (!scalarOk(shape, v)) out.push(`${path}: expected ${scalarName(shape)}, got ${describe(v)}`);
    return;
  }
  if ("ref" in shape) {
    checkDef(table, shape.ref, v, path, out, false);
  } else if ("lit" in shape) {
    if (!shape.lit.some((allowed) => allowed === v)) {
      out.push(`${path}: ${describe(v)} is not one of ${JSON.stringify(shape.lit)}`);
    }
  } else if ("union" in shape) {
    let best: Problems | undefined;
    for (const option of shape.union) {
      const found: Problems = [];
      check(table, option, v, path, found);
      if (found.length === 0) return;
      if (best === undefined || found.length < best.length) best = found;
    }
    // A value of the right kind with a wrong part says where; otherwise the union is named.
    if (best && shape.union.length > 1 && best.every((p) => p.startsWith(`${path}: `))) {
      out.push(`${path}: ${describe(v)} is not ${shapeName(shape)}`);
    } else {
      out.push(...(best ?? []));
    }
  } else if ("list" in shape || "tuple" in shape) {
    if (!Array.isArray(v)) {
      out.push(`${path}: expected a list, got ${describe(v)}`);
    } else if ("list" in shape) {
      v.forEach((item, i) => check(table, shape.list, item, `${path}[${i}]`, out));
    } else if (v.length !== shape.tuple.length) {
      out.push(`${path}: expected ${shape.tuple.length} items, got ${v.length}`);
    } else {
      shape.tuple.forEach((s, i) => check(table, s, v[i], `${path}[${i}]`, out));
    }
  } else if (!isMap(v)) {
    out.push(`${path}: expected a map, got ${describe(v)}`);
  } else {
    for (const [key, item] of Object.entries(v))
      check(table, shape.map, item, `${path}.${key}`, out);
  }
}

function checkDef(
  table: ShapeTable,
  name: string,
  v: unknown,
  path: string,
  out: Problems,
  frame: boolean,
): void {
  const def = table.defs[name];
  if (def === undefined) {
    out.push(`${path}: the schema table has no shape ${name}`);
    return;
  }
  if (!isMap(v)) {
    out.push(`${path}: expected a map (${name}), got ${describe(v)}`);
    return;
  }
  for (const key of def.required) {
    if (!(key in v)) out.push(`${path}.${key}: missing (required by ${name})`);
  }
  for (const [key, item] of Object.entries(v)) {
    const shape = def.keys[key];
    if (shape !== undefined) check(table, shape, item, `${path}.${key}`, out);
    else if (!(frame && key === "t")) out.push(`${path}.${key}: unknown key (not in ${name})`);
  }
}

function scalarOk(shape: string, v: unknown): boolean {
  switch (shape) {
    case "str":
      return typeof v === "string";
    case "int":
      // msgpack's 64-bit integers decode as bigint past 2^53.
      return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
    case "float":
      return typeof v === "number" || typeof v === "bigint";
    case "bool":
      return typeof v === "boolean";
    case "null":
      return v === null;
    case "bytes":
      return v instanceof Uint8Array;
    default:
      return true;
  }
}

function scalarName(shape: string): string {
  return shape === "null" ? "None" : shape;
}

/** A shape as the Python type it was declared with (for messages, as validate.py says them). */
function shapeName(shape: Shape): string {
  if (typeof shape === "string") return scalarName(shape);
  if ("ref" in shape) return shape.ref;
  if ("lit" in shape) return `Literal${JSON.stringify(shape.lit)}`;
  if ("union" in shape) return shape.union.map(shapeName).join(" | ");
  if ("map" in shape) return `dict[str, ${shapeName(shape.map)}]`;
  if ("tuple" in shape) return `tuple[${shape.tuple.map(shapeName).join(", ")}]`;
  return `list[${shapeName(shape.list)}]`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function describe(v: unknown): string {
  let text: string;
  try {
    text = v instanceof Uint8Array ? `<${v.length} bytes>` : (JSON.stringify(v) ?? String(v));
  } catch {
    text = String(v);
  }
  return `${Array.isArray(v) ? "array" : v === null ? "null" : typeof v} ${text.length > 60 ? text.slice(0, 57) + "..." : text}`;
}
