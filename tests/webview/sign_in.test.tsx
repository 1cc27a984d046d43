// st.login / st.logout in the viewer: a browser tab leaves for the server's sign-in routes; the
// VS Code panel (which cannot) says sign-in happens in the browser and links to the app there.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../webview/src/app";
import { Store } from "../../webview/src/core/store";
import type { ViewerFrame } from "../../webview/src/core/types";

function draw(store: Store): HTMLElement {
  const root = document.createElement("div");
  document.body.appendChild(root);
  act(() => render(<App store={store} />, root));
  return root;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("auth_redirect", () => {
  it("navigates a browser tab to the login and logout routes", () => {
    const navigate = vi.fn<(url: string) => void>();
    const sent: ViewerFrame[] = [];
    const store = new Store({ send: (f) => sent.push(f), navigate });
    store.apply({ t: "auth_redirect", url: "/auth/login?provider=abc", app_url: "http://x/" });
    store.apply({ t: "auth_redirect", url: "/auth/logout" });
    expect(navigate.mock.calls).toEqual([["/auth/login?provider=abc"], ["/auth/logout"]]);
    expect(store.getApp().signIn).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it("in the panel, says sign-in opens the app in the browser, with a link to it", () => {
    const store = new Store({ send: () => {} });
    const root = draw(store);
    act(() =>
      store.apply({
        t: "auth_redirect",
        url: "/auth/login?provider=abc",
        app_url: "http://localhost:8501/",
      }),
    );
    const banner = root.querySelector(".sp-sign-in");
    expect(banner?.getAttribute("role")).toBe("alert");
    expect(banner?.textContent).toContain("Sign-in opens the app in your browser.");
    const link = banner?.querySelector("a");
    expect(link?.getAttribute("href")).toBe("http://localhost:8501/");
    expect(link?.getAttribute("target")).toBe("_blank");
    act(() => (banner?.querySelector("button[aria-label=Dismiss]") as HTMLElement).click());
    expect(root.querySelector(".sp-sign-in")).toBeNull();
  });

  it("in the panel without the app's address, says how to run it in the browser", () => {
    const store = new Store({ send: () => {} });
    const root = draw(store);
    act(() => store.apply({ t: "auth_redirect", url: "/auth/login?provider=abc" }));
    const banner = root.querySelector(".sp-sign-in");
    expect(banner?.querySelector("a")).toBeNull();
    expect(banner?.textContent).toContain("sidepane run");
  });

  it("in the panel, a logout reruns the app (signed out) instead of navigating", () => {
    const sent: ViewerFrame[] = [];
    const store = new Store({ send: (f) => sent.push(f) });
    store.apply({ t: "auth_redirect", url: "/auth/logout", app_url: "http://localhost:8501/" });
    expect(sent).toEqual([{ t: "rerun" }]);
    expect(store.getApp().signIn).toBeUndefined();
  });
});
