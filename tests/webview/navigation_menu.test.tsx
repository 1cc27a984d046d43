// st.navigation's menu in the viewer: sections, hidden and external pages, the top bar, a hidden
// menu, `expanded`, and `keep_body` (docs/protocol.md, `pages`). The `pages/` folder's list and
// the page URLs are in pages.test.tsx.

import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../webview/src/app";
import { collapsedCount } from "../../webview/src/core/pages";
import { Store } from "../../webview/src/core/store";
import type { ViewerFrame } from "../../webview/src/core/types";
import { upsert } from "./helpers";

const MENU = [
  { name: "", label: "Home", icon: "🏠" },
  { name: "sales", label: "**Sales**", section: "Reports", help: "Quarterly sales" },
  { name: "costs", label: "Costs", section: "Reports" },
  { name: "admin", label: "Admin", section: "Reports", hidden: true },
  { name: "docs", label: "Docs", section: "Links", url: "https://example.com/docs" },
];

function menuStore(extra: Record<string, unknown> = {}, current = "") {
  const sent: ViewerFrame[] = [];
  const store = new Store({ send: (f) => sent.push(f), onPage: () => undefined });
  store.apply({ t: "pages", pages: MENU, current, ...extra } as { t: string });
  return { store, sent };
}

function draw(store: Store): HTMLElement {
  const root = document.createElement("div");
  document.body.appendChild(root);
  act(() => render(<App store={store} />, root));
  return root;
}

function labels(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((e) => e.textContent ?? "");
}

afterEach(() => {
  document.body.innerHTML = "";
  history.replaceState(null, "", "/");
});

describe("the sidebar menu", () => {
  it("lists pages under their section headers, without hidden pages", () => {
    const { store, sent } = menuStore();
    const root = draw(store);
    const nav = root.querySelector(".sp-sidebar .sp-page-nav")!;
    expect(labels(nav, ".sp-page-section-header")).toEqual(["Reports", "Links"]);
    expect(labels(nav, ".sp-page-link")).toEqual(["🏠Home", "Sales", "Costs", "Docs"]);
    // A section's markdown and a page's label are rendered; help is the link's tooltip.
    const sales = nav.querySelectorAll<HTMLAnchorElement>(".sp-page-link")[1]!;
    expect(sales.querySelector("strong")?.textContent).toBe("Sales");
    expect(sales.title).toBe("Quarterly sales");
    act(() => sales.click());
    expect(sent).toEqual([{ t: "rerun", page: "sales" }]);
  });

  it("opens an external page in a new tab, without running anything", () => {
    const { store, sent } = menuStore();
    const root = draw(store);
    const docs = [...root.querySelectorAll<HTMLAnchorElement>(".sp-page-link")].at(-1)!;
    expect(docs.getAttribute("href")).toBe("https://example.com/docs");
    expect(docs.target).toBe("_blank");
    docs.addEventListener("click", (e) => e.preventDefault()); // jsdom would navigate
    act(() => docs.click());
    expect(sent).toEqual([]);
  });

  it("collapses past `expanded` pages only when three or more would be hidden", () => {
    expect(collapsedCount(12, false)).toBeUndefined();
    expect(collapsedCount(13, false)).toBe(10);
    expect(collapsedCount(13, true)).toBeUndefined();
    expect(collapsedCount(5, 3)).toBeUndefined();
    expect(collapsedCount(6, 3)).toBe(3);
    const many = Array.from({ length: 6 }, (_, i) => ({ name: i ? `p${i}` : "", label: `p${i}` }));
    const store = new Store({ send: () => undefined });
    store.apply({ t: "pages", pages: many, current: "", expanded: 3 } as { t: string });
    const root = draw(store);
    // Alone in the sidebar, the menu is never collapsed (as in Streamlit).
    expect(root.querySelectorAll(".sp-page-link").length).toBe(6);
    expect(root.querySelector(".sp-page-more")).toBeNull();
    act(() => upsert(store, 1, ["sidebar", 0], "markdown", { body: "side" }));
    expect(root.querySelectorAll(".sp-page-link").length).toBe(3);
    expect(root.querySelector(".sp-page-more")?.textContent).toBe("View 3 more");
  });
});

