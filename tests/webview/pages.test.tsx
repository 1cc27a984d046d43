import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../webview/src/app";
import { pageFromPath, pagePath, showPageInUrl } from "../../webview/src/core/pages";
import { Store } from "../../webview/src/core/store";
import type { ViewerFrame } from "../../webview/src/core/types";
import { upsert } from "./helpers";
import { VsCodeTransport } from "../../webview/src/core/vscode_transport";
import type { VsCodeApi } from "../../webview/src/core/vscode_transport";

const PAGES = [
  { name: "", label: "app" },
  { name: "page1", label: "page1" },
  { name: "Sales_report", label: "Sales report", icon: "📈" },
];

function pages(store: Store, current: string, notFound?: string): void {
  const frame: Record<string, unknown> = { t: "pages", pages: PAGES, current };
  if (notFound !== undefined) frame.not_found = notFound;
  store.apply(frame as { t: string });
}

function pagedStore(initialPage = "") {
  const sent: ViewerFrame[] = [];
  const onPage = vi.fn<(page: string, push: boolean) => void>();
  const store = new Store({ send: (f) => sent.push(f), initialPage, onPage });
  return { store, sent, onPage };
}

function draw(store: Store): HTMLElement {
  const root = document.createElement("div");
  document.body.appendChild(root);
  act(() => render(<App store={store} />, root));
  return root;
}

afterEach(() => {
  document.body.innerHTML = "";
  history.replaceState(null, "", "/");
});

describe("page URLs", () => {
  it("map a URL path to a page name and back", () => {
    expect(pageFromPath("/")).toBe("");
    expect(pageFromPath("/page1")).toBe("page1");
    expect(pageFromPath("/Sales%20report/")).toBe("Sales report");
    expect(pageFromPath("/%E2%82%AC")).toBe("€");
    expect(pagePath("")).toBe("/");
    expect(pagePath("Sales_report")).toBe("/Sales_report");
  });

  it("push a history entry for a page change and keep the query string", () => {
    history.replaceState(null, "", "/?a=1");
    const before = history.length;
    showPageInUrl("page1", true);
    expect(location.pathname + location.search).toBe("/page1?a=1");
    expect(history.length).toBe(before + 1);
    showPageInUrl("", false);
    expect(location.pathname).toBe("/");
    expect(history.length).toBe(before + 1);
  });
});

describe("the store's pages", () => {
  it("asks for its initial page in hello and follows the pages frame", () => {
    const { store, onPage } = pagedStore("page1");
    expect(store.hello({})).toMatchObject({ t: "hello", page: "page1" });
    pages(store, "page1");
    expect(store.getApp().pages).toEqual(PAGES);
    expect(store.getApp().page).toBe("page1");
    // The page it asked for: nothing to push.
    expect(onPage).toHaveBeenLastCalledWith("page1", false);
    // st.switch_page: the runtime moved to another page, a new history entry.
    pages(store, "Sales_report");
    expect(onPage).toHaveBeenLastCalledWith("Sales_report", true);
    expect(store.hello({})).toMatchObject({ page: "Sales_report" });
  });

  it("clears the body of the page it leaves, not the sidebar, and not after a hello", () => {
    const { store } = pagedStore();
    pages(store, "");
    upsert(store, 1, ["main", 0], "markdown", { body: "home" });
    upsert(store, 1, ["sidebar", 0], "markdown", { body: "side" });
    pages(store, "");
    expect(store.getNode("main/0")).toBeDefined();
    pages(store, "page1");
    expect(store.getNode("main/0")).toBeUndefined();
    expect(store.getNode("sidebar/0")).toBeDefined();
    // After a (re)connect the runtime resends everything: nothing is cleared on its first frame.
    upsert(store, 2, ["main", 0], "markdown", { body: "page one" });
    store.hello({});
    pages(store, "");
    expect(store.getNode("main/0")).toBeDefined();
  });

  it("says when a page was not found, and replaces its URL by the main page's", () => {
    const { store, onPage } = pagedStore("nope");
    pages(store, "", "nope");
    expect(store.getApp().pageNotFound).toBe("nope");
    expect(onPage).toHaveBeenLastCalledWith("", false);
    const root = draw(store);
    expect(root.querySelector(".sp-page-not-found")?.textContent).toContain(
      "You have requested page /nope, but no corresponding file was found",
    );
    act(() => root.querySelector<HTMLButtonElement>(".sp-page-not-found button")!.click());
    expect(root.querySelector(".sp-page-not-found")).toBeNull();
  });

  it("goes to a page: rerun with that page, the URL pushed without its query", () => {
    history.replaceState(null, "", "/?q=1");
    const { store, sent, onPage } = pagedStore();
    pages(store, "");
    store.goToPage("page1");
    expect(sent).toEqual([{ t: "rerun", page: "page1" }]);
    expect(onPage).toHaveBeenLastCalledWith("page1", true);
    expect(location.search).toBe("");
    expect(store.getApp().page).toBe("page1");
    // Back / Forward: the URL's page and query string go to the runtime as they are.
    onPage.mockClear();
    history.replaceState(null, "", "/?q=1");
    store.goToPage("", "q=1", true);
    expect(sent[1]).toEqual({ t: "rerun", page: "", query: "q=1" });
    expect(onPage).not.toHaveBeenCalled();
    expect(location.search).toBe("?q=1");
  });
});

