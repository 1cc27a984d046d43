// A fragment's run (docs/protocol.md, "Fragment runs") touches only its scope: what the viewer
// holds elsewhere stays (nodes, the values the person set), and the dialog block reopens only
// when a full run still draws it.
import { act } from "preact/test-utils";
import { describe, expect, it } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import "../../webview/src/elements";
import type { Path, RunEndFrame } from "../../webview/src/core/types";
import { Store } from "../../webview/src/core/store";
import { mount } from "./data_helpers";
import { nodeOf, recordingStore, runEnd, runStart, upsert } from "./helpers";

function fragmentStart(store: Store, run: number, scope: Path[]): void {
  store.apply({ t: "run_start", session: "s", run, script: "app.py", fragment: "f", scope });
}

function fragmentEnd(
  store: Store,
  run: number,
  remove: Path[] = [],
  status: RunEndFrame["status"] = "ok",
): void {
  store.apply({ t: "run_end", run, status, remove, ms: 1, fragment: "f" });
}

/** main/0: a checkbox outside; main/1: the fragment's block holding a markdown. */
function app(store: Store): void {
  runStart(store, 1);
  upsert(store, 1, ["main", 0], "checkbox", { id: "outside", label: "o", value: false });
  upsert(store, 1, ["main", 1], "container", {});
  upsert(store, 1, ["main", 1, 0], "markdown", { body: "tick 1" });
  runEnd(store, 1);
}

describe("a fragment's run", () => {
  it("after a hello, removes nothing outside its scope (only a full run resyncs the tree)", () => {
    const { store } = recordingStore();
    app(store);
    store.hello({});
    // A fragment's run was in progress when the viewer said hello again.
    fragmentStart(store, 2, [["main", 1]]);
    upsert(store, 2, ["main", 1, 0], "markdown", { body: "tick 2" });
    fragmentEnd(store, 2);
    expect(store.getNode("main/0")?.type).toBe("checkbox");
    expect(store.getNode("main/1/0")?.props.body).toBe("tick 2");
    // The full run that the hello asked for resyncs: what it did not resend goes.
    runStart(store, 3);
    upsert(store, 3, ["main", 0], "checkbox", { id: "outside", label: "o", value: false });
    runEnd(store, 3);
    expect(store.getNode("main/1")).toBeUndefined();
  });

  it("keeps a value the person set outside it, which the full run it asked for will draw", () => {
    const { store, sent } = recordingStore();
    app(store);
    const box = nodeOf(store, "main/0", "checkbox");
    store.setWidgetValue(box, true);
    expect(sent.at(-1)).toMatchObject({ t: "widget_value", id: "outside", value: true });
    // A run_every tick of the fragment ends before the full rerun starts.
    fragmentStart(store, 2, [["main", 1]]);
    fragmentEnd(store, 2);
    expect(store.widgetValue(box)).toBe(true);
    runStart(store, 3);
    upsert(store, 3, ["main", 0], "checkbox", { id: "outside", label: "o", value: true });
    runEnd(store, 3);
    expect(store.widgetValue(nodeOf(store, "main/0", "checkbox"))).toBe(true);
  });

  it("dims only what it may redraw while it runs", () => {
    const { store } = recordingStore();
    app(store);
    fragmentStart(store, 2, [["main", 1]]);
    expect(store.getApp().scope).toEqual(["main/1"]);
    fragmentEnd(store, 2);
    runStart(store, 3);
    expect(store.getApp().scope).toBeUndefined();
  });
});

describe("the dialog block", () => {
  function dialogApp(): { store: Store; sent: ReturnType<typeof recordingStore>["sent"] } {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["event", 0], "dialog", {
      title: "Vote",
      width: "small",
      dismissible: true,
      dismiss: "$$ID-dismiss-None",
    });
    upsert(store, 1, ["event", 0, 0], "markdown", { body: "inside" });
    runEnd(store, 1);
    return { store, sent };
  }

  it("closes on its close button, sends its dismiss trigger, and reopens after a full run", () => {
    const { store, sent } = dialogApp();
    const root = mount(<NodeView nodeKey="event/0" store={store} />);
    const dialog = () => root.querySelector("dialog")!;
    expect(dialog().open).toBe(true);
    expect(dialog().textContent).toContain("Vote");
    expect(dialog().textContent).toContain("inside");
    act(() => root.querySelector<HTMLButtonElement>("button[aria-label=Close]")!.click());
    expect(dialog().open).toBe(false);
    expect(sent.at(-1)).toMatchObject({ t: "widget_value", id: "$$ID-dismiss-None", value: true });
    // A fragment's run elsewhere does not reopen it; a full run that still draws it does.
    act(() => {
      fragmentStart(store, 2, [["main", 0]]);
      fragmentEnd(store, 2);
    });
    expect(dialog().open).toBe(false);
    act(() => {
      runStart(store, 3);
      runEnd(store, 3);
    });
    expect(dialog().open).toBe(true);
  });

  it("has no close button when it is not dismissible", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["event", 0], "dialog", { title: "T", width: "large", dismissible: false });
    const root = mount(<NodeView nodeKey="event/0" store={store} />);
    expect(root.querySelector("button[aria-label=Close]")).toBeNull();
    expect(root.querySelector("dialog")!.open).toBe(true);
    expect(root.querySelector<HTMLElement>("dialog")!.style.width).toBe("1280px");
  });
});
