// What a v2 component's frame and the viewer say to each other (docs/protocol.md, "Components
// v2"): postMessage objects tagged `sidepaneV2`, read only from the expected window. Types only
// and one pure reader, shared by the viewer (bidi.tsx) and the frame's runtime
// (frame_runtime.ts, a bundle of its own that imports nothing at run time).

/** The component as the frame builds it. */
export interface FrameDefinition {
  name: string;
  html?: string;
  css?: string;
  js?: string;
  /** Absolute URLs of the asset folder's files (`component/<name>/<path>`). */
  cssUrl?: string;
  jsUrl?: string;
  isolateStyles: boolean;
}

export type Size = number | "content" | "stretch";

/** The global under which the frame's Arrow reader (frame_arrow_entry.ts) is found. */
export const ARROW_READER = "__sidepaneV2TableFromIPC";

/** Viewer → frame: draw (or update) the instance. */
export interface RenderMessage {
  sidepaneV2: "render";
  definition: FrameDefinition;
  /** The frontend key (FrontendRendererArgs.key). */
  key: string;
  data: unknown;
  /** Which of `data` is Arrow IPC bytes, to read as Arrow tables: all of it ("data") or these
   * keys of a dict. */
  arrow?: "data" | string[];
  /** `--st-*` CSS variables and their values. */
  theme: Record<string, string>;
  colorScheme: "light" | "dark";
  width: Size;
  height: Size;
}

/** Frame → viewer. */
export type FrameMessage =
  | { sidepaneV2: "ready" }
  | { sidepaneV2: "size"; width: number; height: number }
  | {
      sidepaneV2: "update";
      /** State values set since the last update (setStateValue). */
      state: Record<string, unknown>;
      /** Trigger values set since the last update (setTriggerValue), in order. */
      triggers: { event: string; value: unknown }[];
    }
  | { sidepaneV2: "error"; message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A frame's message, or null for anything else. */
export function readFrameMessage(data: unknown): FrameMessage | null {
  if (!isRecord(data)) return null;
  switch (data.sidepaneV2) {
    case "ready":
      return { sidepaneV2: "ready" };
    case "size": {
      const { width, height } = data;
      const ok = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0;
      return ok(width) && ok(height) ? { sidepaneV2: "size", width, height } : null;
    }
    case "update": {
      if (!isRecord(data.state) || !Array.isArray(data.triggers)) return null;
      const triggers = data.triggers.flatMap((t: unknown) =>
        isRecord(t) && typeof t.event === "string" ? [{ event: t.event, value: t.value }] : [],
      );
      return { sidepaneV2: "update", state: data.state, triggers };
    }
    case "error":
      return typeof data.message === "string"
        ? { sidepaneV2: "error", message: data.message }
        : null;
    default:
      return null;
  }
}