describe("the page list", () => {
  it("is drawn in the sidebar with the current page highlighted; a click runs a page", () => {
    const { store, sent } = pagedStore();
    pages(store, "page1");
    const root = draw(store);
    const links = [...root.querySelectorAll<HTMLAnchorElement>(".sp-sidebar .sp-page-link")];
    expect(links.map((a) => a.textContent)).toEqual(["app", "page1", "📈Sales report"]);
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["/", "/page1", "/Sales_report"]);
    expect(root.querySelector(".sp-current")?.textContent).toBe("page1");
    expect(root.querySelector(".sp-current")?.getAttribute("aria-current")).toBe("page");
    act(() => links[2]!.click());
    expect(sent).toEqual([{ t: "rerun", page: "Sales_report" }]);
    expect(root.querySelector(".sp-current")?.textContent).toBe("📈Sales report");
  });

  it("names the browser tab after the page, unless set_page_config gave a title", () => {
    const { store } = pagedStore();
    pages(store, "Sales_report");
    draw(store);
    expect(document.title).toBe("Sales report");
    const config = { t: "page_config", title: "Mine", icon: null, layout: "centered" };
    act(() => store.apply({ ...config, sidebar: "auto" } as { t: string }));
    expect(document.title).toBe("Mine");
    act(() => pages(store, "page1"));
    expect(document.title).toBe("Mine");
  });

  it("is not drawn for a single page", () => {
    const { store } = pagedStore();
    store.apply({ t: "pages", pages: [{ name: "", label: "app" }], current: "" } as { t: string });
    const root = draw(store);
    expect(root.querySelector(".sp-page-nav")).toBeNull();
    expect(root.querySelector(".sp-sidebar")).toBeNull();
  });

  it("shows 10 pages until View more (with other elements in the sidebar)", () => {
    const { store } = pagedStore();
    const many = Array.from({ length: 13 }, (_, i) => ({ name: i ? `p${i}` : "", label: `p${i}` }));
    store.apply({ t: "pages", pages: many, current: "" } as { t: string });
    upsert(store, 1, ["sidebar", 0], "markdown", { body: "side" });
    const root = draw(store);
    expect(root.querySelectorAll(".sp-page-link").length).toBe(10);
    const more = root.querySelector<HTMLButtonElement>(".sp-page-more")!;
    expect(more.textContent).toBe("View 3 more");
    act(() => more.click());
    expect(root.querySelectorAll(".sp-page-link").length).toBe(13);
  });
});

describe("st.page_link", () => {
  function link(store: Store, props: Record<string, unknown>): HTMLElement {
    store.apply({ t: "upsert", run: 1, path: ["main", 0], type: "page_link", props } as {
      t: string;
    });
    return draw(store);
  }

  it("runs its page with its query string, and shows it in the URL", () => {
    const { store, sent, onPage } = pagedStore();
    pages(store, "");
    const root = link(store, { page: "page1", label: "**Go**", icon: "🎈", query: "a=1&b=2" });
    const a = root.querySelector<HTMLAnchorElement>("main .sp-page-link")!;
    expect(a.getAttribute("href")).toBe("/page1?a=1&b=2");
    expect(a.querySelector("strong")?.textContent).toBe("Go");
    act(() => a.click());
    expect(sent).toEqual([{ t: "rerun", page: "page1", query: "a=1&b=2" }]);
    expect(onPage).toHaveBeenLastCalledWith("page1", true);
    expect(location.search).toBe("?a=1&b=2");
  });

  it("leaves a web page to the browser, and a disabled link does nothing", () => {
    const { store, sent } = pagedStore();
    const root = link(store, { page: "https://example.com/x", label: "Docs", external: true });
    const a = root.querySelector<HTMLAnchorElement>("main .sp-page-link")!;
    expect(a.getAttribute("href")).toBe("https://example.com/x");
    expect(a.getAttribute("target")).toBe("_blank");
    const off = link(store, { page: "page1", label: "Off", disabled: true });
    const b = off.querySelector<HTMLAnchorElement>("main .sp-page-link")!;
    expect(b.getAttribute("href")).toBeNull();
    act(() => b.click());
    expect(sent).toEqual([]);
  });
});

describe("VS Code keeps the page in the panel's state", () => {
  it("says hello with the page it kept, and keeps the next one", () => {
    // happy-dom has no window.origin; a webview page has its host's (VS Code posts with it).
    Object.defineProperty(window, "origin", {
      value: "https://webview.example",
      configurable: true,
    });
    let state: unknown = { script: "/a/app.py", page: "page1" };
    const posted: unknown[] = [];
    const api: VsCodeApi = {
      postMessage: (m) => posted.push(m),
      getState: () => state,
      setState: (s) => {
        state = structuredClone(s);
      },
    };
    const transport = new VsCodeTransport(
      api,
      (widgets, page) =>
        new TextEncoder().encode(JSON.stringify({ widgets: widgets ?? null, page })),
      "/a/app.py",
    );
    expect(transport.savedPage()).toBe("page1");
    transport.start();
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { type: "status", status: "connected" },
        origin: window.origin,
      }),
    );
    const hello = posted.find((m) => (m as { type: string }).type === "message") as {
      bytes: Uint8Array;
    };
    expect(JSON.parse(new TextDecoder().decode(hello.bytes))).toEqual({
      widgets: null,
      page: "page1",
    });
    transport.keepPage("Sales_report");
    expect(state).toMatchObject({ script: "/a/app.py", page: "Sales_report" });
  });
});
