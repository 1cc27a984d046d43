import { describe, expect, it, vi } from "vitest";
import { nodeOf, recordingStore, runEnd, runStart, upsert } from "./helpers";
import { PROTOCOL_VERSION } from "../../webview/src/core/types";

describe("tree patching", () => {
  it("keeps children when an upsert has the same type, and only patches props", () => {
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "container", { border: false });
    upsert(store, 1, ["main", 0, 0], "markdown", { body: "child" });
    const listener = vi.fn();
    store.subscribeNode("main/0", listener);
    upsert(store, 2, ["main", 0], "container", { border: true });
    expect(store.getNode("main/0")?.props.border).toBe(true);
    expect(store.getNode("main/0/0")?.props.body).toBe("child");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("replaces a node of another type and drops its subtree", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "columns", { gap: "small" });
    upsert(store, 1, ["main", 0, 0], "column", { weight: 1 });
    upsert(store, 1, ["main", 0, 0, 0], "markdown", { body: "deep" });
    upsert(store, 2, ["main", 0], "markdown", { body: "flat" });
    expect(store.getNode("main/0")?.type).toBe("markdown");
    expect(store.getNode("main/0")?.children.size).toBe(0);
    expect(store.getNode("main/0/0")).toBeUndefined();
    expect(store.getNode("main/0/0/0")).toBeUndefined();
  });

  it("notifies only the parent when a child appears, and accepts out-of-order indexes", () => {
    const { store } = recordingStore();
    const main = vi.fn();
    store.subscribeNode("main", main);
    upsert(store, 1, ["main", 2], "markdown", { body: "c" });
    upsert(store, 1, ["main", 0], "markdown", { body: "a" });
    expect(main).toHaveBeenCalledTimes(2);
    expect([...store.getNode("main")!.children.keys()].sort()).toEqual([0, 2]);
  });

  it("removes listed paths with their subtrees only at run_end", () => {
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "markdown", { body: "a" });
    upsert(store, 1, ["main", 1], "expander", { label: "e", expanded: false });
    upsert(store, 1, ["main", 1, 0], "markdown", { body: "inside" });
    runEnd(store, 1);
    runStart(store, 2);
    expect(store.getNode("main/1")).toBeDefined(); // still shown while run 2 is going
    runEnd(store, 2, [["main", 1]]);
    expect(store.getNode("main/1")).toBeUndefined();
    expect(store.getNode("main/1/0")).toBeUndefined();
    expect(store.getNode("main")!.children.size).toBe(1);
  });

  it("creates the sidebar root on first use", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["sidebar", 0], "markdown", { body: "side" });
    expect(store.getApp().roots).toContain("sidebar");
    expect(store.getNode("sidebar/0")?.props.body).toBe("side");
  });
});

describe("widget values", () => {
  const slider = (value: number) => ({ id: "w1", label: "x", value, min: 0, max: 10, step: 1 });

  it("sends widget_value with the run shown and shows the value at once", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "slider", slider(0));
    runEnd(store, 1);
    const node = nodeOf(store, "main/0", "slider");
    store.setWidgetValue(node, 3);
    expect(sent).toEqual([{ t: "widget_value", id: "w1", value: 3, run: 1 }]);
    expect(store.widgetValue(node)).toBe(3);
  });

  it("never lets a frame from a run older than the change overwrite it", () => {
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "slider", slider(0));
    const node = nodeOf(store, "main/0", "slider");
    store.setWidgetValue(node, 5); // while run 1 is still going
    upsert(store, 1, ["main", 0], "slider", slider(1)); // a late frame of run 1
    expect(store.widgetValue(node)).toBe(5);
    runEnd(store, 1, [], "interrupted");
    expect(store.widgetValue(node)).toBe(5);
    runStart(store, 2);
    upsert(store, 2, ["main", 0], "slider", slider(7)); // the script clamped or changed it
    expect(store.widgetValue(node)).toBe(7);
  });

  it("goes back to the frames once a newer run has finished", () => {
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "slider", slider(0));
    runEnd(store, 1);
    const node = nodeOf(store, "main/0", "slider");
    store.setWidgetValue(node, 4);
    runStart(store, 2);
    // Run 2 drew the same props the viewer holds? Not resent; our local value stays until run_end.
    runEnd(store, 2);
    expect(store.widgetValue(node)).toBe(0);
  });

  it("holds form fields until the submit button, then sends them in one widget_value", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "form", { id: "f", border: true, clear_on_submit: false });
    upsert(store, 1, ["main", 0, 0], "text_input", {
      id: "name",
      label: "Name",
      value: "",
      form: "f",
    });
    upsert(store, 1, ["main", 0, 1], "checkbox", {
      id: "ok",
      label: "OK",
      value: false,
      form: "f",
    });
    upsert(store, 1, ["main", 0, 2], "button", {
      id: "go",
      label: "Go",
      is_submit: true,
      form: "f",
      kind: "secondary",
    });
    runEnd(store, 1);
    const name = nodeOf(store, "main/0/0", "text_input");
    store.setWidgetValue(name, "Ada");
    expect(sent).toEqual([]);
    expect(store.widgetValue(name)).toBe("Ada");
    // Another run (e.g. a widget outside the form) keeps the unsubmitted edit on screen.
    runStart(store, 2);
    runEnd(store, 2);
    expect(store.widgetValue(name)).toBe("Ada");
    store.submitForm("f", nodeOf(store, "main/0/2", "button"));
    expect(sent).toEqual([
      { t: "widget_value", id: "go", value: true, run: 2, values: { name: "Ada", ok: false } },
    ]);
  });

  it("clear_on_submit drops the held values", () => {
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "form", { id: "f", border: true, clear_on_submit: true });
    upsert(store, 1, ["main", 0, 0], "text_input", {
      id: "name",
      label: "Name",
      value: "",
      form: "f",
    });
    upsert(store, 1, ["main", 0, 1], "button", {
      id: "go",
      label: "Go",
      is_submit: true,
      form: "f",
    });
    runEnd(store, 1);
    const name = nodeOf(store, "main/0/0", "text_input");
    store.setWidgetValue(name, "Ada");
    store.submitForm("f", nodeOf(store, "main/0/1", "button"));
    expect(store.widgetValue(name)).toBe("");
  });

  it("keeps ignore_rerun values and sends them with the next widget_value", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "checkbox", {
      id: "quiet",
      label: "q",
      value: false,
      ignore_rerun: true,
    });
    upsert(store, 1, ["main", 1], "button", { id: "b", label: "b", kind: "secondary" });
    runEnd(store, 1);
    store.setWidgetValue(nodeOf(store, "main/0", "checkbox"), true);
    expect(sent).toEqual([]);
    store.setWidgetValue(nodeOf(store, "main/1", "button"), true);
    expect(sent).toEqual([
      { t: "widget_value", id: "b", value: true, run: 1, values: { quiet: true } },
    ]);
  });

  it("hello carries the widget values shown and resets run bookkeeping", () => {
    const { store } = recordingStore();
    runStart(store, 9);
    upsert(store, 9, ["main", 0], "slider", slider(2));
    upsert(store, 9, ["main", 1], "markdown", { body: "gone after reconnect" });
    runEnd(store, 9);
    store.setWidgetValue(nodeOf(store, "main/0", "slider"), 6);
    const hello = store.hello({ query: "a=1" });
    expect(hello).toEqual({ t: "hello", v: PROTOCOL_VERSION, query: "a=1", widgets: { w1: 6 } });
    // The new server resends everything from run 1; what it does not resend is gone.
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "slider", slider(6));
    runEnd(store, 1);
    expect(store.widgetValue(nodeOf(store, "main/0", "slider"))).toBe(6);
    expect(store.getNode("main/1")).toBeUndefined();
  });
});

