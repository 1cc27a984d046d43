import { afterEach, describe, expect, it, vi } from "vitest";
import type { Interpreter } from "../../extension/src/python";
import {
  describeStatus,
  formatMs,
  SHOW_RUNNING_AFTER_MS,
  StatusBar,
} from "../../extension/src/statusBar";
import { stub } from "./vscode_stub";

const python: Interpreter = {
  command: "/v/bin/python",
  source: "setting",
  reason: "set in sidepane.pythonPath",
};
const running = { kind: "running" as const, interpreter: python };

describe("describeStatus", () => {
  it("shows the last run's time and which interpreter runs it", () => {
    const view = describeStatus(
      running,
      { session: "s", script: "/w/app.py", state: "idle", run: 4, ms: 12.4 },
      python,
    );
    expect(view.text).toBe("$(check) Sidepane 12 ms");
    expect(view.tooltip).toContain("app.py: run 4 took 12 ms");
    expect(view.tooltip).toContain("Python: /v/bin/python (set in sidepane.pythonPath)");
    expect(view.tone).toBe("normal");
  });

  it("shows a run in progress and an error", () => {
    expect(
      describeStatus(running, { session: "s", script: "/w/a.py", state: "running", run: 5 }, python)
        .text,
    ).toBe("$(sync~spin) Sidepane: running");
    const error = describeStatus(
      running,
      { session: "s", script: "/w/a.py", state: "error", run: 6, ms: 3 },
      python,
    );
    expect(error.text).toBe("$(error) Sidepane: error 3.0 ms");
    expect(error.tone).toBe("error");
  });

  it("shows a server that is down or blocked", () => {
    const problem = { message: "The Sidepane server stopped; restarting in 1 s." };
    expect(describeStatus({ kind: "down", problem, retryInMs: 1000 }, undefined, python).tone).toBe(
      "warning",
    );
    const blocked = describeStatus(
      {
        kind: "blocked",
        problem: { message: "No sidepane" },
        interpreter: python,
        check: { kind: "broken", detail: "" },
      },
      undefined,
      python,
    );
    expect(blocked.text).toBe("$(error) Sidepane: not running");
    expect(blocked.tooltip).toContain("No sidepane");
  });
});

describe("formatMs", () => {
  it("keeps a decimal below 10 ms", () => {
    expect([0.42, 3, 9.96, 12.4, 1234.5].map(formatMs)).toEqual([
      "0.4",
      "3.0",
      "10.0",
      "12",
      "1235",
    ]);
  });
});

describe("StatusBar", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const run = (state: "running" | "idle", n: number, ms?: number) => ({
    session: "s",
    script: "/w/app.py",
    state,
    run: n,
    ms,
  });

  function bar(): { status: StatusBar; texts: string[] } {
    vi.useFakeTimers();
    const status = new StatusBar("sidepane.showLog");
    status.setServer(running);
    const item = stub.statusItems.at(-1)!;
    return { status, texts: item.texts };
  }

  it("goes straight from one run's time to the next when a rerun is quick", () => {
    const { status, texts } = bar();
    status.setRun(run("running", 1));
    vi.advanceTimersByTime(5);
    status.setRun(run("idle", 1, 0.7));
    status.setRun(run("running", 2));
    status.setRun(run("idle", 2, 0.8));
    vi.advanceTimersByTime(SHOW_RUNNING_AFTER_MS * 2);
    expect(texts.slice(1)).toEqual(["$(check) Sidepane 0.7 ms", "$(check) Sidepane 0.8 ms"]);
    status.dispose();
  });

  it("shows a slow run as running once it has taken a while", () => {
    const { status, texts } = bar();
    status.setRun(run("running", 3));
    vi.advanceTimersByTime(SHOW_RUNNING_AFTER_MS - 1);
    expect(texts.at(-1)).toBe("$(check) Sidepane");
    vi.advanceTimersByTime(1);
    expect(texts.at(-1)).toBe("$(sync~spin) Sidepane: running");
    status.setRun(run("idle", 3, 1500));
    expect(texts.at(-1)).toBe("$(check) Sidepane 1500 ms");
    status.dispose();
  });
});
