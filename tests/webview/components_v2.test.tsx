// st.components.v2 (webview/src/components/v2/): the frame's messages read defensively, the
// definition and data as the frame gets them, the theme's `--st-*` variables, an instance
// driven through its frame's messages (render once ready, size, state and triggers as widget
// values), and the frame's runtime building the component in its document.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { ViewerFrame } from "../../webview/src/core/types";
import { frameData, frameDefinition, frontendKey } from "../../webview/src/components/v2/bidi";
import { readFrameMessage } from "../../webview/src/components/v2/messages";
import type { RenderMessage } from "../../webview/src/components/v2/messages";
import { componentThemeVariables } from "../../webview/src/components/v2/theme_vars";
import { applyAppConfig } from "../../webview/src/core/app_theme";
import {
  asJson,
  decodeTables,
  startFrameRuntime,
} from "../../webview/src/components/v2/frame_runtime";
import "../../webview/src/components/index";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const HERE = "http://127.0.0.1:8501/app/";

const BASE = {
  id: "$$ID-abc-k",
  label: "",
  key: "k",
  name: "pkg.comp",
  events_id: "$$ID-abc-k__events",
  host: "h1",
  value: { count: 1 },
};

describe("frame messages", () => {
  it("reads only well-formed messages", () => {
    expect(readFrameMessage({ sidepaneV2: "ready" })).toEqual({ sidepaneV2: "ready" });
    expect(readFrameMessage({ sidepaneV2: "size", width: 10, height: -1 })).toBeNull();
    expect(readFrameMessage({ sidepaneV2: "update", state: [], triggers: [] })).toBeNull();
    expect(
      readFrameMessage({
        sidepaneV2: "update",
        state: { a: 1 },
        triggers: [{ event: "x", value: 2 }, { value: 3 }, "junk"],
      }),
    ).toEqual({ sidepaneV2: "update", state: { a: 1 }, triggers: [{ event: "x", value: 2 }] });
    expect(readFrameMessage({ type: "streamlit:render" })).toBeNull();
    expect(readFrameMessage(null)).toBeNull();
  });
});

