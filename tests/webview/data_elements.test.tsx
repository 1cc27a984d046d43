import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, test } from "vitest";
import { Help } from "../../webview/src/data/help";
import { Json, openDepth, parseJsonText } from "../../webview/src/data/json";
import { formatMetric, Metric } from "../../webview/src/data/metric";
import { Image } from "../../webview/src/media/image";
import { loadKatex } from "../../webview/src/core/katex";
import { renderLatex } from "../../webview/src/media/latex";
import { Audio, Video, youtubeEmbed } from "../../webview/src/media/player";
import type { PropsOf } from "../../webview/src/core/types";
import { componentFor } from "../../webview/src/core/types";
import "../../webview/src/elements/basic";
import { FakeStore, makeNode, mount } from "./data_helpers";

describe("metric", () => {
  test("renders label, value, arrow and the runtime's resolved colour", () => {
    const store = new FakeStore();
    const node = makeNode("metric", {
      label: "Temperature",
      value: "70 °F",
      delta: "-1.2 °F",
      color: "green",
      direction: "down",
      label_visibility: "visible",
      help: "Outside",
      border: true,
    });
    const root = mount(<Metric node={node} store={store} />);
    expect(root.querySelector(".sp-metric-label")?.textContent).toContain("Temperature");
    expect(root.querySelector(".sp-metric-value")?.textContent).toBe("70 °F");
    const delta = root.querySelector(".sp-metric-delta");
    expect(delta?.getAttribute("data-color")).toBe("green");
    expect(delta?.classList.contains("sp-color-green")).toBe(true);
    expect(delta?.querySelector("svg")).not.toBeNull();
    expect(root.querySelector(".sp-metric-border")).not.toBeNull();
    expect(root.querySelector(".sp-help-icon")?.getAttribute("title")).toBe("Outside");
  });

  test("a collapsed label is gone; no direction draws no arrow; a sparkline", () => {
    const store = new FakeStore();
    const node = makeNode("metric", {
      label: "x",
      value: "1",
      delta: "-3",
      color: "red",
      direction: "none",
      label_visibility: "collapsed",
      chart_data: [1, 3, 2],
      chart_type: "bar",
    });
    const root = mount(<Metric node={node} store={store} />);
    expect(root.querySelector(".sp-metric-delta")?.getAttribute("data-color")).toBe("red");
    expect(root.querySelector(".sp-metric-delta svg")).toBeNull();
    expect(root.querySelector(".sp-metric-label")).toBeNull();
    expect(root.querySelectorAll(".sp-metric-chart rect")).toHaveLength(3);
  });
});

describe("metric format", () => {
  test("a numeric value and delta are drawn in `format`; text stays as sent", () => {
    expect(formatMetric("1234.5", "%.1f")).toBe("1234.5");
    expect(formatMetric("-3", "%.2f")).toBe("-3.00");
    expect(formatMetric("5 °F", "%.2f")).toBe("5 °F");
    expect(formatMetric("", "%d")).toBe("");
    expect(formatMetric("7", undefined)).toBe("7");
    const root = mount(
      <Metric
        node={makeNode("metric", {
          label: "Sales",
          value: "1234.567",
          delta: "+12",
          color: "green",
          direction: "up",
          label_visibility: "visible",
          format: "%,.2f",
        })}
        store={new FakeStore()}
      />,
    );
    expect(root.querySelector(".sp-metric-value")?.textContent).toBe("1,234.57");
    expect(root.querySelector(".sp-metric-delta span")?.textContent).toBe("12.00");
  });
});

describe("json", () => {
  test("parses Python's NaN/Infinity and opens to the given depth", () => {
    expect(parseJsonText('{"a": NaN, "b": "NaN", "c": -Infinity}')).toEqual({
      a: NaN,
      b: "NaN",
      c: -Infinity,
    });
    expect(openDepth(true)).toBe(Infinity);
    expect(openDepth(false)).toBe(0);
    expect(openDepth(1)).toBe(1);
  });

  test("a tree that expands and collapses", () => {
    const store = new FakeStore();
    const node = makeNode("json", { body: '{"a": {"b": [1, 2]}, "s": "x"}', expanded: 1 });
    const root = mount(<Json node={node} store={store} />);
    expect(root.textContent).toContain('"a": ');
    expect(root.textContent).toContain('"x"');
    // Depth 1: the root is open, "a" is closed.
    expect(root.textContent).not.toContain('"b"');
    const toggle = [...root.querySelectorAll<HTMLButtonElement>(".sp-json-toggle")][1];
    act(() => toggle?.click());
    expect(root.textContent).toContain('"b": ');
    expect(root.querySelector(".sp-json-copy")).not.toBeNull();
  });
});

