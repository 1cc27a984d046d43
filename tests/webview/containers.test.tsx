// st.popover, st.bottom, and the 1.67 options and state of containers, expanders and tabs:
// drawn from the declared props, and (stateful ones) sending the person's change as a widget.
import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it } from "vitest";
import { BottomSlot } from "../../webview/src/blocks/bottom";
import { containerStyle } from "../../webview/src/blocks/layout";
import "../../webview/src/blocks/layout";
import "../../webview/src/blocks/popover";
import "../../webview/src/elements/markdown";
import "../../webview/src/widgets/chat_input";
import "../../webview/src/widgets/buttons";
import "../../webview/src/widgets/text";
import { NodeView } from "../../webview/src/core/Node";
import type { Store } from "../../webview/src/core/store";
import type { PropsOf, ViewerFrame } from "../../webview/src/core/types";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

function mount(store: Store, key: string): HTMLElement {
  const root = document.createElement("div");
  document.body.appendChild(root);
  act(() => render(<NodeView nodeKey={key} store={store} />, root));
  return root;
}

function click(el: Element | null): void {
  if (!el) throw new Error("nothing to click");
  act(() => (el as HTMLElement).click());
}

function widgetValues(sent: ViewerFrame[]): unknown[] {
  return sent.flatMap((f) => (f.t === "widget_value" ? [f.value] : []));
}

describe("container options", () => {
  const style = (p: PropsOf<"container">) => containerStyle(p);

  it("a row spaces by the gap and aligns along and across it as Streamlit does", () => {
    const row = style({ horizontal: true, horizontal_alignment: "distribute" });
    expect(row.gap).toBe("1rem"); // a row's default gap: small
    expect(row.justifyContent).toBe("space-between");
    expect(style({ horizontal: true, vertical_alignment: "distribute" }).alignItems).toBe(
      "stretch",
    );
    expect(style({ horizontal: true, vertical_alignment: "bottom" }).alignItems).toBe("flex-end");
  });

  it("a column aligns its children across by horizontal_alignment", () => {
    const col = style({ vertical_alignment: "center", horizontal_alignment: "right", gap: 12 });
    expect(col.justifyContent).toBe("center");
    expect(col.alignItems).toBe("flex-end");
    expect(col.gap).toBe("12px");
    expect(style({ gap: null }).gap).toBe("0");
    expect(style({}).gap).toBeUndefined(); // no gap set: the usual element margins
  });

  it("width content or pixels, height stretch", () => {
    expect(style({ width: "content" }).width).toBe("fit-content");
    expect(style({ width: 300 }).width).toBe("300px");
    expect(style({ height: "stretch" })).toMatchObject({ flex: "1 1 auto", alignSelf: "stretch" });
    expect(style({ height: 150 }).overflowY).toBe("auto");
  });

  it("a fixed-height container follows new chat messages when autoscroll is absent", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "container", { height: 100, border: true });
    const root = mount(store, "main/0");
    const box = root.querySelector<HTMLElement>(".sp-container")!;
    Object.defineProperty(box, "scrollHeight", { configurable: true, value: 900 });
    Object.defineProperty(box, "clientHeight", { configurable: true, value: 100 });
    upsert(store, 1, ["main", 0, 0], "markdown", { body: "plain" });
    expect(box.scrollTop).toBe(0); // no chat messages: it stays put
    const message = document.createElement("div");
    message.className = "sp-chat-message";
    act(() => {
      box.appendChild(message);
    });
    return new Promise<void>((done) =>
      setTimeout(() => {
        expect(box.scrollTop).toBe(900);
        done();
      }, 0),
    );
  });
});

describe("icons", () => {
  it('"spinner" is drawn as a spinner wherever an icon is (expander, popover)', () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "expander", { label: "E", expanded: false, icon: "spinner" });
    upsert(store, 1, ["main", 1], "popover", { label: "P", icon: "spinner" });
    for (const key of ["main/0", "main/1"]) {
      const root = mount(store, key);
      expect(root.querySelector(".sp-spinner-wheel")).not.toBeNull();
      expect(root.textContent).not.toContain("spinner");
    }
  });
});

