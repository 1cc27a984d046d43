// `server.baseUrlPath`: the path a browser tab reaches the app under (`/myapp`; "" at the root).
// The page names the bundle as `<base>/static/…`; reading it back from there keeps one source.

/** The app's base path, without a trailing slash ("" when served at the root or in VS Code). */
export function basePath(doc: Document = document): string {
  const src =
    doc.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute("src") ?? "";
  // Only a path on this server counts: a VS Code webview names the bundle by a full URL.
  if (!src.startsWith("/") || src.startsWith("//")) return "";
  const at = src.indexOf("/static/");
  return at > 0 ? src.slice(0, at) : "";
}
