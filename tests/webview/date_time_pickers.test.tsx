import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { Props } from "../../webview/src/core/types";
import {
  addDays,
  addMonths,
  formatDate,
  formatTime,
  parseDate,
  parseTime,
  todayIso,
  weekday,
} from "../../webview/src/widgets/dateFormat";
import { readDates } from "../../webview/src/widgets/date_input";
import { normLabel, timeChoices } from "../../webview/src/widgets/time_input";
import "../../webview/src/widgets/pickers";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

afterEach(() => {
  document.body.innerHTML = "";
});

function mount(type: string, props: Props, form?: boolean) {
  const { store, sent } = recordingStore();
  runStart(store, 1);
  const path = form ? ["main", 0, 0] : ["main", 0];
  if (form) upsert(store, 1, ["main", 0], "form", { id: "f" });
  upsert(store, 1, path, type, {
    id: "w",
    label: "When",
    ...(form ? { form: "f" } : {}),
    ...props,
  });
  runEnd(store, 1);
  const root = document.createElement("div");
  document.body.appendChild(root);
  act(() => render(<NodeView nodeKey={path.join("/")} store={store} />, root));
  const input = root.querySelector<HTMLInputElement>("input")!;
  return { store, sent, root, input };
}

function key(target: Element, k: string, init: KeyboardEventInit = {}) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, ...init }));
  });
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.value = text;
    input.dispatchEvent(new InputEvent("input", { bubbles: true }));
  });
}

const dialog = (root: Element) => root.querySelector<HTMLElement>("[role=dialog]");
const focused = () => document.activeElement as HTMLElement | null;

describe("date and time formats", () => {
  it("formats and reads every separator and field order Streamlit allows", () => {
    for (const sep of ["/", ".", "-"]) {
      const fmts = ["YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY"].map((f) => f.replaceAll("/", sep));
      const [ymd, dmy, mdy] = fmts as [string, string, string];
      expect(formatDate("2024-03-05", ymd)).toBe(`2024${sep}03${sep}05`);
      expect(formatDate("2024-03-05", dmy)).toBe(`05${sep}03${sep}2024`);
      expect(formatDate("2024-03-05", mdy)).toBe(`03${sep}05${sep}2024`);
      for (const f of fmts) expect(parseDate(formatDate("2024-03-05", f), f)).toBe("2024-03-05");
    }
    expect(parseDate("5/3/2024", "DD/MM/YYYY")).toBe("2024-03-05");
    expect(parseDate("2024-03-05", "DD.MM.YYYY")).toBe("2024-03-05"); // ISO is always understood
    expect(parseDate("31/02/2024", "DD/MM/YYYY")).toBeNull();
    expect(parseDate("05/03/24", "DD/MM/YYYY")).toBeNull();
    expect(parseDate("tomorrow", "DD/MM/YYYY")).toBeNull();
    expect(parseDate("29/02/2023", "DD/MM/YYYY")).toBeNull();
    expect(parseDate("29/02/2024", "DD/MM/YYYY")).toBe("2024-02-29");
  });

  it("does calendar arithmetic", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2024-01-15", -13)).toBe("2022-12-15");
    expect(addDays("0050-06-01", 1)).toBe("0050-06-02"); // not 1950
    expect(weekday("2024-03-05")).toBe(2); // a Tuesday
    expect(weekday("2000-01-01")).toBe(6);
    expect(todayIso(new Date(2024, 6, 4, 23, 59))).toBe("2024-07-04");
  });

  it("formats and reads times", () => {
    expect(formatTime(13 * 3600 + 30 * 60, false, false)).toBe("13:30");
    expect(formatTime(13 * 3600 + 30 * 60, true, false)).toBe("1:30 PM");
    expect(formatTime(0, true, false)).toBe("12:00 AM");
    expect(formatTime(12 * 3600, true, false)).toBe("12:00 PM");
    expect(formatTime(9 * 3600 + 5 * 60 + 7, false, true)).toBe("09:05:07");
    expect(formatTime(9 * 3600 + 5 * 60 + 7, true, true)).toBe("9:05:07 AM");
    expect(parseTime("13:30")).toBe(13 * 3600 + 1800);
    expect(parseTime("1:30 pm")).toBe(13 * 3600 + 1800);
    expect(parseTime("1:30 P.M.")).toBe(13 * 3600 + 1800);
    expect(parseTime("12am")).toBe(0);
    expect(parseTime("0930")).toBe(9 * 3600 + 1800);
    expect(parseTime("9:05:07")).toBe(9 * 3600 + 307);
    expect(parseTime("24:00")).toBeNull();
    expect(parseTime("13 pm")).toBeNull();
    expect(parseTime("9:60")).toBeNull();
    expect(parseTime("noon")).toBeNull();
  });

  it("filters the time choices and offers a typed time first", () => {
    const all = Array.from({ length: 96 }, (_, i) => i * 900);
    const label = (t: number) => formatTime(t, false, false);
    const keys = (f: (t: number) => string) => () => all.map((t) => normLabel(f(t)));
    expect(timeChoices(all, "", keys(label), false).items).toHaveLength(96);
    expect(timeChoices(all, "13:", keys(label), false).items.map(label)).toEqual([
      "13:00",
      "13:15",
      "13:30",
      "13:45",
    ]);
    const typed = timeChoices(all, "13:20", keys(label), false);
    expect(typed.items.map(label)).toEqual(["13:20"]);
    expect(timeChoices(all, "9:3", keys(label), false).items.map(label)).toEqual(["09:30"]);
    const twelve = (t: number) => formatTime(t, true, false);
    expect(timeChoices(all, "1:30 p", keys(twelve), false).items.map(twelve)).toEqual(["1:30 PM"]);
  });

  it("checks typed dates against the format and the bounds", () => {
    const opts = { range: false, format: "DD/MM/YYYY", min: "2024-01-01", max: "2024-12-31" };
    expect(readDates("05/03/2024", opts)).toEqual({ dates: ["2024-03-05"] });
    expect(readDates("2024/03/05", opts)).toEqual({ error: "Enter a date as DD/MM/YYYY." });
    expect(readDates("05/03/2025", opts)).toEqual({
      error: "Choose a date between 01/01/2024 and 31/12/2024.",
    });
    const range = { ...opts, range: true };
    expect(readDates("05/03/2024 – 07/03/2024", range)).toEqual({
      dates: ["2024-03-05", "2024-03-07"],
    });
    expect(readDates("05/03/2024 - 07/03/2024", range)).toEqual({
      dates: ["2024-03-05", "2024-03-07"],
    });
    expect(readDates("05/03/2024 – ", range)).toEqual({ dates: ["2024-03-05"] });
    expect(readDates("07/03/2024 – 05/03/2024", range)).toEqual({
      error: "The start date is after the end date.",
    });
  });
});