describe("keyed blocks", () => {
  it("carry Streamlit's st-key-<key> class on their own box", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "container", { key: "my box!" });
    upsert(store, 1, ["main", 1], "expander", { label: "E", expanded: false, key: "ex" });
    upsert(store, 1, ["main", 2], "popover", { label: "P", key: "pop" });
    upsert(store, 1, ["main", 3], "tabs", { labels: ["A"], key: "t" });
    expect(mount(store, "main/0").querySelector(".sp-container.st-key-my-box-")).not.toBeNull();
    expect(mount(store, "main/1").querySelector(".sp-expander.st-key-ex")).not.toBeNull();
    expect(mount(store, "main/2").querySelector(".sp-popover.st-key-pop")).not.toBeNull();
    expect(mount(store, "main/3").querySelector(".sp-tabs.st-key-t")).not.toBeNull();
    upsert(store, 1, ["main", 4], "container", {});
    expect(mount(store, "main/4").querySelector(".sp-container")!.className).toBe("sp-container");
  });
});

describe("popover", () => {
  const POP = { label: "Settings", kind: "primary" as const, help: "More" };

  it("a button that opens a panel holding the children, drawn while closed too", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "popover", POP);
    upsert(store, 1, ["main", 0, 0], "markdown", { body: "inside" });
    const root = mount(store, "main/0");
    const button = root.querySelector<HTMLButtonElement>(".sp-popover-button")!;
    const panel = root.querySelector<HTMLElement>(".sp-popover-panel")!;
    expect(button.classList.contains("sp-button-primary")).toBe(true);
    expect(root.querySelector(".sp-helptip")).not.toBeNull();
    expect(panel.hidden).toBe(true);
    expect(panel.textContent).toContain("inside"); // mounted while closed
    click(button);
    expect(panel.hidden).toBe(false);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    // Escape closes it and gives the focus back to the button.
    act(() => {
      panel.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
    click(button);
    // A press outside closes it; one inside does not.
    act(() => {
      panel.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    });
    expect(panel.hidden).toBe(false);
    act(() => {
      document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    });
    expect(panel.hidden).toBe(true);
    expect(sent).toEqual([]); // not stateful: nothing sent
  });

  it("opened by a click, it moves the focus to the first control inside", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "popover", { label: "P" });
    upsert(store, 1, ["main", 0, 0], "text_input", {
      id: "t",
      label: "Name",
      value: "Ada",
      max_chars: 0,
    });
    const root = mount(store, "main/0");
    click(root.querySelector(".sp-popover-button"));
    expect(document.activeElement).toBe(root.querySelector(".sp-popover-panel input"));
  });

  it("Escape in a widget whose list is open inside closes that list, not the panel", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "popover", { label: "P" });
    const root = mount(store, "main/0");
    click(root.querySelector(".sp-popover-button"));
    const panel = root.querySelector<HTMLElement>(".sp-popover-panel")!;
    const combo = document.createElement("input");
    combo.setAttribute("role", "combobox");
    combo.setAttribute("aria-expanded", "true");
    panel.appendChild(combo);
    const escape = () =>
      act(() => {
        combo.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
      });
    escape();
    expect(panel.hidden).toBe(false);
    combo.setAttribute("aria-expanded", "false");
    escape();
    expect(panel.hidden).toBe(true);
  });

  it("a stateful popover sends its open state and follows the run's value", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "popover", { label: "P", id: "pop", value: false });
    runEnd(store, 1);
    const root = mount(store, "main/0");
    click(root.querySelector(".sp-popover-button"));
    expect(widgetValues(sent)).toEqual([true]);
    expect(root.querySelector<HTMLElement>(".sp-popover-panel")!.hidden).toBe(false);
    runStart(store, 2);
    upsert(store, 2, ["main", 0], "popover", { label: "P", id: "pop", value: true });
    runEnd(store, 2);
    click(root.querySelector(".sp-popover-button"));
    expect(widgetValues(sent)).toEqual([true, false]);
  });

  it("a disabled popover does not open", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "popover", { label: "P", disabled: true, width: "stretch" });
    const root = mount(store, "main/0");
    click(root.querySelector(".sp-popover-button"));
    expect(root.querySelector<HTMLElement>(".sp-popover-panel")!.hidden).toBe(true);
    expect(root.querySelector(".sp-button-row.sp-stretch")).not.toBeNull();
  });
});

