// The browser tab's first connection carries its hello in the handshake's URL (docs/protocol.md,
// "WebSocket"): the session starts while the tab evaluates the app's code. A reconnect is a new
// session whose hello (with the widget values) goes as a message.

import { decode } from "@msgpack/msgpack";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encodeFrame } from "../../webview/src/core/protocol";
import { EarlyTransport } from "../../webview/src/core/transport";

class FakeSocket {
  static made: FakeSocket[] = [];
  static readonly OPEN = 1;
  readyState = 0;
  binaryType = "blob";
  sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(bytes: Uint8Array): void {
    this.sent.push(bytes);
  }
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
}

function socket(index: number): FakeSocket {
  const made = FakeSocket.made[index];
  if (made === undefined) throw new Error(`no WebSocket #${index}`);
  return made;
}

function helloOf(url: string): unknown {
  const text = new URL(url).searchParams.get("hello") ?? "";
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

beforeEach(() => {
  FakeSocket.made = [];
  vi.stubGlobal("WebSocket", FakeSocket);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("EarlyTransport", () => {
  it("puts the first hello in the handshake and sends none on open", () => {
    // Bytes that base64 turns into + and /: the URL form must carry them intact.
    const hello = encodeFrame({ t: "hello", v: 2, query: "a=~~~>>>???" });
    const transport = new EarlyTransport(() => hello);
    const first = socket(0);
    expect(first.url).toMatch(/\/ws\?hello=[A-Za-z0-9_-]+$/);
    expect(helloOf(first.url)).toEqual({ t: "hello", v: 2, query: "a=~~~>>>???" });
    first.open();
    expect(first.sent).toEqual([]);
    expect(transport.takeSentHello()).toBe(true);
  });

  it("reconnects without the first hello", () => {
    new EarlyTransport(() => encodeFrame({ t: "hello", v: 2 }));
    const first = socket(0);
    first.open();
    first.onclose?.();
    vi.advanceTimersByTime(300);
    expect(FakeSocket.made).toHaveLength(2);
    expect(socket(1).url).toMatch(/\/ws$/);
  });
});