describe("help", () => {
  test("name, type, signature, doc and members", () => {
    const store = new FakeStore();
    const node = makeNode("help", {
      name: "f",
      type: "function",
      value: "mod.f(x, y=1)",
      doc: "Does things.",
      members: [
        { name: "attr", type: "int", value: "3" },
        { name: "meth", type: "method", doc: "First line." },
      ],
    });
    const root = mount(<Help node={node} store={store} />);
    expect(root.querySelector(".sp-help-value")?.textContent).toBe("mod.f(x, y=1)");
    expect(root.querySelector(".sp-help-doc")?.textContent).toBe("Does things.");
    expect(root.querySelectorAll(".sp-help-members tr").length).toBe(2);
  });
});

describe("media", () => {
  test("images from payloads (once they arrive) and URLs, with captions and width", async () => {
    const store = new FakeStore();
    const node = makeNode("image", {
      images: [
        { hash: "h1", mimetype: "image/png", caption: "one" },
        { url: "https://example.com/a.jpg", mimetype: "image/jpeg" },
      ],
      width: 200,
    });
    const root = mount(<Image node={node} store={store} />);
    expect(root.querySelectorAll("img").length).toBe(1);
    expect(root.querySelector(".sp-media-pending")).not.toBeNull();
    await act(async () => {
      store.deliver("h1", new Uint8Array([1]));
      await Promise.resolve();
    });
    const imgs = root.querySelectorAll("img");
    expect(imgs.length).toBe(2);
    expect(imgs[0]?.getAttribute("src")).toBe("blob:test/h1?image/png");
    expect(imgs[0]?.style.width).toBe("200px");
    expect(root.querySelector("figcaption")?.textContent).toBe("one");
  });

  test("audio and video players with their options", () => {
    const store = new FakeStore();
    store.payloads.set("a", new Uint8Array([0]));
    const audio = mount(
      <Audio
        node={makeNode("audio", { hash: "a", mimetype: "audio/wav", loop: true })}
        store={store}
      />,
    );
    const el = audio.querySelector("audio");
    expect(el?.hasAttribute("controls")).toBe(true);
    expect(el?.getAttribute("src")).toBe("blob:test/a?audio/wav");
    act(() => render(null, audio));
    audio.remove();
    const video = mount(
      <Video
        node={makeNode("video", {
          url: "https://example.com/v.mp4",
          mimetype: "video/mp4",
          muted: true,
          autoplay: true,
        })}
        store={store}
      />,
    );
    const v = video.querySelector("video");
    expect(v?.getAttribute("src")).toBe("https://example.com/v.mp4");
    expect(v?.hasAttribute("autoplay")).toBe(true);
    expect(
      youtubeEmbed(
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        10,
        undefined,
        false,
        false,
        false,
      ),
    ).toBe("https://www.youtube.com/embed/dQw4w9WgXcQ?start=10");
  });

  test("latex renders KaTeX display math and shows errors in place", async () => {
    await loadKatex();
    expect(renderLatex("a^2 + b^2 = c^2")).toContain("katex-display");
    expect(renderLatex("\\frac{1}{")).toContain("katex-error");
  });
});

describe("status", () => {
  test("alerts, progress bars and spinners draw their declared props", () => {
    const store = new FakeStore();
    const draw = <T extends "alert" | "progress" | "spinner">(
      type: T,
      props: PropsOf<T>,
    ): HTMLElement => {
      const Component = componentFor(type);
      if (Component === undefined) throw new Error(`no component for ${type}`);
      return mount(<Component node={makeNode(type, props)} store={store} />);
    };
    const alert = draw("alert", { kind: "warning", body: "**Careful**", title: "Note" });
    expect(alert.querySelector(".sp-alert-warning")?.getAttribute("role")).toBe("alert");
    expect(alert.querySelector(".sp-alert-glyph")?.textContent).toBe("!");
    expect(alert.querySelector(".sp-alert-title")?.textContent).toBe("Note");
    expect(alert.querySelector("strong:not(.sp-alert-title)")?.textContent).toBe("Careful");
    const withIcon = draw("alert", { kind: "info", body: "x", icon: "🎈" });
    expect(withIcon.querySelector(".sp-alert-glyph")).toBeNull();
    const bar = draw("progress", { value: 40, text: "Loading" });
    expect(bar.querySelector("[role=progressbar]")?.getAttribute("aria-valuenow")).toBe("40");
    expect(bar.querySelector(".sp-progress-text")?.textContent?.trim()).toBe("Loading");
    expect(draw("progress", { value: 0 }).querySelector(".sp-progress-text")).toBeNull();
    // @ts-expect-error: a spinner's show_time is only ever sent as true
    makeNode("spinner", { text: "x", show_time: false });
  });
});