describe("what the frame gets", () => {
  it("file-backed JavaScript and CSS by their absolute URLs on the components route", () => {
    const def = frameDefinition(
      { ...BASE, html: "<p>", js_path: "index-1.js", css_path: "a/b.css", isolate_styles: false },
      HERE,
    );
    expect(def).toEqual({
      name: "pkg.comp",
      html: "<p>",
      css: undefined,
      js: undefined,
      jsUrl: "http://127.0.0.1:8501/component/pkg.comp/index-1.js",
      cssUrl: "http://127.0.0.1:8501/component/pkg.comp/a/b.css",
      isolateStyles: false,
    });
    expect(frameDefinition(BASE, HERE).isolateStyles).toBe(true);
  });

  it("data: JSON, bytes, or tables in place of their references, marked as Arrow", () => {
    const blob = new Uint8Array([1, 2]);
    expect(frameData({ ...BASE, data: { a: 1 } })).toEqual({ data: { a: 1 } });
    expect(frameData(BASE)).toEqual({ data: null });
    expect(frameData({ ...BASE, data_bytes: blob })).toEqual({ data: blob });
    expect(frameData({ ...BASE, data_arrow: blob })).toEqual({ data: blob, arrow: "data" });
    expect(
      frameData({
        ...BASE,
        data: { t: { __streamlit_arrow_ref__: "r1" }, label: "x" },
        arrow_refs: { r1: blob },
      }),
    ).toEqual({ data: { t: blob, label: "x" }, arrow: ["t"] });
    expect(frontendKey("$$ID-abc-my key")).toBe("st-ID-abc-mykey");
  });

  it("the frame sends values through JSON", () => {
    const when = new Date(Date.UTC(2020, 0, 2));
    expect(asJson({ when, gone: undefined, n: 1 })).toEqual({
      when: "2020-01-02T00:00:00.000Z",
      n: 1,
    });
    expect(asJson(undefined)).toBeNull();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => asJson(cycle)).toThrow();
  });

  it("the frame reads Arrow bytes as tables when it has the reader", () => {
    const blob = new Uint8Array([1]);
    const read = (b: Uint8Array) => ({ table: b.length });
    expect(decodeTables(blob, "data", read)).toEqual({ table: 1 });
    expect(decodeTables({ t: blob, n: 1 }, ["t"], read)).toEqual({ t: { table: 1 }, n: 1 });
    expect(decodeTables(blob, "data", undefined)).toBe(blob);
    expect(decodeTables({ a: 1 }, undefined, read)).toEqual({ a: 1 });
  });

  it("in the sidebar, the sidebar's backgrounds", () => {
    const aside = document.createElement("aside");
    aside.className = "sp-sidebar";
    aside.style.setProperty("--sp-bg", "rgb(1, 1, 1)");
    aside.style.setProperty("--sp-bg-secondary", "rgb(2, 2, 2)");
    const inside = document.createElement("div");
    aside.appendChild(inside);
    document.body.appendChild(aside);
    try {
      const vars = componentThemeVariables(inside, "light");
      expect(vars["--st-background-color"]).toBe("rgb(2, 2, 2)");
      expect(vars["--st-secondary-background-color"]).toBe("rgb(1, 1, 1)");
      aside.style.setProperty("--sp-sidebar-bg", "rgb(3, 3, 3)");
      expect(componentThemeVariables(inside, "light")["--st-background-color"]).toBe(
        "rgb(3, 3, 3)",
      );
    } finally {
      aside.remove();
    }
  });

  it("every configured theme option as --st-<option-name>", () => {
    applyAppConfig({
      theme: {
        headingFontSizes: ["3rem", "2rem"],
        linkUnderline: false,
        codeFontSize: "0.8rem",
        evil: "red; } body { x",
        "sidebar.codeFontSize": "0.7rem",
      },
      show_sidebar_navigation: true,
    });
    try {
      const vars = componentThemeVariables(document.body, "light");
      expect(vars["--st-heading-font-sizes"]).toBe("3rem,2rem");
      expect(vars["--st-link-underline"]).toBe("false");
      expect(vars["--st-code-font-size"]).toBe("0.8rem");
      expect(vars["--st-evil"]).toBeUndefined();
    } finally {
      applyAppConfig({ theme: {}, show_sidebar_navigation: true });
    }
  });

  it("the theme as --st-* variables", () => {
    document.documentElement.style.setProperty("--sp-primary", "rgb(1, 2, 3)");
    const vars = componentThemeVariables(document.body, "light");
    document.documentElement.style.removeProperty("--sp-primary");
    expect(vars["--st-primary-color"]).toBe("rgb(1, 2, 3)");
    expect(vars["--st-base"]).toBe("light");
    expect(vars["--st-chart-categorical-colors"]?.split(",")).toHaveLength(10);
    expect(Object.keys(vars)).toEqual(
      expect.arrayContaining(["--st-text-color", "--st-background-color", "--st-font"]),
    );
  });
});