describe("date_input", () => {
  const base = { min: "2014-03-05", max: "2034-03-05", range: false, format: "DD/MM/YYYY" };

  it("shows the value in the script's format and commits a typed date on Enter", () => {
    const { sent, input } = mount("date_input", { ...base, value: "2024-03-05" });
    expect(input.value).toBe("05/03/2024");
    expect(input.getAttribute("role")).toBe("combobox");
    expect(input.getAttribute("aria-haspopup")).toBe("dialog");
    type(input, "17/04/2024");
    expect(sent).toEqual([]);
    key(input, "Enter");
    expect(sent).toEqual([{ t: "widget_value", id: "w", value: "2024-04-17", run: 1 }]);
    expect(input.value).toBe("17/04/2024");
  });

  it("shows an error for a wrong or out-of-range date and sends nothing", () => {
    const { sent, input, root } = mount("date_input", { ...base, value: "2024-03-05" });
    type(input, "2024/04/17");
    key(input, "Enter");
    expect(sent).toEqual([]);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(root.querySelector("[role=alert]")?.textContent).toBe("Enter a date as DD/MM/YYYY.");
    type(input, "01/01/2040");
    act(() => {
      input.dispatchEvent(new FocusEvent("blur"));
    });
    expect(sent).toEqual([]);
    expect(root.querySelector("[role=alert]")?.textContent).toContain("between 05/03/2014");
    key(input, "Escape");
    expect(input.value).toBe("05/03/2024");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
  });

  it("picks a day with the keyboard in the calendar", () => {
    const { sent, input, root } = mount("date_input", { ...base, value: "2024-03-05" });
    act(() => input.focus());
    key(input, "ArrowDown", { altKey: true });
    const dlg = dialog(root)!;
    expect(dlg).not.toBeNull();
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(dlg.querySelector("[role=grid]")).not.toBeNull();
    expect(dlg.textContent).toContain("March 2024");
    expect(focused()?.dataset.date).toBe("2024-03-05");
    expect(focused()?.getAttribute("aria-selected")).toBe("true");
    key(focused()!, "ArrowRight");
    expect(focused()?.dataset.date).toBe("2024-03-06");
    key(focused()!, "ArrowDown");
    expect(focused()?.dataset.date).toBe("2024-03-13");
    key(focused()!, "PageDown");
    expect(focused()?.dataset.date).toBe("2024-04-13");
    expect(dialog(root)!.textContent).toContain("April 2024");
    key(focused()!, "PageUp", { shiftKey: true });
    expect(focused()?.dataset.date).toBe("2023-04-13");
    key(focused()!, "Home");
    expect(focused()?.dataset.date).toBe("2023-04-09"); // the Sunday
    key(focused()!, "End");
    expect(focused()?.dataset.date).toBe("2023-04-15");
    key(focused()!, "Enter");
    expect(sent).toEqual([{ t: "widget_value", id: "w", value: "2023-04-15", run: 1 }]);
    expect(dialog(root)).toBeNull();
    expect(focused()).toBe(input);
    expect(input.value).toBe("15/04/2023");
  });

  it("closes on Escape, returning focus to the field", () => {
    const { sent, input, root } = mount("date_input", { ...base, value: "2024-03-05" });
    act(() => input.focus());
    key(input, "Enter");
    expect(dialog(root)).not.toBeNull();
    key(focused()!, "Escape");
    expect(dialog(root)).toBeNull();
    expect(focused()).toBe(input);
    expect(sent).toEqual([]);
  });

  it("opens on click, keeps focus in the field, and closes on a click outside", () => {
    const { input, root } = mount("date_input", { ...base, value: "2024-03-05" });
    act(() => input.focus());
    act(() => input.click());
    expect(dialog(root)).not.toBeNull();
    expect(focused()).toBe(input);
    act(() => {
      document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    });
    expect(dialog(root)).toBeNull();
  });

  it("disables days outside min/max, keeps focus inside them, and marks today", () => {
    const today = todayIso();
    const { input, root } = mount("date_input", {
      ...base,
      min: addDays(today, -2),
      max: addDays(today, 2),
      value: today,
    });
    act(() => input.focus());
    key(input, "ArrowDown", { altKey: true });
    const cell = (iso: string) => root.querySelector<HTMLElement>(`[data-date="${iso}"]`);
    expect(cell(today)?.getAttribute("aria-current")).toBe("date");
    const outside = addDays(today, 3);
    if (outside.slice(0, 7) === today.slice(0, 7)) {
      expect(cell(outside)?.getAttribute("aria-disabled")).toBe("true");
    }
    key(focused()!, "ArrowDown");
    expect(focused()?.dataset.date).toBe(addDays(today, 2));
    const labels = [...root.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"));
    expect(labels).toEqual(["Previous year", "Previous month", "Next month", "Next year"]);
    expect(root.querySelector<HTMLButtonElement>("[aria-label='Previous year']")?.disabled).toBe(
      true,
    );
  });

  it("picks a range: start, then end; the field shows both", () => {
    const { sent, input, root } = mount("date_input", {
      ...base,
      range: true,
      format: "YYYY-MM-DD",
      value: [],
      clearable: true,
    });
    expect(input.placeholder).toBe("YYYY-MM-DD – YYYY-MM-DD");
    act(() => input.focus());
    key(input, "Enter");
    const cell = (iso: string) => root.querySelector<HTMLElement>(`[data-date="${iso}"]`)!;
    const month = todayIso().slice(0, 8);
    act(() => cell(`${month}10`).click());
    expect(sent.at(-1)).toEqual({ t: "widget_value", id: "w", value: [`${month}10`], run: 1 });
    expect(dialog(root)).not.toBeNull(); // waiting for the end
    expect(input.value).toBe(`${month}10 – `);
    act(() => cell(`${month}03`).click());
    expect(sent.at(-1)).toEqual({
      t: "widget_value",
      id: "w",
      value: [`${month}03`, `${month}10`],
      run: 1,
    });
    expect(dialog(root)).toBeNull();
    expect(input.value).toBe(`${month}03 – ${month}10`);
  });

  it("shows an empty field with a placeholder for None, and clears when clearable", () => {
    const { sent, input, root } = mount("date_input", { ...base, value: null, clearable: true });
    expect(input.value).toBe("");
    expect(input.placeholder).toBe("DD/MM/YYYY");
    type(input, "01/02/2024");
    key(input, "Enter");
    expect(sent.at(-1)).toMatchObject({ value: "2024-02-01" });
    act(() => root.querySelector<HTMLButtonElement>("[aria-label='Clear date']")!.click());
    expect(sent.at(-1)).toMatchObject({ value: null });
  });

  it("does not empty a widget that has a default", () => {
    const { sent, input, root } = mount("date_input", { ...base, value: "2024-03-05" });
    expect(root.querySelector("[aria-label='Clear date']")).toBeNull();
    type(input, "");
    key(input, "Enter");
    expect(sent).toEqual([]);
    expect(input.value).toBe("05/03/2024");
  });

  it("holds a pick inside a form until it is submitted", () => {
    const { sent, input, root } = mount("date_input", { ...base, value: "2024-03-05" }, true);
    act(() => input.focus());
    key(input, "ArrowDown", { altKey: true });
    key(focused()!, "ArrowRight");
    key(focused()!, "Enter");
    expect(sent).toEqual([]);
    expect(root.querySelector("input")!.value).toBe("06/03/2024");
  });

  it("does nothing when disabled", () => {
    const { input, root } = mount("date_input", { ...base, value: "2024-03-05", disabled: true });
    expect(input.disabled).toBe(true);
    key(input, "Enter");
    act(() => input.click());
    expect(dialog(root)).toBeNull();
  });
});

describe("time_input", () => {
  it("lists times at the step and picks one with the keyboard", () => {
    const { sent, input, root } = mount("time_input", { step: 900, value: "13:30" });
    expect(input.value).toBe("13:30");
    expect(input.getAttribute("role")).toBe("combobox");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    act(() => input.focus());
    key(input, "ArrowDown");
    expect(input.getAttribute("aria-expanded")).toBe("true");
    const listbox = root.querySelector("[role=listbox]")!;
    const active = () => document.getElementById(input.getAttribute("aria-activedescendant")!);
    expect(active()?.textContent).toBe("13:30");
    expect(active()?.getAttribute("role")).toBe("option");
    expect(active()?.getAttribute("aria-posinset")).toBe("55");
    expect(listbox.querySelectorAll("[role=option]")[0]?.textContent).not.toBe("00:00");
    key(input, "ArrowDown");
    key(input, "ArrowDown");
    expect(active()?.textContent).toBe("14:00");
    key(input, "ArrowUp");
    expect(active()?.textContent).toBe("13:45");
    key(input, "Enter");
    expect(sent).toEqual([{ t: "widget_value", id: "w", value: "13:45", run: 1 }]);
    expect(root.querySelector("[role=listbox]")).toBeNull();
    expect(input.value).toBe("13:45");
  });

  it("accepts a typed time that is not on the list", () => {
    const { sent, input, root } = mount("time_input", { step: 900, value: "08:00" });
    act(() => input.focus());
    type(input, "14:20");
    const options = [...root.querySelectorAll("[role=option]")].map((o) => o.textContent);
    expect(options).toEqual(["14:20"]);
    key(input, "Enter");
    expect(sent).toEqual([{ t: "widget_value", id: "w", value: "14:20", run: 1 }]);
  });

  it("filters as one types, and Escape closes without sending", () => {
    const { sent, input, root } = mount("time_input", { step: 1800, value: "08:00" });
    act(() => input.focus());
    type(input, "1");
    const options = [...root.querySelectorAll("[role=option]")].map((o) => o.textContent);
    expect(options.slice(0, 3)).toEqual(["01:00", "01:30", "10:00"]);
    expect(options.every((o) => /^(1|01)/.test(o ?? ""))).toBe(true);
    key(input, "Escape");
    expect(root.querySelector("[role=listbox]")).toBeNull();
    expect(input.value).toBe("08:00");
    expect(sent).toEqual([]);
  });

  it("shows 12-hour times and seconds when the step is not whole minutes", () => {
    const { sent, input, root } = mount("time_input", {
      step: 90,
      format: "12h",
      value: "13:30:00",
    });
    expect(input.value).toBe("1:30:00 PM");
    act(() => input.focus());
    key(input, "ArrowDown");
    key(input, "ArrowDown");
    const active = document.getElementById(input.getAttribute("aria-activedescendant")!);
    expect(active?.textContent).toBe("1:31:30 PM");
    key(input, "Enter");
    expect(sent).toEqual([{ t: "widget_value", id: "w", value: "13:31:30", run: 1 }]);
    expect(root.querySelectorAll("[role=option]").length).toBe(0);
  });

  it("draws only a window of a one-second list", () => {
    const { input, root } = mount("time_input", { step: 1, value: "12:00:00" });
    act(() => input.focus());
    key(input, "ArrowDown");
    const options = root.querySelectorAll("[role=option]");
    expect(options.length).toBeLessThan(60);
    expect(options[0]?.getAttribute("aria-setsize")).toBe("86400");
    const active = document.getElementById(input.getAttribute("aria-activedescendant")!);
    expect(active?.textContent).toBe("12:00:00");
  });

  it("clears an empty-by-default time, and holds values in a form", () => {
    const a = mount("time_input", { step: 900, value: "09:00", clearable: true });
    act(() => a.root.querySelector<HTMLButtonElement>("[aria-label='Clear time']")!.click());
    expect(a.sent).toEqual([{ t: "widget_value", id: "w", value: null, run: 1 }]);
    document.body.innerHTML = "";
    const b = mount("time_input", { step: 900, value: "09:00" }, true);
    act(() => b.input.focus());
    type(b.input, "10:00");
    key(b.input, "Enter");
    expect(b.sent).toEqual([]);
    expect(b.input.value).toBe("10:00");
  });
});
