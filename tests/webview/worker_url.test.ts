// core/worker_url.ts: a worker script on the page's origin starts from its own address; one on
// another origin (VS Code's panel: the webview's resource origin) from a blob: of its text,
// fetched once. The real panel is covered by tests/e2e/vscode/test_vscode_charts.py.

import { afterEach, describe, expect, it, vi } from "vitest";
import { workerUrl } from "../../webview/src/core/worker_url";

const PAGE = "vscode-webview://abc/index.html";
const SCRIPT = "https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/pdf.worker.min.mjs";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function stubFetch(response: () => Promise<Response>) {
  const fetch = vi.fn(response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("workerUrl", () => {
  it("keeps a script of the page's own origin as it is, without fetching it", async () => {
    const fetch = stubFetch(() => Promise.reject(new Error("no fetch expected")));
    const own = "http://127.0.0.1:8501/static/pdf.worker.min.mjs";
    expect(await workerUrl(own, "http://127.0.0.1:8501/")).toBe(own);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("starts a script of another origin from a blob: of its text, fetched once", async () => {
    const fetch = stubFetch(() => Promise.resolve(new Response("postMessage(1)")));
    const blobs: Blob[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return "blob:vscode-webview://abc/1";
    });
    expect(await workerUrl(SCRIPT, PAGE)).toBe("blob:vscode-webview://abc/1");
    expect(await workerUrl(SCRIPT, PAGE)).toBe("blob:vscode-webview://abc/1");
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(SCRIPT);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe("text/javascript");
    expect(await blobs[0]!.text()).toBe("postMessage(1)");
  });

  it("hands back the address itself when the script cannot be fetched, and tries again later", async () => {
    const other = SCRIPT.replace("pdf.worker", "maplibre-gl-worker");
    const fetch = stubFetch(() => Promise.resolve(new Response("", { status: 404 })));
    expect(await workerUrl(other, PAGE)).toBe(other);
    expect(await workerUrl(other, PAGE)).toBe(other);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