describe("bidi_component", () => {
  let root: HTMLElement | undefined;
  afterEach(() => {
    if (root) act(() => render(null, root!));
    root?.remove();
  });

  function mount(props: Record<string, unknown> = {}) {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "bidi_component", { ...BASE, data: { n: 1 }, ...props });
    runEnd(store, 1);
    root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
    const iframe = root.querySelector("iframe")!;
    // happy-dom loads no frames: the frame's window is a stand-in that records what it gets.
    const posted = vi.fn();
    const win = { postMessage: posted };
    Object.defineProperty(iframe, "contentWindow", { value: win });
    const fromFrame = (data: Record<string, unknown>, source: unknown = win) =>
      act(() => {
        window.dispatchEvent(new MessageEvent("message", { data, source: source as Window }));
      });
    return { store, sent, iframe, posted, fromFrame };
  }

  const values = (sent: ViewerFrame[]) =>
    sent.flatMap((f) => (f.t === "widget_value" ? [[f.id, f.value, f.values]] : []));

  it("renders to its sandboxed frame once ready and fits its content", () => {
    const { iframe, posted, fromFrame } = mount();
    expect(iframe.getAttribute("src")).toBe("/component/_html/h1");
    expect(iframe.getAttribute("sandbox")).not.toContain("allow-same-origin");
    expect(posted).not.toHaveBeenCalled();
    fromFrame({ sidepaneV2: "ready" });
    const message = posted.mock.calls.at(-1)![0] as RenderMessage;
    expect(message).toMatchObject({
      sidepaneV2: "render",
      data: { n: 1 },
      key: "st-ID-abc-k",
      width: "stretch",
      height: "content",
      colorScheme: "light",
      definition: { name: "pkg.comp", isolateStyles: true },
    });
    expect(message.theme["--st-text-color"]).toBeTruthy();
    expect(iframe.style.height).toBe("0px");
    fromFrame({ sidepaneV2: "size", width: 300, height: 77 });
    expect(iframe.style.height).toBe("77px");
    expect(iframe.style.width).toBe("100%");
  });

  it("the frame's element has the scheme its document gets, so the frame stays transparent", () => {
    // "normal" would resolve through the page's <meta name="color-scheme">, which VS Code's
    // panel lacks: there a dark frame got an opaque backdrop.
    const { iframe, posted, fromFrame } = mount();
    fromFrame({ sidepaneV2: "ready" });
    const message = posted.mock.calls.at(-1)![0] as RenderMessage;
    expect(iframe.style.colorScheme).toBe(message.colorScheme);
  });

  it("pixel and content sizes", () => {
    const { iframe, fromFrame } = mount({ width: "content", height: 200 });
    fromFrame({ sidepaneV2: "size", width: 120, height: 500 });
    expect(iframe.style.width).toBe("120px");
    expect(iframe.style.height).toBe("200px");
  });

  it("height stretch fills its container", () => {
    const { iframe } = mount({ height: "stretch" });
    expect(iframe.style.height).toBe("100%");
    expect((iframe.parentElement as HTMLElement).style.height).toBe("100%");
  });

  it("sends state as the widget's value and triggers to its events widget, in one frame", () => {
    const { sent, fromFrame } = mount();
    fromFrame({ sidepaneV2: "update", state: { count: 2 }, triggers: [] });
    expect(values(sent)).toEqual([["$$ID-abc-k", { count: 2 }, undefined]]);
    // The same state again: nothing to send.
    fromFrame({ sidepaneV2: "update", state: { count: 2 }, triggers: [] });
    expect(values(sent)).toHaveLength(1);
    fromFrame({
      sidepaneV2: "update",
      state: { other: true },
      triggers: [{ event: "clicked", value: 1 }],
    });
    expect(values(sent).at(-1)).toEqual([
      "$$ID-abc-k__events",
      [{ event: "clicked", value: 1 }],
      { "$$ID-abc-k": { count: 2, other: true } },
    ]);
  });

  it("ignores other windows and shows the component's errors", () => {
    const { sent, fromFrame } = mount();
    fromFrame({ sidepaneV2: "update", state: { count: 9 }, triggers: [] }, window);
    expect(values(sent)).toEqual([]);
    fromFrame({ sidepaneV2: "error", message: "boom" });
    expect(root!.textContent).toContain("The pkg.comp component failed: boom");
  });
});

describe("the frame's runtime", () => {
  it("builds the component in a shadow root with the theme, and reports its size", async () => {
    const posted: unknown[] = [];
    const spy = vi.spyOn(window.parent, "postMessage").mockImplementation((m: unknown) => {
      posted.push(m);
    });
    try {
      startFrameRuntime();
      expect(posted).toContainEqual({ sidepaneV2: "ready" });
      const message: RenderMessage = {
        sidepaneV2: "render",
        definition: {
          name: "c",
          html: "<p class='x'>hi</p>",
          css: "p { margin: 0 }",
          isolateStyles: true,
        },
        key: "st-k",
        data: null,
        theme: { "--st-primary-color": "rgb(1, 2, 3)" },
        colorScheme: "dark",
        width: "stretch",
        height: "content",
      };
      window.dispatchEvent(new MessageEvent("message", { data: message, source: window }));
      await vi.waitFor(() => expect(document.querySelector(".st-component-host")).not.toBeNull());
      const host = document.querySelector(".st-component-host") as HTMLElement;
      expect(host.shadowRoot?.querySelector("p.x")?.textContent).toBe("hi");
      expect(host.shadowRoot?.querySelector("style")?.textContent).toBe("p { margin: 0 }");
      expect(document.documentElement.style.getPropertyValue("--st-primary-color")).toBe(
        "rgb(1, 2, 3)",
      );
      expect(posted.some((m) => (m as { sidepaneV2?: string }).sidepaneV2 === "size")).toBe(true);
    } finally {
      spy.mockRestore();
      document.body.replaceChildren();
    }
  });
});