describe("the top menu", () => {
  it("draws pages across the top, a section's pages in its drop-down", () => {
    const { store, sent } = menuStore({ position: "top" }, "costs");
    const root = draw(store);
    expect(root.querySelector(".sp-sidebar")).toBeNull();
    const bar = root.querySelector(".sp-top-nav")!;
    expect(labels(bar, ":scope > ul > li > .sp-page-link")).toEqual([
      "🏠Home",
      "Reports▾",
      "Links▾",
    ]);
    // The section holding the current page is marked current.
    const reports = bar.querySelectorAll<HTMLButtonElement>(".sp-top-nav-header")[0]!;
    expect(reports.classList.contains("sp-current")).toBe(true);
    expect(bar.querySelector(".sp-top-nav-menu")).toBeNull();
    act(() => reports.click());
    expect(reports.getAttribute("aria-expanded")).toBe("true");
    expect(labels(bar, ".sp-top-nav-menu .sp-page-link")).toEqual(["Sales", "Costs"]);
    act(() => bar.querySelector<HTMLAnchorElement>(".sp-top-nav-menu .sp-page-link")!.click());
    expect(sent).toEqual([{ t: "rerun", page: "sales" }]);
    expect(bar.querySelector(".sp-top-nav-menu")).toBeNull();
  });

  it("closes its drop-down on Escape and on a press elsewhere", () => {
    const { store } = menuStore({ position: "top" });
    const root = draw(store);
    const header = root.querySelector<HTMLButtonElement>(".sp-top-nav-header")!;
    act(() => header.click());
    act(() => void document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" })));
    expect(root.querySelector(".sp-top-nav-menu")).toBeNull();
    act(() => header.click());
    act(() => void document.body.dispatchEvent(new Event("pointerdown", { bubbles: true })));
    expect(root.querySelector(".sp-top-nav-menu")).toBeNull();
  });
});

describe("a hidden menu and the body", () => {
  it('draws no menu for position="hidden"', () => {
    const { store } = menuStore({ position: "hidden" });
    const root = draw(store);
    expect(root.querySelector(".sp-page-nav")).toBeNull();
    expect(root.querySelector(".sp-top-nav")).toBeNull();
    expect(root.querySelector(".sp-sidebar")).toBeNull();
  });

  it("says Streamlit's words for a page st.navigation does not have", () => {
    const { store } = menuStore({ position: "sidebar", not_found: "nope" });
    const root = draw(store);
    expect(root.querySelector(".sp-page-not-found")?.textContent).toContain(
      "The page that you have requested does not seem to exist. Running the app's main page.",
    );
  });

  it("keeps the body on a page change that says keep_body", () => {
    const { store } = menuStore();
    upsert(store, 1, ["main", 0], "markdown", { body: "header" });
    store.apply({ t: "pages", pages: MENU, current: "sales", keep_body: true } as { t: string });
    expect(store.getNode("main/0")).toBeDefined();
    store.apply({ t: "pages", pages: MENU, current: "costs" } as { t: string });
    expect(store.getNode("main/0")).toBeUndefined();
  });
});

describe("history", () => {
  it("leaves the query string on the entry of the page left, so Back restores it", async () => {
    const { showPageInUrl } = await import("../../webview/src/core/pages");
    history.replaceState(null, "", "/report?x=1");
    const store = new Store({ send: () => undefined, onPage: showPageInUrl });
    store.apply({ t: "pages", pages: MENU, current: "sales" } as { t: string });
    store.goToPage("costs");
    expect(location.pathname + location.search).toBe("/costs");
    const back = new Promise((resolve) =>
      window.addEventListener("popstate", resolve, { once: true }),
    );
    history.back();
    await back;
    expect(location.pathname + location.search).toBe("/sales?x=1");
  });
});
