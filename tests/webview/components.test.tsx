// Custom components (webview/src/components/): the frames' sandbox and address, the protocol's
// messages read defensively, and a component instance driven through its frame's messages: it
// gets `streamlit:render` once ready, sets its height, and its values become widget values.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { ViewerFrame } from "../../webview/src/core/types";
import { readMessage, wireValue } from "../../webview/src/components/bridge";
import { componentSrc, onAppOrigin, sandboxFor } from "../../webview/src/components/frame_policy";
import "../../webview/src/components/index";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const HERE = "http://127.0.0.1:8501/page_2";

// VS Code's API, present only while a test plays the panel.
const vscode = vi.hoisted(() => ({ api: undefined as { postMessage: () => void } | undefined }));
vi.mock("../../webview/src/core/vscode_transport", async (original) => ({
  ...(await original<typeof import("../../webview/src/core/vscode_transport")>()),
  vsCodeApi: () => vscode.api,
}));

describe("frame policy", () => {
  it("keeps the app's own origin out of a frame the server serves", () => {
    const own = sandboxFor("/component/x/index.html", HERE);
    expect(own).toContain("allow-scripts");
    expect(own).not.toContain("allow-same-origin");
    expect(sandboxFor("http://127.0.0.1:8501/elsewhere", HERE)).not.toContain("allow-same-origin");
    // A page elsewhere keeps its own origin, as in Streamlit.
    expect(sandboxFor("https://example.com/", HERE)).toContain("allow-same-origin");
    expect(onAppOrigin("http://localhost:3001/", HERE)).toBe(false);
  });

  it("addresses a component's page on the server or at its url, with streamlitUrl", () => {
    expect(componentSrc("pkg.menu", undefined, HERE)).toBe(
      "/component/pkg.menu/index.html?streamlitUrl=http%3A%2F%2F127.0.0.1%3A8501%2Fpage_2",
    );
    expect(componentSrc("pkg.menu", "http://localhost:3001", HERE)).toBe(
      "http://localhost:3001/?streamlitUrl=http%3A%2F%2F127.0.0.1%3A8501%2Fpage_2",
    );
  });
});

describe("protocol messages", () => {
  it("reads only well-formed Streamlit messages", () => {
    const ready = { isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 1 };
    expect(readMessage(ready)).toEqual({ type: "streamlit:componentReady", apiVersion: 1 });
    expect(readMessage({ ...ready, isStreamlitMessage: undefined })).toBeNull();
    expect(readMessage("streamlit:componentReady")).toBeNull();
    expect(
      readMessage({ isStreamlitMessage: true, type: "streamlit:setFrameHeight", height: -1 }),
    ).toBeNull();
    expect(
      readMessage({ isStreamlitMessage: true, type: "streamlit:setComponentValue" }),
    ).toBeNull();
    expect(
      readMessage({
        isStreamlitMessage: true,
        type: "streamlit:setComponentValue",
        value: null,
        dataType: "json",
      }),
    ).toEqual({ type: "streamlit:setComponentValue", value: null, dataType: "json" });
  });

  it("sends bytes as bytes", () => {
    const view = new Uint16Array([1, 2]).subarray(1);
    expect(wireValue(view)).toEqual(new Uint8Array(view.buffer, 2, 2));
    expect(wireValue(new ArrayBuffer(3))).toEqual(new Uint8Array(3));
    expect(wireValue({ a: [1] })).toEqual({ a: [1] });
  });
});

