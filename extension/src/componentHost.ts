// Where VS Code's panel loads custom components from: the language server serves their files
// and components.html pages on a loopback port (`sidepane/serveComponents`), and the panel frames
// them through the address VS Code gives for that port (asExternalUri: the same one on the
// desktop, forwarded when VS Code runs remotely, code-server's `…/proxy/<port>/`). The panel's CSP
// must name that address when its page is made, before the server runs: so this side chooses the
// port, once per window, and the server binds it at each start (another only if it is taken,
// which then reloads the panels with the new address).

import type { Log } from "./log";
import { withTimeout } from "./timeout";

export interface ComponentHostDeps {
  /** A loopback port free now. */
  freePort(): Promise<number>;
  /** The address a webview reaches `local` (`http://127.0.0.1:<port>/`) at. */
  externalUri(local: string): Promise<string>;
  /** Asks the running server to serve components on `port`: the port it bound. */
  serve(port: number): Promise<number>;
  log: Log;
}

/** How long the panel's page may wait for the address before it is made without it. */
export const ADDRESS_TIMEOUT_MS = 5000;

export class ComponentHost {
  private chosen: Promise<number> | undefined;
  private address: Promise<string | undefined> | undefined;

  constructor(private readonly deps: ComponentHostDeps) {}

  /** The port the server is asked to bind (chosen at the first call). */
  port(): Promise<number> {
    this.chosen ??= this.deps.freePort();
    return this.chosen;
  }

  /**
   * The components' base URL as the webview reaches it (no trailing slash), or undefined when
   * VS Code cannot say (the panel then offers the browser for components, as before).
   */
  base(): Promise<string | undefined> {
    this.address ??= this.resolve();
    return this.address;
  }

  /**
   * The server (re)started: ask it to serve on the chosen port. True when it bound another one
   * (the old was taken): the base changed and panels made with the old one must be made again.
   */
  async serverRunning(): Promise<boolean> {
    const wanted = await this.port();
    let bound: number;
    try {
      bound = await this.deps.serve(wanted);
    } catch (error) {
      this.deps.log.warn(`Custom components will not show in the panel: ${String(error)}`);
      return false;
    }
    if (bound === wanted) return false;
    this.deps.log.info(`Port ${wanted} was taken: custom components are served on ${bound}.`);
    this.chosen = Promise.resolve(bound);
    this.address = undefined;
    return true;
  }

  private async resolve(): Promise<string | undefined> {
    try {
      const port = await this.port();
      const external = await withTimeout(
        this.deps.externalUri(`http://127.0.0.1:${port}/`),
        ADDRESS_TIMEOUT_MS,
        "mapping the components server's address",
      );
      return componentBase(external);
    } catch (error) {
      this.deps.log.warn(`No address for custom components in the panel: ${String(error)}`);
      return undefined;
    }
  }
}

/** `external` (what asExternalUri answered) as a base URL: http(s) only, no query, no slash
 * at the end. */
export function componentBase(external: string): string {
  const url = new URL(external);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${external} is not an http(s) address`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
