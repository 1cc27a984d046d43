// `st.logo` in the viewer (logo.tsx): the sidebar's logo, the app's icon image while the sidebar
// is closed, the link, a payload image, and no logo after a `logo` frame without an image.

import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { Store } from "../../webview/src/core/store";
import { AppLogo, showLogo } from "../../webview/src/logo";

let host: HTMLElement | undefined;

function mount(store: Store, place: "sidebar" | "app"): HTMLElement {
  host = document.createElement("div");
  document.body.appendChild(host);
  act(() => render(<AppLogo store={store} place={place} />, host!));
  return host;
}

afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = undefined;
  act(() => showLogo({}));
});

describe("AppLogo", () => {
  it("draws the image in the sidebar and the icon image atop the app", () => {
    const store = new Store({ send: () => undefined });
    act(() =>
      store.apply({
        t: "logo",
        image: { kind: "image", value: "https://example.com/logo.png" },
        icon_image: { kind: "icon", value: ":material/home:" },
        link: "https://example.com",
        size: "large",
      }),
    );
    const sidebar = mount(store, "sidebar");
    const img = sidebar.querySelector("img");
    expect(img?.getAttribute("src")).toBe("https://example.com/logo.png");
    expect(sidebar.querySelector("a")?.getAttribute("href")).toBe("https://example.com");
    expect(sidebar.querySelector(".sp-logo-large")).not.toBeNull();
    render(null, sidebar);
    const app = mount(store, "app");
    expect(app.querySelector(".sp-material-icon")?.textContent).toBe("home");
  });

  it("an image held in a payload shows once it arrives", async () => {
    const store = new Store({ send: () => undefined });
    act(() =>
      store.apply({
        t: "logo",
        image: { kind: "image", value: "ab".repeat(16), mimetype: "image/png" },
      }),
    );
    const el = mount(store, "sidebar");
    expect(el.querySelector("img")).toBeNull();
    act(() =>
      store.apply({
        t: "payload",
        hash: "ab".repeat(16),
        kind: "media",
        data: new Uint8Array([137, 80, 78, 71]),
      }),
    );
    await act(async () => {
      await Promise.resolve(); // arrivals re-render in a microtask (data/hooks.ts)
    });
    expect(el.querySelector("img")?.getAttribute("src")).toMatch(/^blob:/);
  });

  it("a logo frame without an image removes the logo", () => {
    const store = new Store({ send: () => undefined });
    act(() => store.apply({ t: "logo", image: { kind: "emoji", value: "🎈" } }));
    const el = mount(store, "sidebar");
    expect(el.textContent).toBe("🎈");
    act(() => store.apply({ t: "logo" }));
    expect(el.textContent).toBe("");
  });
});
