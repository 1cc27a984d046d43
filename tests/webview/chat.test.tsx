import { render } from "preact";
import { act } from "preact/test-utils";
import { beforeEach, describe, expect, it } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import "../../webview/src/widgets/chat_input";
import "../../webview/src/elements/chat_message";
import "../../webview/src/elements/markdown";
import "../../webview/src/blocks/status";
import type { Store } from "../../webview/src/core/store";
import { encodeWav } from "../../webview/src/widgets/recorder";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

function mount(store: Store, key: string, parent: HTMLElement = document.body): HTMLElement {
  const root = document.createElement("div");
  parent.appendChild(root);
  act(() => render(<NodeView nodeKey={key} store={store} />, root));
  return root;
}

function type(area: HTMLTextAreaElement, text: string): void {
  act(() => {
    area.value = text;
    area.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function key(area: HTMLTextAreaElement, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  act(() => {
    area.dispatchEvent(event);
  });
  return event;
}

// A new widget id per test: a chat input keeps what the person typed by its id.
let CHAT = { id: "c0", label: "", placeholder: "Say something", value: null };
let tests = 0;
beforeEach(() => {
  tests += 1;
  CHAT = { ...CHAT, id: `c${tests}` };
});

describe("chat_input", () => {
  it("Enter sends the text as a trigger and clears the box; Shift+Enter is a new line", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "chat_input", CHAT);
    runEnd(store, 1);
    const root = mount(store, "main/0");
    const area = root.querySelector<HTMLTextAreaElement>("textarea")!;
    expect(area.placeholder).toBe("Say something");
    const send = root.querySelector<HTMLButtonElement>("button[aria-label=Send]")!;
    expect(send.disabled).toBe(true);
    key(area, { key: "Enter" }); // nothing typed: nothing sent
    expect(sent).toEqual([]);
    type(area, "hello");
    expect(key(area, { key: "Enter", shiftKey: true }).defaultPrevented).toBe(false);
    expect(sent).toEqual([]);
    type(area, "hello\nworld");
    expect(key(area, { key: "Enter" }).defaultPrevented).toBe(true);
    expect(sent).toEqual([{ t: "widget_value", id: CHAT.id, value: "hello\nworld", run: 1 }]);
    expect(area.value).toBe("");
    // The run the message started echoes it as the frame's value: the box stays empty.
    runStart(store, 2);
    upsert(store, 2, ["main", 0], "chat_input", { ...CHAT, value: "hello\nworld" });
    act(() => runEnd(store, 2));
    expect(root.querySelector("textarea")!.value).toBe("");
    // A trigger is never sent again on reconnect.
    expect(store.widgetValues()).toEqual({});
  });

  it("keeps the text being typed and the focus when drawn at another place", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_input", CHAT);
    const first = mount(store, "main/0");
    const area = first.querySelector<HTMLTextAreaElement>("textarea")!;
    act(() => area.focus());
    type(area, "half a tho");
    // A message is drawn where the input was; the input comes next (a new node).
    act(() => upsert(store, 2, ["main", 0], "chat_message", { name: "user", avatar_type: "icon" }));
    upsert(store, 2, ["main", 1], "chat_input", CHAT);
    const moved = mount(store, "main/1");
    const again = moved.querySelector<HTMLTextAreaElement>("textarea")!;
    expect(again.value).toBe("half a tho");
    expect(document.activeElement).toBe(again);
    key(again, { key: "Enter" });
    expect(sent).toEqual([{ t: "widget_value", id: CHAT.id, value: "half a tho", run: 2 }]);
    expect(again.value).toBe("");
  });

  it("the send button sends, max_chars limits the text, disabled blocks it", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_input", { ...CHAT, max_chars: 3 });
    upsert(store, 1, ["main", 1], "chat_input", { ...CHAT, id: "d", disabled: true });
    const root = mount(store, "main/0");
    const area = root.querySelector<HTMLTextAreaElement>("textarea")!;
    expect(area.maxLength).toBe(3);
    type(area, "abc");
    expect(root.querySelector(".sp-chat-counter")?.textContent).toBe("3/3");
    act(() => root.querySelector<HTMLButtonElement>("button[aria-label=Send]")!.click());
    expect(sent).toEqual([{ t: "widget_value", id: CHAT.id, value: "abc", run: 1 }]);
    const off = mount(store, "main/1");
    expect(off.querySelector("textarea")!.disabled).toBe(true);
  });

  it("width and height size the box", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_input", { ...CHAT, width: 300, height: 120 });
    const root = mount(store, "main/0");
    expect(root.querySelector<HTMLElement>(".sp-chat-input")!.style.maxWidth).toBe("300px");
    expect(root.querySelector("textarea")!.style.minHeight).toBe("110px");
  });

  it("a script's fill puts text in the box without sending it", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_input", { ...CHAT, fill: "Hello, world!" });
    const root = mount(store, "main/0");
    expect(root.querySelector("textarea")!.value).toBe("Hello, world!");
    expect(sent).toEqual([]);
  });

  it("with accept_file, shows an attach button and sends {text, files}", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_input", { ...CHAT, accept_file: "multiple" });
    const root = mount(store, "main/0");
    expect(root.querySelector("button[aria-label='Attach files']")).not.toBeNull();
    expect(root.querySelector<HTMLInputElement>("input[type=file]")!.multiple).toBe(true);
    const area = root.querySelector<HTMLTextAreaElement>("textarea")!;
    type(area, "no files");
    key(area, { key: "Enter" });
    expect(sent).toEqual([
      { t: "widget_value", id: CHAT.id, value: { text: "no files", files: [] }, run: 1 },
    ]);
  });
});

