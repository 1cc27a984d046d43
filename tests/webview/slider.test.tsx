import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import "../../webview/src/widgets/slider";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

describe("slider", () => {
  it("ArrowRight sends a widget_value with the next value at once", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "slider", {
      id: "x",
      label: "x",
      label_visibility: "visible",
      disabled: false,
      value: 0.5,
      min: 0,
      max: 1,
      step: 0.1,
      format: "%0.2f",
      data_type: "float",
      range: false,
    });
    runEnd(store, 1);
    const root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root));
    const input = root.querySelector<HTMLInputElement>("input[type=range]")!;
    expect(root.querySelector(".sp-slider-value")?.textContent).toBe("0.50");
    act(() => {
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    });
    expect(sent).toEqual([{ t: "widget_value", id: "x", value: 0.6, run: 1 }]);
    expect(root.querySelector(".sp-slider-value")?.textContent).toBe("0.60");
    act(() => {
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
    });
    expect(sent[1]).toEqual({ t: "widget_value", id: "x", value: 0.5, run: 1 });
  });

  it("keeps the keys it uses from VS Code's keybindings (the window); passes others on", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "slider", {
      id: "k",
      label: "k",
      value: 5,
      min: 0,
      max: 10,
      step: 1,
      format: "%d",
      data_type: "int",
      range: false,
    });
    const root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root));
    const input = root.querySelector<HTMLInputElement>("input[type=range]")!;
    const seen: string[] = [];
    const onWindow = (e: KeyboardEvent) => seen.push(`${e.type} ${e.key}`);
    window.addEventListener("keydown", onWindow);
    window.addEventListener("keyup", onWindow);
    try {
      for (const key of ["ArrowRight", "Home", "a"]) {
        act(() => {
          input.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
          input.dispatchEvent(new KeyboardEvent("keyup", { key, bubbles: true }));
        });
      }
    } finally {
      window.removeEventListener("keydown", onWindow);
      window.removeEventListener("keyup", onWindow);
    }
    expect(seen).toEqual(["keydown a", "keyup a"]);
  });

  it("moves one thumb of a range slider", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "slider", {
      id: "r",
      label: "r",
      value: [2, 8],
      min: 0,
      max: 10,
      step: 1,
      format: "%d",
      data_type: "int",
      range: true,
    });
    const root = document.createElement("div");
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root));
    const [, hi] = root.querySelectorAll<HTMLInputElement>("input[type=range]");
    act(() => {
      hi!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    });
    expect(sent).toEqual([{ t: "widget_value", id: "r", value: [2, 9], run: 1 }]);
  });
});
