// core/lazy.ts: one way to load a large library and draw with it (vega, deck.gl, echarts,
// Graphviz, mermaid, pdf.js use it).
import { useRef } from "preact/hooks";
import { describe, expect, test, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { lazyModule, useLazyRender, type Drawn } from "../../webview/src/core/lazy";

describe("lazyModule", () => {
  test("loads once for every caller, and again after a failed load", async () => {
    let calls = 0;
    const load = lazyModule(async () => {
      calls += 1;
      if (calls === 1) throw new Error("offline");
      return { n: calls };
    });
    await expect(load()).rejects.toThrow("offline");
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(calls).toBe(2);
  });
});

interface Probe {
  spec: string;
  draw: (lib: string, el: HTMLElement, active: () => boolean) => Promise<Drawn>;
  load: () => Promise<string>;
  unmount?: (lib: string, el: HTMLElement) => void;
  enabled?: boolean;
}

let shown: { error: string | null; drawn: boolean } = { error: null, drawn: false };

function Chart({ spec, draw, load, unmount, enabled }: Probe) {
  const host = useRef<HTMLDivElement>(null);
  shown = useLazyRender(load, host, draw, [spec], { enabled, unmount });
  return <div ref={host} />;
}

function setup() {
  const root = document.createElement("div");
  document.body.appendChild(root);
  return {
    show: (props: Probe) => act(() => render(<Chart {...props} />, root)),
    gone: () => act(() => render(null, root)),
  };
}

describe("useLazyRender", () => {
  test("draws when the inputs change, undoing the last drawing first and on unmount", async () => {
    const log: string[] = [];
    const load = lazyModule(async () => "lib");
    const draw = vi.fn(async (lib: string, el: HTMLElement) => {
      el.textContent = `${lib}:${log.length}`;
      log.push("draw");
      return () => log.push("undo");
    });
    const unmount = vi.fn();
    const { show, gone } = setup();
    show({ spec: "a", draw, load, unmount });
    await vi.waitFor(() => expect(shown.drawn).toBe(true));
    show({ spec: "b", draw, load, unmount });
    await vi.waitFor(() => expect(log).toEqual(["draw", "undo", "draw"]));
    show({ spec: "b", draw, load, unmount });
    expect(draw).toHaveBeenCalledTimes(2);
    gone();
    expect(log).toEqual(["draw", "undo", "draw", "undo"]);
    expect(unmount).toHaveBeenCalledWith("lib", expect.any(HTMLElement));
  });

  test("a drawing superseded while it runs is undone as soon as it returns", async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const undone: string[] = [];
    const load = lazyModule(async () => "lib");
    const { show } = setup();
    show({
      spec: "first",
      load,
      draw: async (_lib, _el, active) => {
        started = true;
        await slow;
        return () => undone.push(`first, current: ${active()}`);
      },
    });
    await vi.waitFor(() => expect(started).toBe(true));
    show({ spec: "second", load, draw: async () => () => undone.push("second") });
    await vi.waitFor(() => expect(shown.drawn).toBe(true));
    expect(undone).toEqual([]);
    release();
    await vi.waitFor(() => expect(undone).toEqual(["first, current: false"]));
    expect(shown.drawn).toBe(true);
  });

  test("a library that cannot load, or a drawing that throws, is an error to show", async () => {
    const { show } = setup();
    show({
      spec: "a",
      load: () => Promise.reject(new Error("chunk failed")),
      draw: async () => undefined,
    });
    await vi.waitFor(() => expect(shown.error).toBe("chunk failed"));
    show({
      spec: "b",
      load: async () => "lib",
      draw: async () => {
        throw new Error("bad spec");
      },
    });
    await vi.waitFor(() => expect(shown.error).toBe("bad spec"));
  });

  test("waits while not enabled, keeping the last drawing (a chart in a hidden tab)", async () => {
    const load = vi.fn(async () => "lib");
    const undone: string[] = [];
    const draw = async (_lib: string, el: HTMLElement) => {
      el.textContent = "drawn";
      return () => undone.push("undo");
    };
    const { show, gone } = setup();
    show({ spec: "a", load, draw, enabled: false });
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
    show({ spec: "a", load, draw, enabled: true });
    await vi.waitFor(() => expect(shown.drawn).toBe(true));
    show({ spec: "a", load, draw, enabled: false });
    await Promise.resolve();
    expect(undone).toEqual([]);
    gone();
    expect(undone).toEqual(["undo"]);
  });
});