describe("chat_input accept_audio", () => {
  it("offers a microphone and sends {text, audio: null} without a recording", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_input", { ...CHAT, accept_audio: true });
    const root = mount(store, "main/0");
    const mic = root.querySelector<HTMLButtonElement>(
      "button[aria-label='Record a voice message']",
    );
    expect(mic).not.toBeNull();
    expect(root.querySelector("button[aria-label='Attach files']")).toBeNull();
    const area = root.querySelector<HTMLTextAreaElement>("textarea")!;
    type(area, "typed");
    key(area, { key: "Enter" });
    expect(sent).toEqual([
      { t: "widget_value", id: CHAT.id, value: { text: "typed", audio: null }, run: 1 },
    ]);
  });

  it("writes a 16-bit mono PCM WAV", () => {
    const wav = encodeWav(new Float32Array([0, 1, -1, 0.5]), 16000);
    const view = new DataView(wav.buffer);
    const text = (at: number) => String.fromCharCode(...wav.slice(at, at + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(["RIFF", "WAVE", "fmt ", "data"]);
    expect(wav.length).toBe(44 + 8);
    expect(view.getUint32(4, true)).toBe(36 + 8);
    expect([view.getUint16(20, true), view.getUint16(22, true)]).toEqual([1, 1]); // PCM, mono
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint16(34, true)).toBe(16);
    expect([1, 2, 3, 4].map((i) => view.getInt16(42 + i * 2, true))).toEqual([
      0, 32767, -32768, 16383,
    ]);
  });
});

describe("chat_input submit_mode", () => {
  it("disable: greyed out while the run the message started lasts", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_input", { ...CHAT, submit_mode: "disable" });
    runEnd(store, 1);
    const root = mount(store, "main/0");
    const area = () => root.querySelector<HTMLTextAreaElement>("textarea")!;
    type(area(), "go");
    key(area(), { key: "Enter" });
    expect(sent).toHaveLength(1);
    act(() => runStart(store, 2));
    expect(area().disabled).toBe(true);
    act(() => runEnd(store, 2));
    expect(area().disabled).toBe(false);
  });

  it("stop: the send button stops the run the message started", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_input", { ...CHAT, submit_mode: "stop" });
    runEnd(store, 1);
    const root = mount(store, "main/0");
    const area = root.querySelector<HTMLTextAreaElement>("textarea")!;
    type(area, "go");
    key(area, { key: "Enter" });
    act(() => runStart(store, 2));
    expect(area.disabled).toBe(false); // typing the next message goes on
    act(() => root.querySelector<HTMLButtonElement>("button[aria-label=Stop]")!.click());
    expect(sent.at(-1)).toEqual({ t: "stop" });
    act(() => runEnd(store, 2, [], "stopped"));
    expect(root.querySelector("button[aria-label=Stop]")).toBeNull();
    expect(root.querySelector("button[aria-label=Send]")).not.toBeNull();
  });
});