describe("stateful expander and tabs", () => {
  it("an expander with an id sends open/closed; without one it keeps it locally", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "expander", {
      label: "E",
      expanded: false,
      id: "ex",
      value: false,
    });
    upsert(store, 1, ["main", 1], "expander", { label: "Local", expanded: false });
    const root = mount(store, "main/0");
    click(root.querySelector(".sp-expander-head"));
    expect(widgetValues(sent)).toEqual([true]);
    expect(root.querySelector<HTMLElement>(".sp-expander-body")!.hidden).toBe(false);
    const local = mount(store, "main/1");
    click(local.querySelector(".sp-expander-head"));
    expect(local.querySelector<HTMLElement>(".sp-expander-body")!.hidden).toBe(false);
    expect(widgetValues(sent)).toEqual([true]);
  });

  it("a plain expander follows the script's expanded, and keeps the person's choice otherwise", () => {
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "expander", { label: "E", expanded: false });
    const root = mount(store, "main/0");
    const body = () => root.querySelector<HTMLElement>(".sp-expander-body")!;
    click(root.querySelector(".sp-expander-head"));
    expect(body().hidden).toBe(false);
    act(() =>
      upsert(store, 2, ["main", 0], "expander", { label: "E", expanded: false, icon: "🔥" }),
    );
    expect(body().hidden).toBe(false); // the person's choice stays
    act(() => upsert(store, 3, ["main", 0], "expander", { label: "E", expanded: true }));
    act(() => upsert(store, 4, ["main", 0], "expander", { label: "E", expanded: false }));
    expect(body().hidden).toBe(true); // the script closed it
    act(() => upsert(store, 5, ["main", 0], "expander", { label: "F", expanded: true }));
    expect(body().hidden).toBe(false); // another expander in its place: its own state
  });

  it("stateful tabs send the chosen label and show the run's choice", () => {
    const { store, sent } = recordingStore();
    upsert(store, 1, ["main", 0], "tabs", {
      labels: ["Cat", "Dog"],
      default: 1,
      id: "tb",
      value: "Dog",
      width: 300,
    });
    upsert(store, 1, ["main", 0, 0], "tab", { label: "Cat" });
    upsert(store, 1, ["main", 0, 1], "tab", { label: "Dog" });
    const root = mount(store, "main/0");
    const selected = () => root.querySelector("[aria-selected=true]")?.textContent;
    expect(selected()).toBe("Dog");
    expect(root.querySelector<HTMLElement>(".sp-tabs")!.style.width).toBe("300px");
    const tabs = root.querySelectorAll("[role=tab]");
    click(tabs[1]!); // already chosen: nothing sent
    click(tabs[0]!);
    expect(widgetValues(sent)).toEqual(["Cat"]);
    expect(selected()).toBe("Cat");
  });
});

describe("bottom root", () => {
  it("draws the bottom root's elements in the slot, and nothing while it is empty", () => {
    const { store } = recordingStore();
    const host = document.createElement("div");
    document.body.appendChild(host);
    act(() => render(<BottomSlot store={store} />, host));
    const slot = host.querySelector<HTMLElement>("#sp-bottom")!;
    expect(slot.childElementCount).toBe(0);
    act(() => {
      upsert(store, 1, ["bottom", 0], "markdown", { body: "pinned" });
      upsert(store, 1, ["bottom", 1], "chat_input", {
        id: "c",
        label: "",
        placeholder: "Say",
        value: null,
      });
    });
    expect(slot.textContent).toContain("pinned");
    expect(slot.querySelector("textarea")).not.toBeNull();
    act(() => render(null, host));
    host.remove();
  });
});
