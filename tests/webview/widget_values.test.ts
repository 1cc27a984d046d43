// Widget values are typed by the schema (WidgetValueMap): reading a widget gives its declared
// wire value and setting one of another type does not compile. `tsc -p webview` checks the
// type assertions here (the `@ts-expect-error` lines fail it if a wrong value were accepted).

import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  DataframeSelection,
  NodeOf,
  WidgetType,
  WidgetValueMap,
} from "../../webview/src/core/types";
import { isNodeOf } from "../../webview/src/core/types";
import { nodeOf, recordingStore, runEnd, runStart, upsert } from "./helpers";

describe("typed widget values", () => {
  it("reads and sets each widget's declared value type", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "checkbox", { id: "c", label: "C", value: false });
    upsert(store, 1, ["main", 1], "multiselect", {
      id: "m",
      label: "M",
      value: [0],
      options: ["a", "b"],
    });
    runEnd(store, 1);
    const check = nodeOf(store, "main/0", "checkbox");
    const multi = nodeOf(store, "main/1", "multiselect");
    expectTypeOf(store.widgetValue(check)).toEqualTypeOf<boolean>();
    expectTypeOf(store.widgetValue(multi)).toEqualTypeOf<(number | string)[]>();
    store.setWidgetValue(check, true);
    store.setWidgetValue(multi, [0, 1]);
    expect(store.widgetValue(check)).toBe(true);
    expect(store.widgetValue(multi)).toEqual([0, 1]);
    expect(sent.map((f) => (f.t === "widget_value" ? f.value : f.t))).toEqual([true, [0, 1]]);

    // Never called: what tsc must refuse.
    const wrong = (): void => {
      // @ts-expect-error a checkbox's value is a boolean, not a text
      store.setWidgetValue(check, "yes");
      // @ts-expect-error a multiselect sends indexes (or texts) in a list
      store.setWidgetValue(multi, 1);
      // @ts-expect-error a markdown node is not a widget
      store.widgetValue(nodeOf(store, "main/9", "markdown"));
    };
    expect(wrong).toBeTypeOf("function");
  });

  it("types a node of several types as a union that narrows by `type`", () => {
    expectTypeOf<WidgetValueMap["dataframe"]>().toEqualTypeOf<DataframeSelection>();
    expectTypeOf<WidgetValueMap["data_editor"]>().toEqualTypeOf<string>();
    expectTypeOf<"progress" extends WidgetType ? true : false>().toEqualTypeOf<false>();
    const { store } = recordingStore();
    upsert(store, 1, ["main", 0], "dataframe", {
      rows: 0,
      index: [],
      columns: [],
      batch_rows: 1,
    });
    const node: NodeOf<"dataframe" | "data_editor"> = nodeOf(store, "main/0", "dataframe");
    if (node.type === "dataframe") {
      // Without `on_select` a dataframe is not a widget and has no value.
      expectTypeOf(store.widgetValue(node)).toEqualTypeOf<DataframeSelection | undefined>();
      expect(store.widgetValue(node)).toBeUndefined();
    }
    expect(isNodeOf(node, "data_editor")).toBe(false);
  });

  it("sends every trigger widget's click without holding it, and hello leaves triggers out", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "menu_button", {
      id: "menu",
      label: "Menu",
      value: null,
      kind: "secondary",
      options: ["a", "b"],
    });
    upsert(store, 1, ["main", 1], "link_button", {
      id: "link",
      label: "Go",
      value: false,
      url: "https://example.com",
      kind: "secondary",
    });
    upsert(store, 1, ["main", 2], "checkbox", { id: "c", label: "C", value: true });
    runEnd(store, 1);
    const menu = nodeOf(store, "main/0", "menu_button");
    store.setWidgetValue(menu, 1);
    expect(sent).toEqual([{ t: "widget_value", id: "menu", value: 1, run: 1 }]);
    // A trigger is true (or its option) for the one run it started, never a held value.
    expect(store.widgetValue(menu)).toBeNull();
    expect(store.hello({}).widgets).toEqual({ c: true });
  });
});