describe("chat_message", () => {
  it("draws the avatar for its name and its children", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "chat_message", {
      name: "user",
      avatar_type: "icon",
      avatar: "user",
    });
    upsert(store, 1, ["main", 0, 0], "markdown", { body: "hello" });
    upsert(store, 1, ["main", 1], "chat_message", { name: "bob", avatar_type: "icon" });
    upsert(store, 1, ["main", 2], "chat_message", {
      name: "x",
      avatar_type: "emoji",
      avatar: "🦖",
    });
    upsert(store, 1, ["main", 3], "chat_message", {
      name: "x",
      avatar_type: "image",
      image: { url: "https://example.com/a.png", mimetype: "image/png" },
    });
    const user = mount(store, "main/0");
    expect(user.querySelector("[role=article]")!.getAttribute("aria-label")).toBe(
      "Chat message from user",
    );
    expect(user.querySelector(".sp-chat-avatar-user .sp-material-icon")?.textContent).toBe("face");
    expect(user.querySelector(".sp-chat-body")?.textContent).toContain("hello");
    expect(mount(store, "main/1").querySelector(".sp-chat-avatar")?.textContent).toBe("b");
    expect(mount(store, "main/2").querySelector(".sp-chat-avatar")?.textContent).toBe("🦖");
    expect(mount(store, "main/3").querySelector("img")?.getAttribute("src")).toBe(
      "https://example.com/a.png",
    );
  });
});

describe("status", () => {
  it("shows its state's icon, toggles, and follows a changed expanded only", () => {
    const { store } = recordingStore();
    const props = { label: "Working", state: "running", expanded: false };
    upsert(store, 1, ["main", 0], "status", props);
    upsert(store, 1, ["main", 0, 0], "markdown", { body: "step" });
    const root = mount(store, "main/0");
    const block = () => root.querySelector<HTMLElement>(".sp-status-block")!;
    const body = () => root.querySelector<HTMLElement>(".sp-expander-body")!;
    expect(block().dataset.state).toBe("running");
    expect(root.querySelector(".sp-spinner-wheel")).not.toBeNull();
    expect(body().hidden).toBe(true);
    act(() => root.querySelector<HTMLButtonElement>(".sp-expander-head")!.click());
    expect(body().hidden).toBe(false);
    // An update that leaves `expanded` as it was keeps what the person chose.
    act(() => upsert(store, 1, ["main", 0], "status", { ...props, state: "complete" }));
    expect(block().dataset.state).toBe("complete");
    expect(root.querySelector(".sp-material-icon")?.textContent).toBe("check");
    expect(body().hidden).toBe(false);
    // The script asking to expand, then collapse, wins.
    act(() => upsert(store, 1, ["main", 0], "status", { ...props, expanded: true }));
    act(() => upsert(store, 1, ["main", 0], "status", { ...props, state: "error" }));
    expect(body().hidden).toBe(true);
    expect(root.querySelector(".sp-material-icon")?.textContent).toBe("error");
  });

  it("a width caps the block", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "status", {
      label: "x",
      state: "complete",
      expanded: false,
      width: 320,
    });
    const root = mount(store, "main/0");
    expect(root.querySelector<HTMLElement>(".sp-status-block")!.style.maxWidth).toBe("320px");
  });
});
