// Widget components read the props the schema declares (WidgetProps once, then each widget's
// own keys and its wire `value`): the types are checked by `tsc` over this file, the drawing by
// vitest.
import { describe, expect, expectTypeOf, test } from "vitest";
import type { PropsOf, WidgetProps } from "../../webview/src/core/types";
import { componentFor } from "../../webview/src/core/types";
import "../../webview/src/widgets";
import { FakeStore, makeNode, mount } from "./data_helpers";

function draw<T extends string>(type: T, props: PropsOf<T>): HTMLElement {
  const Component = componentFor(type);
  if (Component === undefined) throw new Error(`no component for ${type}`);
  return mount(<Component node={makeNode(type, props)} store={new FakeStore()} />);
}

const base = { id: "$$ID-x", label: "Pick" };

describe("widget props are typed", () => {
  test("every widget carries WidgetProps and its declared wire value", () => {
    expectTypeOf<PropsOf<"slider">>().toExtend<WidgetProps>();
    expectTypeOf<PropsOf<"slider">["value"]>().toEqualTypeOf<number | number[]>();
    expectTypeOf<PropsOf<"date_input">["value"]>().toEqualTypeOf<string | string[] | null>();
    // @ts-expect-error: a widget needs its value
    makeNode("checkbox", { ...base });
    // @ts-expect-error: a button's kind is primary, secondary or tertiary
    makeNode("button", { ...base, kind: "loud", value: false });
  });

  test("a button draws its kind, icon side and width as declared", () => {
    const root = draw("button", {
      ...base,
      kind: "primary",
      icon_position: "right",
      width: 120,
      shortcut: "Ctrl+K",
      value: false,
    });
    const button = root.querySelector("button")!;
    expect(button.className).toBe("sp-button sp-button-primary");
    expect(button.style.width).toBe("120px");
    expect(button.title).toBe("Ctrl+K");
  });

  test("a number input with a bound of 0 keeps it (the runtime sends False as 0)", () => {
    const root = draw("number_input", {
      ...base,
      min: 0,
      max: 5,
      step: 1,
      format: "%d",
      data_type: "int",
      value: 1,
    });
    const input = root.querySelector("input")!;
    expect(input.getAttribute("aria-valuemin")).toBe("0");
    expect(input.value).toBe("1");
  });

  test("a selectbox without a placeholder shows the default text", () => {
    const root = draw("selectbox", { ...base, options: ["a", "b"], value: null });
    expect(root.querySelector("input")!.placeholder).toBe("Choose an option");
  });
});
