// server.baseUrlPath in the viewer (core/base_path.ts): read from the bundle's address, and the
// page paths and the WebSocket under it.

import { afterEach, describe, expect, it } from "vitest";
import { basePath } from "../../webview/src/core/base_path";
import { pageFromPath, pagePath } from "../../webview/src/core/pages";
import { WebSocketTransport } from "../../webview/src/core/transport";

function bundleAt(src: string): void {
  const script = document.createElement("script");
  script.type = "module";
  script.setAttribute("src", src);
  script.dataset.testBundle = "";
  document.head.appendChild(script);
}

afterEach(() => {
  for (const s of document.querySelectorAll("script[data-test-bundle]")) s.remove();
});

describe("basePath", () => {
  it("is the path before /static/ of the bundle's address", () => {
    expect(basePath()).toBe("");
    bundleAt("/myapp/static/sidepane.js");
    expect(basePath()).toBe("/myapp");
  });

  it("is empty at the root and for a VS Code webview's resource URL", () => {
    bundleAt("/static/sidepane.js");
    expect(basePath()).toBe("");
    document.querySelector("script[data-test-bundle]")?.remove();
    bundleAt("https://file+.vscode-resource.vscode-cdn.net/x/static/sidepane.js");
    expect(basePath()).toBe("");
  });

  it("puts pages and the WebSocket under it", () => {
    expect(pagePath("report", "/myapp")).toBe("/myapp/report");
    expect(pagePath("", "/myapp")).toBe("/myapp/");
    expect(pageFromPath("/myapp/report", "/myapp")).toBe("report");
    expect(pageFromPath("/myapp/", "/myapp")).toBe("");
    expect(pageFromPath("/report", "")).toBe("report");
    bundleAt("/myapp/static/sidepane.js");
    const transport = new WebSocketTransport();
    expect((transport as unknown as { url: string }).url).toMatch(/\/myapp\/ws$/);
  });
});
