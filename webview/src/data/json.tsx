// The `json` element: a collapsible tree of the `body` JSON text, opened to `expanded` (true:
// everything, false: closed, a number: that many levels), with a copy button.

import { useMemo, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { ElementProps, JsonProps } from "../core/types";

/** Python's json.dumps writes NaN / Infinity, which JSON.parse rejects: read them as numbers. */
const SPECIAL = "\u0000sp-special:";

export function parseJsonText(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    // Replace the bare tokens outside strings with tagged strings, then restore them.
    const patched = body.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (m) =>
      m.startsWith('"') ? m : JSON.stringify(SPECIAL + m),
    );
    try {
      return JSON.parse(patched, (_k, v: unknown) =>
        typeof v === "string" && v.startsWith(SPECIAL) ? Number(v.slice(SPECIAL.length)) : v,
      );
    } catch {
      return body;
    }
  }
}

/** How many levels start open for the `expanded` prop. */
export function openDepth(expanded: JsonProps["expanded"]): number {
  if (expanded === false) return 0;
  if (expanded === true || expanded < 0) return Infinity;
  return expanded;
}

function Scalar({ value }: { value: unknown }): JSX.Element {
  if (value === null) return <span class="sp-json-null">null</span>;
  if (typeof value === "string") return <span class="sp-json-string">{JSON.stringify(value)}</span>;
  if (typeof value === "number")
    return <span class="sp-json-number">{Number.isNaN(value) ? "NaN" : String(value)}</span>;
  if (typeof value === "boolean") return <span class="sp-json-bool">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

interface NodeProps {
  name?: string;
  value: unknown;
  depth: number;
  open: number;
  last: boolean;
}

function JsonNode({ name, value, depth, open, last }: NodeProps): JSX.Element {
  const [isOpen, setOpen] = useState(depth < open);
  const key = name !== undefined && <span class="sp-json-key">{`${JSON.stringify(name)}: `}</span>;
  const comma = last ? "" : ",";
  if (typeof value !== "object" || value === null) {
    return (
      <div class="sp-json-line">
        {key}
        <Scalar value={value} />
        {comma}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string | undefined, unknown][] = isArray
    ? value.map((v) => [undefined, v])
    : Object.entries(value);
  const [openB, closeB] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div class="sp-json-line">
        {key}
        {openB + closeB + comma}
      </div>
    );
  }
  return (
    <div class="sp-json-node">
      <div class="sp-json-line">
        <button
          type="button"
          class="sp-json-toggle"
          aria-expanded={isOpen}
          aria-label={isOpen ? "Collapse" : "Expand"}
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen ? "▾" : "▸"}
        </button>
        {key}
        {openB}
        {!isOpen && (
          <button type="button" class="sp-json-summary" onClick={() => setOpen(true)}>
            {`… ${entries.length} ${entries.length === 1 ? "item" : "items"}`}
          </button>
        )}
        {!isOpen && closeB + comma}
      </div>
      {isOpen && (
        <div class="sp-json-children">
          {entries.map(([k, v], i) => (
            <JsonNode
              key={k ?? i}
              name={k}
              value={v}
              depth={depth + 1}
              open={open}
              last={i === entries.length - 1}
            />
          ))}
        </div>
      )}
      {isOpen && <div class="sp-json-line">{closeB + comma}</div>}
    </div>
  );
}

export function Json({ node }: ElementProps<"json">): JSX.Element {
  const { body, expanded } = node.props;
  const value = useMemo(() => parseJsonText(body), [body]);
  const open = openDepth(expanded);
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    const text = JSON.stringify(value, null, 2) ?? body;
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <div class="sp-json" data-testid="stJson">
      <button
        type="button"
        class="sp-json-copy"
        onClick={copy}
        title="Copy to clipboard"
        aria-label="Copy JSON to clipboard"
      >
        {copied ? "Copied" : "Copy"}
      </button>
      {/* Re-mount the tree when `expanded` changes, so the new depth applies. */}
      <JsonNode key={`${open}`} value={value} depth={0} open={open} last={true} />
    </div>
  );
}
