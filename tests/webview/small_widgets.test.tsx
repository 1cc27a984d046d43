import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { ElementPropsMap, Props } from "../../webview/src/core/types";
import { joinDateTime } from "../../webview/src/widgets/datetime_input";
import { todayIso } from "../../webview/src/widgets/dateFormat";
import "../../webview/src/widgets/index";
import { pageCap, pagesThatFit, visiblePages } from "../../webview/src/widgets/pagination";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

afterEach(() => {
  document.body.innerHTML = "";
});

function mount<T extends keyof ElementPropsMap>(type: T, props: ElementPropsMap[T]) {
  const { store, sent } = recordingStore();
  runStart(store, 1);
  upsert(store, 1, ["main", 0], type, props as unknown as Props);
  runEnd(store, 1);
  const root = document.createElement("div");
  document.body.appendChild(root);
  act(() => render(<NodeView nodeKey="main/0" store={store} />, root));
  return { store, sent, root };
}

function key(target: Element, k: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  });
}

const click = (el: Element) => act(() => (el as HTMLElement).click());
const focused = () => document.activeElement as HTMLElement | null;

describe("link_button", () => {
  it("is a link to the URL in a new tab, sending nothing without an id", () => {
    const { root, sent } = mount("link_button", {
      url: "https://example.com/a",
      label: "**Docs**",
      kind: "primary",
      icon: "🔗",
      icon_position: "right",
      width: "stretch",
      help: "Opens the docs",
    });
    const a = root.querySelector<HTMLAnchorElement>("a.sp-link-button")!;
    expect(a.getAttribute("href")).toBe("https://example.com/a");
    expect(a.target).toBe("_blank");
    expect(a.rel).toBe("noopener noreferrer");
    expect(a.classList.contains("sp-button-primary")).toBe(true);
    expect(a.querySelector("strong")?.textContent).toBe("Docs");
    expect(a.lastElementChild?.textContent).toBe("🔗"); // the icon on the right
    expect(root.querySelector(".sp-stretch")).not.toBeNull();
    expect(root.querySelector(".sp-helptip")).not.toBeNull();
    // jsdom does not navigate; the click only must not send anything.
    a.addEventListener("click", (e) => e.preventDefault());
    click(a);
    expect(sent).toEqual([]);
  });

  it("also sends a one-run click when it reruns the app", () => {
    const { root, sent } = mount("link_button", {
      id: "lb",
      url: "https://example.com",
      label: "Go",
      kind: "secondary",
      value: false,
      width: 150,
    });
    const a = root.querySelector<HTMLAnchorElement>("a")!;
    expect(a.style.width).toBe("150px");
    a.addEventListener("click", (e) => e.preventDefault());
    click(a);
    expect(sent).toEqual([{ t: "widget_value", id: "lb", value: true, run: 1 }]);
  });

  it("has no link and sends nothing when disabled", () => {
    const { root, sent } = mount("link_button", {
      id: "lb",
      url: "https://example.com",
      label: "Go",
      kind: "secondary",
      value: false,
      disabled: true,
    });
    const a = root.querySelector<HTMLAnchorElement>("a")!;
    expect(a.hasAttribute("href")).toBe(false);
    expect(a.getAttribute("aria-disabled")).toBe("true");
    click(a);
    expect(sent).toEqual([]);
  });
});

describe("menu_button", () => {
  const base = {
    id: "m",
    label: "Export",
    kind: "secondary" as const,
    options: ["CSV", "JSON", "*PDF*"],
    value: null,
  };

  it("opens a menu, chooses with the keyboard and sends the option's index", () => {
    const { root, sent } = mount("menu_button", base);
    const button = root.querySelector<HTMLButtonElement>("button[aria-haspopup=menu]")!;
    expect(button.getAttribute("aria-expanded")).toBe("false");
    act(() => button.focus());
    key(button, "ArrowDown");
    const menu = root.querySelector("[role=menu]")!;
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const items = [...menu.querySelectorAll("[role=menuitem]")];
    expect(items.map((i) => i.textContent)).toEqual(["CSV", "JSON", "PDF"]);
    expect(items[2]?.querySelector("em")).not.toBeNull();
    expect(focused()).toBe(items[0]);
    key(focused()!, "ArrowDown");
    expect(focused()?.textContent).toBe("JSON");
    key(focused()!, "ArrowUp");
    key(focused()!, "ArrowUp"); // wraps to the last
    expect(focused()?.textContent).toBe("PDF");
    key(focused()!, "Enter");
    expect(sent).toEqual([{ t: "widget_value", id: "m", value: 2, run: 1 }]);
    expect(root.querySelector("[role=menu]")).toBeNull();
    expect(focused()).toBe(button);
  });

  it("sends the first option's index 0 on a click, and nothing when closed unchosen", () => {
    const { root, sent } = mount("menu_button", { ...base, icon: "📤", width: "stretch" });
    const button = root.querySelector<HTMLButtonElement>("button")!;
    expect(button.textContent).toContain("📤");
    click(button);
    key(root.querySelector("[role=menuitem]")!, "Escape");
    expect(root.querySelector("[role=menu]")).toBeNull();
    expect(sent).toEqual([]);
    click(button);
    click(root.querySelector("[role=menuitem]")!);
    expect(sent).toEqual([{ t: "widget_value", id: "m", value: 0, run: 1 }]);
  });

  it("does not open when disabled", () => {
    const { root } = mount("menu_button", { ...base, disabled: true });
    const button = root.querySelector<HTMLButtonElement>("button")!;
    expect(button.disabled).toBe(true);
    click(button);
    expect(root.querySelector("[role=menu]")).toBeNull();
  });
});

