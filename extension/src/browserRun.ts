// Running a panel's script for the browser (a widget needs what a webview cannot have: the
// camera, the microphone): `sidepane run --headless` on a free port in a terminal, then, once it
// answers, VS Code opens its URL on the person's machine (asExternalUri forwards the port when
// VS Code runs remotely). These are the parts that need no VS Code API.

import { get } from "node:http";
import { createServer } from "node:net";

/** A TCP port free on 127.0.0.1 now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/** Where a browser reaches the app, when that is not its own address (a proxy's). */
export interface BrowserAddress {
  /** What to open. */
  url: string;
  /** The path the app is served under (`server.baseUrlPath`); "" at the root. */
  base: string;
  /** The page's origin, when it is not the app's own (`server.corsAllowedOrigins`). */
  origin?: string;
}

/**
 * Where the browser reaches the app, from the URL VS Code gives for its port (asExternalUri).
 * Desktop VS Code answers the app's own address. A remote forwards the port, maybe under another
 * host or port: that origin is then trusted (the app refuses WebSockets from other pages).
 * code-server answers `…/proxy/<port>/`, which drops its prefix before the app sees a request
 * while the page names its files from the root (`/static/…`), so those would miss: its
 * `…/absproxy/<port>/` keeps the prefix, and the app is served under it. Any other prefix is
 * taken as one the proxy keeps.
 */
export function browserAddress(external: string, port: number): BrowserAddress {
  const url = new URL(external);
  const proxied = new RegExp(`^(.*)/proxy/${port}/?$`).exec(url.pathname);
  const base = proxied ? `${proxied[1]}/absproxy/${port}` : url.pathname.replace(/\/+$/, "");
  url.pathname = `${base}/`;
  const own = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return { url: url.toString(), base, ...(own.has(url.origin) ? {} : { origin: url.origin }) };
}

/** The interpreter's arguments: serve `script` headless on `port` (for `at`, when a proxy's). */
export function browserRunArgs(
  script: string,
  port: number,
  scriptArgs: string[],
  at: Partial<BrowserAddress> = {},
): string[] {
  return [
    "-m",
    "sidepane",
    "run",
    script,
    "--headless",
    "--port",
    String(port),
    ...(at.base ? ["--server.baseUrlPath", at.base.replace(/^\/+/, "")] : []),
    ...(at.origin ? ["--server.corsAllowedOrigins", at.origin] : []),
    ...(scriptArgs.length > 0 ? ["--", ...scriptArgs] : []),
  ];
}

/** Whether `base`/healthz answers 200 within `timeoutMs`; gives up early once `gone()`. */
export async function waitForApp(
  base: string,
  timeoutMs: number,
  gone: () => boolean = () => false,
  everyMs = 200,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone()) {
    if (await healthy(`${base}/healthz`)) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
  });
}