describe("component_instance", () => {
  let root: HTMLElement | undefined;
  afterEach(() => {
    if (root) act(() => render(null, root!));
    root?.remove();
  });

  function mount(props: Record<string, unknown> = {}) {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "component_instance", {
      id: "c1",
      label: "",
      name: "app.echo",
      args: { greeting: "hi", default: null, key: null },
      bytes_args: { blob: new Uint8Array([1, 2]) },
      value: null,
      ...props,
    });
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
        window.dispatchEvent(
          new MessageEvent("message", {
            data: { isStreamlitMessage: true, ...data },
            source: source as Window,
          }),
        );
      });
    return { store, sent, iframe, posted, fromFrame };
  }

  const values = (sent: ViewerFrame[]) =>
    sent.flatMap((f) => (f.t === "widget_value" ? [[f.id, f.value]] : []));

  it("renders to its frame once ready, then takes its height and values", () => {
    const { sent, iframe, posted, fromFrame } = mount();
    expect(iframe.getAttribute("src")).toMatch(/^\/component\/app\.echo\/index\.html\?/);
    expect(iframe.getAttribute("sandbox")).not.toContain("allow-same-origin");
    expect(iframe.style.display).toBe("none");
    expect(posted).not.toHaveBeenCalled();

    fromFrame({ type: "streamlit:componentReady", apiVersion: 1 });
    expect(iframe.style.display).toBe("block");
    const [message] = posted.mock.calls.at(-1)!;
    expect(message).toMatchObject({
      type: "streamlit:render",
      args: { greeting: "hi", blob: new Uint8Array([1, 2]) },
      dfs: [],
      disabled: false,
      theme: { base: "light" },
    });

    fromFrame({ type: "streamlit:setFrameHeight", height: 77 });
    expect(iframe.style.height).toBe("77px");
    fromFrame({ type: "streamlit:setComponentValue", value: { n: 1 }, dataType: "json" });
    expect(values(sent)).toEqual([["c1", { n: 1 }]]);
  });

  it("ignores messages from other windows and a wrong API version says so", () => {
    const { sent, fromFrame } = mount();
    fromFrame({ type: "streamlit:setComponentValue", value: 1 }, window);
    expect(values(sent)).toEqual([]);
    fromFrame({ type: "streamlit:componentReady", apiVersion: 2 });
    expect(document.body.textContent).toContain("Unrecognized component API version: '2'");
  });

  it("a disabled component sends nothing", () => {
    const { sent, posted, fromFrame } = mount({ disabled: true });
    fromFrame({ type: "streamlit:componentReady", apiVersion: 1 });
    expect(posted.mock.calls.at(-1)![0]).toMatchObject({ disabled: true });
    fromFrame({ type: "streamlit:setComponentValue", value: 5 });
    expect(values(sent)).toEqual([]);
  });
});

describe("component_frame", () => {
  it("draws components.html from the server and components.iframe at its URL", () => {
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "component_frame", { html_id: "abc", height: 150 });
    upsert(store, 1, ["main", 1], "component_frame", {
      src: "https://example.com",
      height: 60,
      width: 300,
      scrolling: true,
      tab_index: -1,
    });
    runEnd(store, 1);
    const host = document.createElement("div");
    document.body.appendChild(host);
    act(() =>
      render(
        <>
          <NodeView nodeKey="main/0" store={store} />
          <NodeView nodeKey="main/1" store={store} />
        </>,
        host,
      ),
    );
    const [html, page] = Array.from(host.querySelectorAll("iframe")) as [
      HTMLIFrameElement,
      HTMLIFrameElement,
    ];
    expect(html.getAttribute("src")).toBe("/component/_html/abc");
    expect(html.getAttribute("sandbox")).not.toContain("allow-same-origin");
    expect(html.style.height).toBe("150px");
    expect(html.getAttribute("scrolling")).toBe("no");
    expect(page.getAttribute("src")).toBe("https://example.com");
    expect(page.getAttribute("sandbox")).toContain("allow-same-origin");
    expect(page.style.width).toBe("300px");
    expect(page.getAttribute("scrolling")).toBe("auto");
    expect(page.getAttribute("tabindex")).toBe("-1");
    act(() => render(null, host));
    host.remove();
  });
});

describe("in VS Code's panel", () => {
  afterEach(() => {
    vscode.api = undefined;
  });

  it("a component offers the app in the browser instead", () => {
    const postMessage = vi.fn();
    vscode.api = { postMessage };
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "component_instance", {
      id: "c1",
      label: "",
      name: "pkg.menu",
      args: {},
      value: null,
    });
    upsert(store, 1, ["main", 1], "component_frame", { html_id: "abc", height: 150 });
    upsert(store, 1, ["main", 2], "component_frame", { src: "https://example.com", height: 9 });
    runEnd(store, 1);
    const host = document.createElement("div");
    document.body.appendChild(host);
    act(() =>
      render(
        <>
          <NodeView nodeKey="main/0" store={store} />
          <NodeView nodeKey="main/1" store={store} />
          <NodeView nodeKey="main/2" store={store} />
        </>,
        host,
      ),
    );
    expect(host.textContent).toContain("VS Code's panel cannot show the pkg.menu component.");
    expect(host.textContent).toContain("VS Code's panel cannot show this HTML component.");
    // A page elsewhere needs no Sidepane server: framed as in the browser.
    expect(host.textContent).not.toContain("VS Code's panel cannot show https://example.com.");
    expect(host.querySelectorAll("iframe")).toHaveLength(1);
    const button = host.querySelector("button")!;
    act(() => button.click());
    expect(postMessage).toHaveBeenCalledWith({ type: "openInBrowser" });
    act(() => render(null, host));
    host.remove();
  });
});