describe("pagination", () => {
  it("numbers a window of pages between the first and the last", () => {
    expect(visiblePages(1, 5, 7)).toEqual([1, 2, 3, 4, 5]);
    expect(visiblePages(1, 20, 7)).toEqual([1, 2, 3, 4, 5, 6, "gap-after", 20]);
    expect(visiblePages(10, 20, 7)).toEqual([1, "gap-before", 8, 9, 10, 11, 12, "gap-after", 20]);
    expect(visiblePages(20, 20, 7)).toEqual([1, "gap-before", 15, 16, 17, 18, 19, 20]);
    expect(visiblePages(4, 9, undefined)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(visiblePages(4, 9, 0)).toEqual([]);
    expect(visiblePages(5, 9, 1)).toEqual([1, "gap-before", 5, "gap-after", 9]);
  });

  it("numbers fewer pages when the row is narrow, never fewer than three", () => {
    expect(pagesThatFit(0)).toBeUndefined(); // not measured yet
    expect(pagesThatFit(1000)).toBe(21);
    expect(pagesThatFit(300)).toBe(4);
    expect(pagesThatFit(100)).toBe(3);
    expect(pageCap(7, undefined)).toBe(7);
    expect(pageCap(7, 4)).toBe(4);
    expect(pageCap(7, 22)).toBe(7);
    expect(pageCap(undefined, 4)).toBe(4);
    expect(pageCap(0, 4)).toBe(0);
  });

  it("sends the page clicked, and steps with the arrows", () => {
    const { root, sent } = mount("pagination", {
      id: "p",
      label: "",
      num_pages: 20,
      max_visible_pages: 7,
      value: 10,
    });
    const current = root.querySelector("[aria-current=page]")!;
    expect(current.textContent).toBe("10");
    expect(root.querySelectorAll(".sp-page-gap")).toHaveLength(2);
    click(root.querySelector("[aria-label='Page 12']")!);
    expect(sent.at(-1)).toEqual({ t: "widget_value", id: "p", value: 12, run: 1 });
    // The new page shows at once, before the rerun's frame.
    expect(root.querySelector("[aria-current=page]")?.textContent).toBe("12");
    click(root.querySelector("[aria-label='Next page']")!);
    expect(sent.at(-1)).toEqual({ t: "widget_value", id: "p", value: 13, run: 1 });
    click(root.querySelector("[aria-label='Page 20']")!);
    const next = root.querySelector<HTMLButtonElement>("[aria-label='Next page']")!;
    expect(next.disabled).toBe(true);
    expect(sent).toHaveLength(3);
  });

  it("shows only the arrows for max_visible_pages 0, and nothing works when disabled", () => {
    const { root, sent } = mount("pagination", {
      id: "p",
      label: "",
      num_pages: 3,
      max_visible_pages: 0,
      value: 1,
      disabled: true,
    });
    expect(root.querySelectorAll(".sp-page")).toHaveLength(2);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>("button")];
    expect(buttons.every((b) => b.disabled)).toBe(true);
    expect(sent).toEqual([]);
  });
});

describe("datetime_input", () => {
  const base = {
    id: "d",
    label: "When",
    min: "2025-01-01T08:00",
    max: "2025-12-31T18:00",
    step: 900,
    format: "DD/MM/YYYY",
  };

  it("joins a date and a time inside the bounds", () => {
    expect(joinDateTime("2025-03-04", "10:30", base.min, base.max)).toBe("2025-03-04T10:30");
    expect(joinDateTime("2025-01-01", "07:00", base.min, base.max)).toBe("2025-01-01T08:00");
    expect(joinDateTime("2025-12-31", "19:00:00", base.min, base.max)).toBe("2025-12-31T18:00");
  });

  it("shows the date in the script's format and the time, and keeps one on changing the other", () => {
    const { root, sent } = mount("datetime_input", { ...base, value: "2025-03-04T10:30" });
    const [dateField, timeField] = [...root.querySelectorAll<HTMLInputElement>("input")];
    expect(dateField!.value).toBe("04/03/2025");
    expect(timeField!.value).toBe("10:30");
    expect(root.querySelector("label")?.getAttribute("for")).toBe(dateField!.id);
    expect(timeField!.getAttribute("aria-label")).toBe("When, time");
    act(() => {
      dateField!.value = "05/03/2025";
      dateField!.dispatchEvent(new InputEvent("input", { bubbles: true }));
    });
    key(dateField!, "Enter");
    expect(sent.at(-1)).toEqual({ t: "widget_value", id: "d", value: "2025-03-05T10:30", run: 1 });
    act(() => {
      timeField!.focus();
      timeField!.value = "11:15";
      timeField!.dispatchEvent(new InputEvent("input", { bubbles: true }));
    });
    key(timeField!, "Enter");
    expect(sent.at(-1)).toEqual({ t: "widget_value", id: "d", value: "2025-03-05T11:15", run: 1 });
  });

  it("starts an empty value at 00:00 or today, and clears when clearable", () => {
    const { root, sent } = mount("datetime_input", {
      ...base,
      min: "2000-01-01T00:00",
      max: "2100-01-01T00:00",
      clearable: true,
      value: null,
    });
    const [dateField, timeField] = [...root.querySelectorAll<HTMLInputElement>("input")];
    expect(dateField!.value).toBe("");
    act(() => {
      timeField!.focus();
      timeField!.value = "09:45";
      timeField!.dispatchEvent(new InputEvent("input", { bubbles: true }));
    });
    key(timeField!, "Enter");
    expect(sent.at(-1)).toEqual({
      t: "widget_value",
      id: "d",
      value: `${todayIso()}T09:45`,
      run: 1,
    });
    click(root.querySelector("[aria-label='Clear date']")!);
    expect(sent.at(-1)).toEqual({ t: "widget_value", id: "d", value: null, run: 1 });
  });
});
