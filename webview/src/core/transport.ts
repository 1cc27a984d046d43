// How frames travel between this viewer and the runtime. The app only knows `Transport`; a
// browser tab uses a WebSocket, a VS Code webview will use postMessage (see main.tsx).

import { basePath } from "./base_path";
export type TransportStatus = "connected" | "connecting" | "disconnected";

export interface Transport {
  /** Send one transport message (already encoded). Dropped while not connected. */
  send(bytes: Uint8Array): void;
  /** Called with each message from the runtime. */
  onMessage(listener: (bytes: Uint8Array) => void): void;
  /** Called whenever the connection state changes; "connected" is the moment to send `hello`. */
  onStatus(listener: (status: TransportStatus) => void): void;
  /** Begin connecting (call after the listeners are in place). */
  start(): void;
  /**
   * True once if the transport already sent this connection's `hello` itself (the boot module
   * says hello before the app has loaded); the app then must not send another.
   */
  takeSentHello?(): boolean;
  /**
   * Called with a problem the host wants shown instead of the app (VS Code: the server cannot
   * start, the interpreter lacks sidepane…), and with undefined once it is gone.
   */
  onProblem?(listener: (problem: TransportProblem | undefined) => void): void;
  /**
   * Gives a transport that can keep state across a reload (VS Code's webview state) a way to
   * read the widget values the viewer holds, as they would go in a `hello`.
   */
  keepWidgetValues?(read: () => Record<string, unknown>): void;
  /**
   * A transport that keeps the page shown itself (VS Code's webview state; a browser tab keeps
   * it in the URL instead): the page it kept, and how to keep another.
   */
  savedPage?(): string | undefined;
  keepPage?(page: string): void;
}

export interface TransportProblem {
  message: string;
  detail?: string;
}

/** A WebSocket to `ws(s)://<host>[/<base>]/ws` that reconnects with backoff (0.25 s doubling to 5 s). */
export class WebSocketTransport implements Transport {
  private socket: WebSocket | undefined;
  private messageListeners: ((bytes: Uint8Array) => void)[] = [];
  private statusListeners: ((status: TransportStatus) => void)[] = [];
  private delay = 250;
  private readonly url: string;
  private firstQuery: string | undefined;

  /** `firstQuery` is added to the first connection's URL only (a reconnect is a new session). */
  constructor(url?: string, firstQuery?: string) {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    this.url = url ?? `${scheme}//${location.host}${basePath()}/ws`;
    this.firstQuery = firstQuery;
  }

  send(bytes: Uint8Array): void {
    if (this.socket?.readyState === WebSocket.OPEN)
      this.socket.send(bytes as Uint8Array<ArrayBuffer>);
  }

  onMessage(listener: (bytes: Uint8Array) => void): void {
    this.messageListeners.push(listener);
  }

  onStatus(listener: (status: TransportStatus) => void): void {
    this.statusListeners.push(listener);
  }

  start(): void {
    this.connect();
  }

  private emitStatus(status: TransportStatus): void {
    for (const listener of this.statusListeners) listener(status);
  }

  private connect(): void {
    this.emitStatus("connecting");
    const query = this.firstQuery;
    this.firstQuery = undefined;
    const socket = new WebSocket(query === undefined ? this.url : `${this.url}?${query}`);
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => {
      this.delay = 250;
      this.emitStatus("connected");
    };
    socket.onmessage = (event: MessageEvent<unknown>) => {
      if (!(event.data instanceof ArrayBuffer)) return; // the protocol is binary only
      const bytes = new Uint8Array(event.data);
      for (const listener of this.messageListeners) listener(bytes);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.emitStatus("disconnected");
      // Back off so a server that is down is not hammered, but come back quickly after a restart.
      const wait = this.delay;
      this.delay = Math.min(this.delay * 2, 5000);
      setTimeout(() => this.connect(), wait);
    };
  }
}

/**
 * The browser tab's first connection, opened by the boot module before the app's code has
 * loaded: the first `hello` goes out at once (a first load holds no widget values), so the
 * script runs while the app is still loading; frames wait here until the app listens, and a
 * listener added late is told the current status.
 */
export class EarlyTransport implements Transport {
  private readonly inner: WebSocketTransport;
  private readonly buffered: Uint8Array[] = [];
  private readonly messageListeners: ((bytes: Uint8Array) => void)[] = [];
  private readonly statusListeners: ((status: TransportStatus) => void)[] = [];
  private status: TransportStatus = "connecting";
  private helloSent = false;
  private firstConnection = true;

  constructor(firstHello: () => Uint8Array) {
    // The first hello rides in the handshake: the session starts while this tab evaluates the
    // app's code, which would hold back the socket's `open` event and a hello sent from it.
    this.inner = new WebSocketTransport(undefined, `hello=${base64url(firstHello())}`);
    this.inner.onMessage((bytes) => {
      if (this.messageListeners.length === 0) this.buffered.push(bytes);
      else for (const listener of this.messageListeners) listener(bytes);
    });
    this.inner.onStatus((status) => {
      this.status = status;
      if (status === "connected" && this.firstConnection) {
        this.firstConnection = false;
        this.helloSent = true;
      }
      for (const listener of this.statusListeners) listener(status);
    });
    this.inner.start();
  }

  send(bytes: Uint8Array): void {
    this.inner.send(bytes);
  }

  onMessage(listener: (bytes: Uint8Array) => void): void {
    this.messageListeners.push(listener);
    for (const bytes of this.buffered.splice(0)) listener(bytes);
  }

  onStatus(listener: (status: TransportStatus) => void): void {
    this.statusListeners.push(listener);
    listener(this.status);
  }

  start(): void {
    // Already connecting since the boot module created it.
  }

  takeSentHello(): boolean {
    const sent = this.helloSent;
    this.helloSent = false;
    return sent;
  }
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
