import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { Store } from "../../webview/src/core/store";
import type { ViewerFrame } from "../../webview/src/core/types";
import { UPLOAD_CHUNK_BYTES, UploadRefused, uploadFile } from "../../webview/src/core/upload";
import "../../webview/src/widgets/file_uploader";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

type Upload = Extract<ViewerFrame, { t: "upload" }>;

/** Let the uploads' awaits (file reads, hashing, answers) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

/** Answer every chunk sent since the last call as a runtime would (or refuse the file). */
function answer(store: Store, sent: ViewerFrame[], from: number, error?: string): number {
  for (const f of sent.slice(from)) {
    if (f.t !== "upload") continue;
    const status = error ? { error } : { received: (f.offset ?? 0) + f.data.length };
    act(() => store.apply({ t: "upload_status", id: f.id, hash: f.hash, ...status } as never));
  }
  return sent.length;
}

/** Keep answering until `done` settles. */
async function pump(store: Store, sent: ViewerFrame[], done: Promise<unknown>): Promise<void> {
  let over = false;
  void done.finally(() => (over = true)).catch(() => undefined);
  let seen = 0;
  while (!over) {
    await settle();
    seen = answer(store, sent, seen);
  }
}

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
  root = undefined;
});

function uploader(store: Store, props: Record<string, unknown> = {}): HTMLElement {
  runStart(store, 1);
  upsert(store, 1, ["main", 0], "file_uploader", {
    id: "f",
    label: "File",
    value: [],
    multiple: false,
    max_mb: 200,
    ...props,
  });
  runEnd(store, 1);
  root = document.createElement("div");
  document.body.appendChild(root);
  act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
  return root;
}

function choose(el: HTMLElement, files: File[]): void {
  const input = el.querySelector<HTMLInputElement>("input[type=file]")!;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  act(() => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

describe("uploads", () => {
  it("send a file in acknowledged chunks, each waiting for the last one's answer", async () => {
    const { store, sent } = recordingStore();
    const bytes = new Uint8Array(UPLOAD_CHUNK_BYTES * 2 + 5).map((_, i) => i % 251);
    const done = uploadFile(store, "w", new File([bytes], "big.bin"));
    await settle();
    expect(sent).toHaveLength(1); // the second chunk waits for the first one's answer
    await pump(store, sent, done);
    const ref = await done;
    const chunks = sent as Upload[];
    expect(chunks.map((c) => [c.offset, c.data.length, c.size])).toEqual([
      [0, UPLOAD_CHUNK_BYTES, bytes.length],
      [UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES, bytes.length],
      [UPLOAD_CHUNK_BYTES * 2, 5, bytes.length],
    ]);
    expect(new Set(chunks.map((c) => `${c.id} ${c.hash} ${c.name}`)).size).toBe(1);
    expect(ref).toEqual({
      hash: chunks[0]!.hash,
      name: "big.bin",
      type: "application/octet-stream",
      size: bytes.length,
    });
  });

  it("reject with the runtime's reason, and when the connection drops", async () => {
    const { store, sent } = recordingStore();
    const refused = uploadFile(store, "w", new File(["abc"], "a.txt"));
    await settle();
    answer(store, sent, 0, "The server cannot take this file.");
    await expect(refused).rejects.toEqual(new UploadRefused("The server cannot take this file."));
    const cut = uploadFile(store, "w", new File(["abc"], "b.txt"));
    await settle();
    store.setConnection("disconnected");
    await expect(cut).rejects.toThrow("The connection to the server was lost.");
  });
});

describe("file_uploader", () => {
  it("sets its value once the runtime holds the whole file", async () => {
    const { store, sent } = recordingStore();
    const el = uploader(store);
    choose(el, [new File(["x,y\n1,2"], "a.csv", { type: "text/csv" })]);
    await settle();
    expect(el.querySelector(".sp-file .sp-caption")?.textContent).toBe("Uploading… 0%");
    answer(store, sent, 0);
    await settle();
    const value = sent.find((f) => f.t === "widget_value");
    expect(value).toMatchObject({ id: "f", value: [{ name: "a.csv", type: "text/csv", size: 7 }] });
    expect(el.querySelector(".sp-file-name")?.textContent).toBe("a.csv");
    expect(el.querySelector(".sp-file-error")).toBeNull();
  });

  it("shows why a file was refused on the file, and sends no value for it", async () => {
    const { store, sent } = recordingStore();
    const el = uploader(store, { max_mb: 1, accept: [".csv"], multiple: true });
    choose(el, [
      new File([new Uint8Array(1024 * 1024 + 1)], "big.csv"),
      new File(["x"], "notes.txt", { type: "text/plain" }),
      new File(["1,2"], "ok.csv"),
    ]);
    await settle();
    answer(store, sent, 0, "The server cannot take this file: its upload limit is reached.");
    await settle();
    const errors = [...el.querySelectorAll(".sp-file-refused")].map((li) => [
      li.querySelector(".sp-file-name")?.firstChild?.textContent,
      li.querySelector(".sp-file-error")?.textContent,
    ]);
    expect(errors).toEqual([
      ["big.csv", "File must be 1.0MB or smaller."],
      ["notes.txt", "text/plain files are not allowed."],
      ["ok.csv", "The server cannot take this file: its upload limit is reached."],
    ]);
    expect(sent.filter((f) => f.t === "upload")).toHaveLength(1); // only ok.csv was sent
    expect(sent.some((f) => f.t === "widget_value")).toBe(false);
    const remove = el.querySelector<HTMLButtonElement>('[aria-label="Remove notes.txt"]')!;
    act(() => remove.click());
    expect(el.querySelectorAll(".sp-file-refused")).toHaveLength(2);
  });
});
