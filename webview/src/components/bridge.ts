// Streamlit's custom-component protocol (streamlit-component-lib, API version 1), the host's
// side: the frame posts `streamlit:componentReady`, `streamlit:setComponentValue` and
// `streamlit:setFrameHeight`; the host answers `streamlit:render` with the args, dataframes,
// disabled flag and theme. Messages are plain postMessage objects, taken only from the
// component's own frame.

import { pageColor, type Palette } from "../core/palette";
import type { ArrowTable } from "../core/protocol.generated";
import { derivedColors, toHex, type DerivedColors } from "./theme_colors";

export const API_VERSION = 1;

/**
 * A table argument as streamlit-component-lib reads it from `dfs` (Streamlit's `ArrowDataframe`
 * proto as an object): `{ data: { data, index, columns, styler? } }`, its `ArrowTable`'s parts.
 */
export interface DataframeArg {
  key: string;
  value: {
    data: {
      data: Uint8Array;
      index: Uint8Array;
      columns: Uint8Array;
      styler?: { uuid: string; caption?: string; styles?: string; displayValues: Uint8Array };
    };
  };
}

/** What a component's frame may tell its host. */
export type ComponentMessage =
  | { type: "streamlit:componentReady"; apiVersion: number }
  | { type: "streamlit:setComponentValue"; value: unknown; dataType?: string }
  | { type: "streamlit:setFrameHeight"; height: number };

/** The theme a component receives (Streamlit's exported theme, its derived colours too). */
export interface ExportedTheme extends DerivedColors {
  base: "light" | "dark";
  primaryColor: string;
  backgroundColor: string;
  secondaryBackgroundColor: string;
  textColor: string;
  bodyFont: string;
  font: string;
}

/** A message from a component's frame, or null for anything else (another frame's, junk). */
export function readMessage(data: unknown): ComponentMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.isStreamlitMessage !== true || typeof m.type !== "string") return null;
  switch (m.type) {
    case "streamlit:componentReady":
      return { type: m.type, apiVersion: typeof m.apiVersion === "number" ? m.apiVersion : NaN };
    case "streamlit:setComponentValue":
      if (!("value" in m) || m.value === undefined) return null;
      return {
        type: m.type,
        value: m.value,
        dataType: typeof m.dataType === "string" ? m.dataType : undefined,
      };
    case "streamlit:setFrameHeight":
      return typeof m.height === "number" && Number.isFinite(m.height) && m.height >= 0
        ? { type: m.type, height: m.height }
        : null;
    default:
      return null;
  }
}

function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return undefined;
}

/**
 * A component's value as the runtime takes it, or undefined for one it cannot: bytes (a typed
 * array or ArrayBuffer) as bytes; a table (`dataType: "dataframe"`, an `ArrowTable` serialized)
 * as its three Arrow streams `{data, index, columns}`; anything else through JSON, as Streamlit
 * sends it (dates become text, `undefined` members go) — so a JSON value never holds bytes,
 * and the runtime tells a table by its bytes.
 */
export function wireValue(value: unknown, dataType?: string): unknown {
  const bytes = asBytes(value);
  if (bytes !== undefined) return bytes;
  if (dataType === "dataframe") {
    if (typeof value !== "object" || value === null) return undefined;
    const table = value as Record<string, unknown>;
    const [data, index, columns] = [table.data, table.index, table.columns].map(asBytes);
    return data && index && columns ? { data, index, columns } : undefined;
  }
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined; // a BigInt, a cycle: not something Streamlit could send either
  }
}

/** Table arguments as `dfs` entries, in the order the script passed them. */
export function dataframeArgs(tables: Record<string, ArrowTable> | undefined): DataframeArg[] {
  return Object.entries(tables ?? {}).map(([key, table]) => {
    const { data, index, columns, styler } = table;
    const value: DataframeArg["value"] = { data: { data, index, columns } };
    if (styler !== undefined) {
      const { display_values: displayValues, ...rest } = styler;
      value.data.styler = { ...rest, displayValues };
    }
    return { key, value };
  });
}

/** The `streamlit:render` message for the frame. */
export function renderMessage(
  args: Record<string, unknown>,
  dfs: DataframeArg[],
  disabled: boolean,
  theme: ExportedTheme,
): Record<string, unknown> {
  return { type: "streamlit:render", args, dfs, disabled, theme };
}

/** The page's colours and font as a component's theme, resolved to plain CSS values (hex). */
export function exportedTheme(base: "light" | "dark", doc: Document = document): ExportedTheme {
  const where = doc.body ?? doc.documentElement;
  const color = (key: keyof Palette): string => toHex(pageColor(key, base, where));
  const backgroundColor = color("bg");
  const secondaryBackgroundColor = color("bgSecondary");
  const textColor = color("fg");
  const font =
    getComputedStyle(doc.documentElement).getPropertyValue("--sp-font").trim() ||
    '"Source Sans Pro", sans-serif';
  return {
    base,
    primaryColor: color("primary"),
    backgroundColor,
    secondaryBackgroundColor,
    textColor,
    bodyFont: font,
    font,
    ...derivedColors(backgroundColor, secondaryBackgroundColor, textColor),
  };
}
