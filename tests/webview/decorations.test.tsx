// Decorations: balloons and snow replay per run, st.space's sizes, st.skeleton's sizes and delay,
// and the `:color-badge[…]` Markdown directive that st.badge sends.
import { act } from "preact/test-utils";
import { render } from "preact";
import { describe, expect, test } from "vitest";
import type { PropsOf } from "../../webview/src/core/types";
import { componentFor } from "../../webview/src/core/types";
import "../../webview/src/elements/decorations";
import { renderMarkdown } from "../../webview/src/elements/markdownRender";
import { FakeStore, makeNode, mount } from "./data_helpers";

function draw<T extends "balloons" | "snow" | "space" | "skeleton">(
  type: T,
  props: PropsOf<T>,
): HTMLElement {
  const Component = componentFor(type);
  if (Component === undefined) throw new Error(`no component for ${type}`);
  return mount(<Component node={makeNode(type, props)} store={new FakeStore()} />);
}

describe("balloons and snow", () => {
  test("30 balloons and 100 flakes, fixed over the page within Streamlit's ranges", () => {
    const host = draw("balloons", { run: 1 });
    // Drawn in a layer at the end of the page, not where the element was called.
    expect(host.innerHTML).toBe("");
    const balloons = document.body.querySelectorAll<HTMLElement>(".sp-balloons .sp-particle");
    expect(balloons).toHaveLength(30);
    for (const b of balloons) {
      const left = parseFloat(b.style.left);
      expect(left).toBeGreaterThanOrEqual(20);
      expect(left).toBeLessThanOrEqual(80);
      expect(parseFloat(b.style.animationDelay)).toBeLessThanOrEqual(1000);
      expect(b.querySelector("svg")).not.toBeNull();
    }
    act(() => render(null, host)); // mount() unmounts only the last element it drew
    expect(document.body.querySelector(".sp-balloons")).toBeNull();
    draw("snow", { run: 1 });
    const flakes = document.body.querySelectorAll<HTMLElement>(".sp-snow .sp-particle");
    expect(flakes).toHaveLength(100);
    for (const f of flakes) expect(parseFloat(f.style.animationDelay)).toBeLessThanOrEqual(4000);
  });

  test("a new run replaces the particles, so their animations play again", () => {
    const Component = componentFor("balloons")!;
    const store = new FakeStore();
    const host = mount(<Component node={makeNode("balloons", { run: 1 })} store={store} />);
    const particle = () => document.body.querySelector(".sp-balloons .sp-particle");
    const first = particle();
    act(() => render(<Component node={makeNode("balloons", { run: 1 })} store={store} />, host));
    expect(particle()).toBe(first);
    act(() => render(<Component node={makeNode("balloons", { run: 2 })} store={store} />, host));
    expect(particle()).not.toBe(first);
    expect(document.body.querySelector(".sp-balloons")?.getAttribute("data-run")).toBe("2");
    // Unmounted, the layer goes too.
    act(() => render(null, host));
    expect(document.body.querySelector(".sp-balloons")).toBeNull();
  });

  test("they are hidden from assistive technology", () => {
    draw("snow", { run: 3 });
    const el = document.body.querySelector(".sp-snow");
    expect(el?.getAttribute("aria-hidden")).toBe("true");
  });
});

describe("space", () => {
  test("named sizes are Streamlit's rem, numbers are pixels, stretch fills", () => {
    const size = (props: PropsOf<"space">) =>
      draw("space", props).querySelector<HTMLElement>(".sp-space")!;
    expect(size({ size: "small" }).style.getPropertyValue("--sp-space")).toBe("0.75rem");
    expect(size({ size: "medium" }).style.getPropertyValue("--sp-space")).toBe("2.5rem");
    expect(size({ size: "xxlarge" }).style.getPropertyValue("--sp-space")).toBe("8rem");
    expect(size({ size: 40 }).style.getPropertyValue("--sp-space")).toBe("40px");
    expect(size({ size: "stretch" }).classList.contains("sp-space-stretch")).toBe(true);
  });
});

describe("skeleton", () => {
  test("its height and width, and the delay of a `with` block's skeleton", () => {
    const plain = draw("skeleton", {}).querySelector<HTMLElement>(".sp-skeleton")!;
    expect(plain.style.height).toBe("");
    expect(plain.getAttribute("aria-busy")).toBe("true");
    const sized = draw("skeleton", { height: 120, width: 300 }).querySelector<HTMLElement>(
      ".sp-skeleton",
    )!;
    expect([sized.style.height, sized.style.width]).toEqual(["120px", "300px"]);
    const stretch = draw("skeleton", { height: "stretch" }).querySelector(".sp-skeleton")!;
    expect(stretch.classList.contains("sp-skeleton-stretch")).toBe(true);
    const delayed = draw("skeleton", { delayed: true }).querySelector(".sp-skeleton")!;
    expect(delayed.classList.contains("sp-skeleton-delayed")).toBe(true);
  });
});

describe("the :color-badge[…] directive", () => {
  test("draws a badge in the colour, with Markdown and icons inside", () => {
    const html = renderMarkdown(":green-badge[:material/check: **Done**] :grey-badge[Old]");
    const div = document.createElement("div");
    div.innerHTML = html;
    const badges = div.querySelectorAll(".sp-badge");
    expect(badges).toHaveLength(2);
    expect(badges[0]!.className).toBe("sp-badge sp-fg-green sp-bg-green");
    expect(badges[0]!.querySelector(".sp-material-icon")?.textContent).toBe("check");
    expect(badges[0]!.querySelector("strong")?.textContent).toBe("Done");
    expect(badges[1]!.className).toBe("sp-badge sp-fg-gray sp-bg-gray");
  });

  test("escaped brackets stay in the label; a rainbow or unknown colour is no badge", () => {
    const div = document.createElement("div");
    div.innerHTML = renderMarkdown(":blue-badge[New \\[x\\]] :rainbow-badge[r] :pink-badge[p]");
    expect(div.querySelector(".sp-badge")?.textContent).toBe("New [x]");
    expect(div.querySelectorAll(".sp-badge")).toHaveLength(1);
    expect(div.textContent).toContain("r");
    expect(div.textContent).toContain(":pink-badge[p]");
    // Coloured text and backgrounds are unchanged.
    div.innerHTML = renderMarkdown(":red[a] :red-background[b]");
    expect(div.querySelector(".sp-fg-red")?.textContent).toBe("a");
    expect(div.querySelector(".sp-bg-red")?.textContent).toBe("b");
  });
});
