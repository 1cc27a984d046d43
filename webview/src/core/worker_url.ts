// Where a library's worker starts from (pdf.js's, maplibre's). In a browser tab the worker
// script is on the page's own server: its address as it is. In VS Code's panel the bundle is on
// the webview's resource origin, not the page's, and a worker must come from the page's origin;
// the libraries' own way around that (a blob: module that imports the script) never loads there,
// since the webview's service worker, which serves the bundle, does not serve a worker's imports.
// So the script's text is fetched by the page (which it does serve) and the worker starts from a
// blob: of it.

const started = new Map<string, Promise<string>>();

/** An address `url`'s worker can start from here (once per script; `url` itself if fetching
 * it fails, so the library falls back as it would). */
export function workerUrl(url: string, here: string = location.href): Promise<string> {
  if (sameOrigin(url, here)) return Promise.resolve(url);
  let address = started.get(url);
  if (address === undefined) {
    address = fromText(url).catch(() => {
      started.delete(url);
      return url;
    });
    started.set(url, address);
  }
  return address;
}

function sameOrigin(url: string, here: string): boolean {
  try {
    return new URL(url, here).origin === new URL(here).origin;
  } catch {
    return true; // unparsable: leave it to the library
  }
}

async function fromText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  const script = new Blob([await response.arrayBuffer()], { type: "text/javascript" });
  return URL.createObjectURL(script);
}
