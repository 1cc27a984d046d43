// A Vega-Lite chart's selection as its widget value, as Streamlit 1.67's chart reports it: the
// value sent for point and interval selections, and when it is sent (click, drag, settle).
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { VegaLiteEvent } from "../../webview/src/core/types";
import {
  DEBOUNCE_MS,
  forgetSelections,
  nextEvent,
  reportedValue,
  runtimeValue,
  specForSelections,
  watchSelections,
  type SelectionView,
} from "../../webview/src/data/vegaSelection";

type Handler = (name: string, value: unknown) => void;

/** A vega view's signals: `fire` is vega changing a selection's signal. */
class FakeView implements SelectionView {
  handlers = new Map<string, Handler[]>();
  state: unknown = undefined;
  addSignalListener(name: string, handler: Handler): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }
  removeSignalListener(name: string, handler: Handler): void {
    this.handlers.set(
      name,
      (this.handlers.get(name) ?? []).filter((h) => h !== handler),
    );
  }
  getState(): unknown {
    return { data: { stored: true } };
  }
  setState(state: unknown): void {
    this.state = state;
  }
  runAsync(): Promise<unknown> {
    return Promise.resolve(this);
  }
  fire(name: string, value: unknown): void {
    for (const h of this.handlers.get(name) ?? []) h(name, value);
  }
}

const POINT_SIGNAL = { c: ["y"], vlPoint: { or: [{ a: 2, b: 5, c: "y" }] } };
const INTERVAL_SIGNAL = { a: [1.5, 2.5], b: [4.2, 5.9] };

describe("the value sent", () => {
  test("a point selection is its list of selected points, an interval its ranges", () => {
    expect(reportedValue(POINT_SIGNAL)).toEqual([{ a: 2, b: 5, c: "y" }]);
    expect(reportedValue(INTERVAL_SIGNAL)).toEqual(INTERVAL_SIGNAL);
    expect(reportedValue({})).toEqual({});
    expect(reportedValue(null)).toEqual({});
  });

  test("each report merges into the last one sent (parameters appear once reported)", () => {
    const first = nextEvent(undefined, new Map([["point_selection", POINT_SIGNAL]]));
    expect(first).toEqual({ selection: { point_selection: [{ a: 2, b: 5, c: "y" }] } });
    const second = nextEvent(first, new Map([["interval_selection", INTERVAL_SIGNAL]]));
    expect(second).toEqual({
      selection: { point_selection: [{ a: 2, b: 5, c: "y" }], interval_selection: INTERVAL_SIGNAL },
    });
    expect(nextEvent(second, new Map([["point_selection", {}]])).selection.point_selection).toEqual(
      {},
    );
  });

  test("point selections without encodings or fields select by the chart's encodings", () => {
    const spec = {
      mark: "point",
      encoding: { x: { field: "a" }, y: { field: "b" } },
      params: [
        { name: "p", select: "point" },
        { name: "q", select: { type: "point", fields: ["a"] } },
        { name: "i", select: "interval" },
        { name: "v", value: 3 },
      ],
    };
    expect(specForSelections(spec).params).toEqual([
      { name: "p", select: { type: "point", encodings: ["x", "y"] } },
      { name: "q", select: { type: "point", fields: ["a"] } },
      { name: "i", select: { type: "interval" } },
      { name: "v", value: 3 },
    ]);
    expect(spec.params[0]).toEqual({ name: "p", select: "point" }); // not changed in place
  });
});

describe("when it is sent", () => {
  let view: FakeView;
  let container: HTMLElement;
  let sent: VegaLiteEvent[];
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    forgetSelections();
    view = new FakeView();
    container = document.createElement("div");
    container.appendChild(document.createElement("svg"));
    document.body.appendChild(container);
    sent = [];
    stop = watchSelections(
      "chart",
      view,
      container,
      ["interval_selection", "point_selection"],
      (e) => sent.push(e),
    );
  });
  afterEach(() => {
    stop();
    container.remove();
    vi.useRealTimers();
  });

  test("a click's selection goes at once", () => {
    container.firstChild!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    view.fire("point_selection", POINT_SIGNAL);
    expect(sent).toEqual([{ selection: { point_selection: [{ a: 2, b: 5, c: "y" }] } }]);
  });

  test("a drag's selection goes once, when the pointer is released", async () => {
    const down = new MouseEvent("pointerdown", { bubbles: true, button: 0 });
    Object.defineProperty(down, "isPrimary", { value: true });
    container.firstChild!.dispatchEvent(down);
    view.fire("interval_selection", { a: [1, 1.2], b: [4, 4.1] });
    view.fire("interval_selection", INTERVAL_SIGNAL);
    vi.advanceTimersByTime(DEBOUNCE_MS * 3);
    expect(sent).toEqual([]);
    window.dispatchEvent(new MouseEvent("pointerup"));
    await vi.runAllTimersAsync();
    expect(sent).toEqual([{ selection: { interval_selection: INTERVAL_SIGNAL } }]);
  });

  test("other changes settle first; an unchanged selection is not sent again", () => {
    view.fire("interval_selection", { a: [0, 1] });
    view.fire("interval_selection", INTERVAL_SIGNAL);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(sent).toEqual([{ selection: { interval_selection: INTERVAL_SIGNAL } }]);
    view.fire("interval_selection", INTERVAL_SIGNAL);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
  });

  test("a pending change is sent on teardown, and the chart's selections restored when embedded again", () => {
    view.fire("point_selection", POINT_SIGNAL);
    stop();
    expect(sent).toHaveLength(1);
    const again = new FakeView();
    stop = watchSelections("chart", again, container, ["point_selection"], (e) => sent.push(e));
    expect(again.state).toEqual({ data: { stored: true } });
    expect(again.handlers.get("point_selection")).toHaveLength(1);
  });

  test("after a form cleared the selection, the next report starts from the empty one", () => {
    container.firstChild!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    view.fire("point_selection", POINT_SIGNAL);
    const empty = { selection: { interval_selection: {}, point_selection: {} } };
    runtimeValue("chart", sent[0], ["interval_selection", "point_selection"]); // a rerun: kept
    runtimeValue("chart", empty, ["interval_selection", "point_selection"]); // cleared
    view.fire("interval_selection", INTERVAL_SIGNAL);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(sent[1]).toEqual({
      selection: { interval_selection: INTERVAL_SIGNAL, point_selection: {} },
    });
  });
});
