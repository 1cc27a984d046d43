// The runtime inside a v2 component's frame (built on its own as static/components_v2_frame.js
// and inlined into the frame's page by the server, sidepane/components/v2/host_page.py). It
// builds the component from the viewer's `render` messages: theme variables on the document,
// the HTML and CSS in the root (a shadow root unless `isolate_styles=False`), then the
// JavaScript module's default export called with Streamlit's FrontendRendererArgs on every
// render; the cleanup it returns runs when the component is redefined or the frame goes.
// State and trigger values set in one task go to the viewer as one `update`; the frame reports
// its content's size so the viewer can fit it. Tables in the data become Arrow `Table`s when
// the page carries the Arrow reader (frame_arrow_entry.ts). Started by frame_entry.ts.

import type { FrameDefinition, FrameMessage, RenderMessage } from "./messages";
import { ARROW_READER } from "./messages";

type Cleanup = () => void;
type Renderer = (args: Record<string, unknown>) => unknown;

interface Mounted {
  definitionKey: string;
  host: HTMLElement;
  root: HTMLElement | ShadowRoot;
  renderer: Renderer | null;
  cleanup: Cleanup | null;
}

/** `data` with its Arrow IPC bytes read as Arrow tables (left as bytes without a reader). */
export function decodeTables(
  data: unknown,
  arrow: RenderMessage["arrow"],
  read: unknown = (globalThis as Record<string, unknown>)[ARROW_READER],
): unknown {
  if (arrow === undefined || typeof read !== "function") return data;
  const table = (bytes: unknown): unknown =>
    bytes instanceof Uint8Array ? (read as (b: Uint8Array) => unknown)(bytes) : bytes;
  if (arrow === "data") return table(data);
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of arrow) out[key] = table(out[key]);
  return out;
}

/** A value as the script gets it: through JSON, as Streamlit sends it (dates become text,
 * `undefined` null); one JSON cannot hold (a cycle, a BigInt) throws, to the component. */
export function asJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

function post(message: FrameMessage): void {
  window.parent.postMessage(message, "*");
}

function isRender(data: unknown): data is RenderMessage {
  if (typeof data !== "object" || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.sidepaneV2 === "render" && typeof m.definition === "object" && m.definition !== null;
}

/** The module's default export; an inline module loads from a blob URL. */
async function loadRenderer(def: FrameDefinition): Promise<Renderer | null> {
  let url: string | null = null;
  let blob: string | null = null;
  if (def.jsUrl !== undefined) url = def.jsUrl;
  else if (def.js !== undefined && def.js.trim() !== "") {
    blob = URL.createObjectURL(new Blob([def.js], { type: "text/javascript" }));
    url = blob;
  }
  if (url === null) return null;
  try {
    const module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
    if (typeof module.default !== "function") {
      throw new Error(`the component's JavaScript has no default export function`);
    }
    return module.default as Renderer;
  } finally {
    if (blob !== null) URL.revokeObjectURL(blob);
  }
}

function build(def: FrameDefinition, width: RenderMessage["width"]): Mounted {
  const host = document.createElement("div");
  host.className = "st-component-host";
  host.style.display = width === "content" ? "inline-block" : "flow-root";
  const root: HTMLElement | ShadowRoot = def.isolateStyles
    ? host.attachShadow({ mode: "open" })
    : host;
  if (def.cssUrl !== undefined) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = def.cssUrl;
    root.appendChild(link);
  }
  if (def.css !== undefined && def.css !== "") {
    const style = document.createElement("style");
    style.textContent = def.css;
    root.appendChild(style);
  }
  if (def.html !== undefined && def.html !== "") {
    const template = document.createElement("template");
    template.innerHTML = def.html;
    root.appendChild(template.content);
  }
  document.body.replaceChildren(host);
  return { definitionKey: "", host, root, renderer: null, cleanup: null };
}

export function startFrameRuntime(): void {
  let mounted: Mounted | null = null;
  // Renders run one at a time, in order (a module load is asynchronous).
  let queue: Promise<void> = Promise.resolve();
  let pendingState: Record<string, unknown> = {};
  let pendingTriggers: { event: string; value: unknown }[] = [];
  let flushScheduled = false;

  const flush = (): void => {
    flushScheduled = false;
    const state = pendingState;
    const triggers = pendingTriggers;
    pendingState = {};
    pendingTriggers = [];
    if (Object.keys(state).length > 0 || triggers.length > 0) {
      post({ sidepaneV2: "update", state, triggers });
    }
  };
  const schedule = (): void => {
    if (flushScheduled) return;
    flushScheduled = true;
    queueMicrotask(flush);
  };
  const setStateValue = (name: unknown, value: unknown): void => {
    if (typeof name !== "string") return;
    pendingState[name] = asJson(value);
    schedule();
  };
  const setTriggerValue = (name: unknown, value: unknown): void => {
    if (typeof name !== "string") return;
    pendingTriggers.push({ event: name, value: asJson(value) });
    schedule();
  };

  const report = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error);
    post({ sidepaneV2: "error", message });
  };

  const runCleanup = (): void => {
    const cleanup = mounted?.cleanup;
    if (mounted !== null) mounted.cleanup = null;
    if (typeof cleanup === "function") {
      try {
        cleanup();
      } catch (error) {
        report(error);
      }
    }
  };

  const render = async (m: RenderMessage): Promise<void> => {
    const doc = document.documentElement;
    for (const [name, value] of Object.entries(m.theme)) doc.style.setProperty(name, value);
    doc.style.colorScheme = m.colorScheme;
    const fixedHeight = m.height !== "content";
    document.body.style.height = fixedHeight ? "100vh" : "";
    document.body.style.overflow = fixedHeight ? "auto" : "";
    const definitionKey = JSON.stringify([m.definition, m.width]);
    if (mounted === null || mounted.definitionKey !== definitionKey) {
      runCleanup();
      mounted = build(m.definition, m.width);
      mounted.definitionKey = definitionKey;
      observe(mounted.host);
      try {
        mounted.renderer = await loadRenderer(m.definition);
      } catch (error) {
        report(error);
        return;
      }
    }
    const renderer = mounted.renderer;
    if (renderer === null) return;
    try {
      const result = renderer({
        name: m.definition.name,
        key: m.key,
        data: decodeTables(m.data, m.arrow),
        parentElement: mounted.root,
        setStateValue,
        setTriggerValue,
      });
      if (typeof result === "function") {
        // The latest cleanup is the one to run when the component goes.
        mounted.cleanup = result as Cleanup;
      }
    } catch (error) {
      report(error);
    }
  };

  let observer: ResizeObserver | null = null;
  let last = "";
  const measure = (host: HTMLElement): void => {
    const box = host.getBoundingClientRect();
    const size = { width: Math.ceil(box.width), height: Math.ceil(box.height) };
    const key = `${size.width}x${size.height}`;
    if (key === last) return;
    last = key;
    post({ sidepaneV2: "size", ...size });
  };
  const observe = (host: HTMLElement): void => {
    observer?.disconnect();
    last = "";
    observer = new ResizeObserver(() => measure(host));
    observer.observe(host);
    measure(host);
  };

  window.addEventListener("message", (event: MessageEvent) => {
    if (event.source !== window.parent || !isRender(event.data)) return;
    const message = event.data;
    queue = queue.then(() => render(message)).catch(report);
  });
  window.addEventListener("pagehide", runCleanup);
  post({ sidepaneV2: "ready" });
}
