// How the viewer frames a component: what the frame may do (sandbox, features) and where its
// page is. A page Sidepane serves (a declared component's files, a components.html page) is
// sandboxed without allow-same-origin, here and by its route's own CSP
// (servers/web/component_routes.py): it runs as an origin of its own and cannot reach the
// app's page, cookies or session. A page elsewhere keeps its own origin, as in Streamlit.
// In VS Code's panel Sidepane's pages come from the language server's components server, at the
// address the extension puts in `<body data-component-base>` (extension/src/componentHost.ts);
// any other http(s), data: or blob: page is framed as the browser page frames it (the panel's
// CSP allows them), except where the panel could only show an empty frame (frameAllowed).

import { basePath } from "../core/base_path";
import { vsCodeApi } from "../core/vscode_transport";

const SANDBOX = [
  "allow-downloads",
  "allow-forms",
  "allow-modals",
  "allow-popups",
  "allow-popups-to-escape-sandbox",
  "allow-scripts",
];

/** The browser features a component may ask for (each still behind the browser's prompt). */
export const FEATURE_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "clipboard-write",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "usb",
  "xr-spatial-tracking",
].join("; ");

/** In VS Code's panel, where the language server serves components (no trailing slash);
 * undefined in a browser tab, or in a panel whose extension gave none. */
export function componentBase(doc: Document = document): string | undefined {
  const base = doc.body?.dataset.componentBase;
  return base !== undefined && base !== "" ? base : undefined;
}

/** Whether `src` is on the app's own server (it then must not share the app's origin). */
export function onAppOrigin(src: string, here: string = location.href): boolean {
  try {
    return new URL(src, here).origin === new URL(here).origin;
  } catch {
    return true; // unparsable: the strict choice
  }
}

/** Whether Sidepane serves the page at `src`: the app's server, or in VS Code's panel the
 * language server's components server (`base`). */
export function servedBySidepane(
  src: string,
  here: string = location.href,
  base: string | undefined = componentBase(),
): boolean {
  if (onAppOrigin(src, here)) return true;
  return base !== undefined && underBase(src, here, base);
}

function underBase(src: string, here: string, base: string): boolean {
  try {
    return new URL(src, here).href.startsWith(`${base}/`);
  } catch {
    return false;
  }
}

/** Whether the page may frame `src`: anything in a browser tab (its CSP allows frames). In VS
 * Code's panel what its CSP allows (the components server, http(s), data: and blob: URLs) unless
 * the frame would stay empty: an http page in a panel served over https (code-server behind
 * TLS: mixed content, which Chromium blocks; loopback is exempt), a page on the webview's own origin (a path: there is
 * no app server), or a `url=` component's dev server on loopback when VS Code runs the script
 * elsewhere (`devServer`; `<body data-remote>`: that loopback is not the webview's). */
export function frameAllowed(
  src: string,
  here: string = location.href,
  base: string | undefined = componentBase(),
  { devServer = false, remote = remoteHost() }: { devServer?: boolean; remote?: boolean } = {},
): boolean {
  if (vsCodeApi() === undefined) return true;
  if (base !== undefined && underBase(src, here, base)) return true;
  let url: URL;
  try {
    url = new URL(src, here);
  } catch {
    return false;
  }
  if (url.protocol === "data:" || url.protocol === "blob:") return true;
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.origin === new URL(here).origin) return false;
  // Chromium restricts mixed content on https pages only (not on vscode-webview:).
  if (url.protocol === "http:" && !loopback(url) && new URL(here).protocol === "https:") {
    return false;
  }
  return !(devServer && remote && loopback(url));
}

/** Whether the extension runs the script on another machine than the panel's (VS Code remote). */
export function remoteHost(doc: Document = document): boolean {
  return doc.body?.dataset.remote !== undefined;
}

function loopback(url: URL): boolean {
  const host = url.hostname;
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/** The frame's `sandbox` attribute for a page at `src`. */
export function sandboxFor(src: string, here?: string, base?: string): string {
  const own = servedBySidepane(src, here, base ?? componentBase());
  return (own ? SANDBOX : [...SANDBOX, "allow-same-origin"]).join(" ");
}

/** Where the components route (`/component/<name>/<file>`) is: a path on the app's server, or
 * in VS Code's panel a URL of the components server. */
export function componentRoute(name: string, file: string): string {
  return `${componentBase() ?? basePath()}/component/${encodeURIComponent(name)}/${file}`;
}

/** Where a declared component's page is: its `url`, else its files on the app's server; with
 * `streamlitUrl` (the app's address) as Streamlit adds it. */
export function componentSrc(name: string, url: string | undefined, here = location.href): string {
  const page = url !== undefined && url !== "" ? url : componentRoute(name, "index.html");
  const target = new URL(page, here);
  const app = new URL(here);
  target.searchParams.set("streamlitUrl", app.origin + app.pathname);
  return url !== undefined && url !== "" ? target.href : ownPage(target, app);
}

/** A page of the app's server as a path (as Streamlit names it); the components server's in
 * full. */
function ownPage(target: URL, app: URL): string {
  return target.origin === app.origin ? target.pathname + target.search : target.href;
}