describe("frames of a type this viewer does not know", () => {
  it("are ignored, whatever their `t` (a newer runtime may send them)", () => {
    const { store, sent } = recordingStore();
    const app = store.getApp();
    for (const t of ["from_a_newer_protocol", "toString", "constructor", ""]) {
      store.apply({ t, run: 1, path: ["main", 0] });
    }
    expect(store.getApp()).toBe(app);
    expect(store.getNode("main")?.children.size).toBe(0);
    expect(sent).toEqual([]);
  });
});

describe("payloads and app frames", () => {
  it("keeps payloads by hash, notifies, and makes one object URL per media hash", () => {
    const { store } = recordingStore();
    const listener = vi.fn();
    store.subscribePayload("abc", listener);
    expect(store.mediaUrl("abc", "image/png")).toBeUndefined();
    const create = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:x");
    store.apply({ t: "payload", hash: "abc", kind: "media", data: new Uint8Array([1, 2, 3]) } as {
      t: string;
    });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getPayload("abc")).toEqual(new Uint8Array([1, 2, 3]));
    expect(store.mediaUrl("abc", "image/png")).toBe("blob:x");
    expect(store.mediaUrl("abc", "image/png")).toBe("blob:x");
    expect(create).toHaveBeenCalledTimes(1);
    create.mockRestore();
  });

  it("applies page_config, toast, query_params, error and source_changed", () => {
    const { store, sent } = recordingStore();
    store.apply({ t: "page_config", title: "T", icon: null, layout: "wide", sidebar: "auto" } as {
      t: string;
    });
    store.apply({ t: "toast", run: 1, body: "hi", icon: null, duration: 4 } as { t: string });
    store.apply({
      t: "query_params",
      params: [
        ["a", "1"],
        ["a", "2"],
      ],
    } as { t: string });
    store.apply({ t: "error", code: "version", message: "mismatch" } as { t: string });
    store.apply({ t: "source_changed", path: "app.py" } as { t: string });
    const app = store.getApp();
    expect(app.pageConfig?.layout).toBe("wide");
    expect(app.toasts.map((t) => t.body)).toEqual(["hi"]);
    expect(location.search).toBe("?a=1&a=2");
    expect(app.error?.code).toBe("version");
    expect(app.rerunBar).toBe(true);
    store.rerun();
    expect(sent).toEqual([{ t: "rerun" }]);
    expect(store.getApp().rerunBar).toBe(false);
  });

  it("shows where a debugger holds the run until it goes on or the run ends", () => {
    const { store } = recordingStore();
    store.apply({ t: "run_start", session: "s", run: 1, script: "/a/app.py" } as { t: string });
    store.apply({ t: "debug", run: 1, paused: true, file: "/a/app.py", line: 3 } as {
      t: string;
    });
    expect(store.getApp().paused).toEqual({ file: "/a/app.py", line: 3 });
    store.apply({ t: "debug", run: 1, paused: false } as { t: string });
    expect(store.getApp().paused).toBeUndefined();
    store.apply({ t: "debug", run: 1, paused: true, file: "/a/app.py", line: 3 } as {
      t: string;
    });
    store.apply({ t: "run_end", run: 1, status: "stopped", remove: [], ms: 1 } as { t: string });
    expect(store.getApp().paused).toBeUndefined();
  });
});
