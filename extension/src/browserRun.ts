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

/** The interpreter's arguments: serve `script` headless on `port`, with the script's own args. */
export function browserRunArgs(script: string, port: number, scriptArgs: string[]): string[] {
  return [
    "-m",
    "sidepane",
    "run",
    script,
    "--headless",
    "--port",
    String(port),
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
