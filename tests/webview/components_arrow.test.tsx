// Custom components (v1) as Streamlit 1.67 serves them: a table argument reaches the frame in
// `dfs` as streamlit-component-lib reads it (Streamlit's ArrowDataframe object: `{data: {data,
// index, columns, styler?}}`), a table the component sends back (`dataType: "dataframe"`) goes to
// the runtime as its three Arrow streams, a JSON value goes through JSON; the theme carries hex
// colours and Streamlit's derived colours.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { ViewerFrame } from "../../webview/src/core/types";
import { dataframeArgs, exportedTheme, wireValue } from "../../webview/src/components/bridge";
import { derivedColors, toHex } from "../../webview/src/components/theme_colors";
import "../../webview/src/components/index";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

// The viewer passes Arrow streams on untouched (the component decodes them): any bytes will do.
const TABLE = {
  data: new Uint8Array([1, 2, 3]),
  index: new Uint8Array([4]),
  columns: new Uint8Array([5, 6]),
};

describe("dataframe arguments", () => {
  it("are dfs entries in the order given, the styler's display values camel-cased", () => {
    const styler = {
      uuid: "u1",
      styles: "#T_u1 td { color: red }",
      display_values: new Uint8Array([7]),
    };
    const dfs = dataframeArgs({ rows: TABLE, styled: { ...TABLE, styler } });
    expect(dfs.map((d) => d.key)).toEqual(["rows", "styled"]);
    expect(dfs[0]!.value).toEqual({ data: TABLE });
    expect(dfs[1]!.value.data.styler).toEqual({
      uuid: "u1",
      styles: "#T_u1 td { color: red }",
      displayValues: styler.display_values,
    });
    expect(dataframeArgs(undefined)).toEqual([]);
  });
});

describe("a component's value", () => {
  it("a table comes as its three streams; a broken one is dropped", () => {
    const sent = { ...TABLE, data: TABLE.data.buffer.slice(0) };
    expect(wireValue(sent, "dataframe")).toEqual({
      data: new Uint8Array(TABLE.data.buffer.slice(0)),
      index: TABLE.index,
      columns: TABLE.columns,
    });
    expect(wireValue({ data: TABLE.data }, "dataframe")).toBeUndefined();
    expect(wireValue("rows", "dataframe")).toBeUndefined();
  });

  it("JSON goes through JSON, as Streamlit sends it", () => {
    const when = new Date(Date.UTC(2026, 11, 4));
    expect(wireValue({ when, gone: undefined, n: NaN, list: [1] }, "json")).toEqual({
      when: "2026-12-04T00:00:00.000Z",
      n: null,
      list: [1],
    });
    expect(wireValue(5n, "json")).toBeUndefined();
    expect(wireValue(new Uint8Array([1]), "bytes")).toEqual(new Uint8Array([1]));
  });
});

describe("component_instance with a table", () => {
  let root: HTMLElement | undefined;
  afterEach(() => {
    if (root) act(() => render(null, root!));
    root?.remove();
  });

  it("renders it in dfs and sends a table value back", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "component_instance", {
      id: "c1",
      label: "",
      name: "app.grid",
      args: { default: null, key: null },
      dataframe_args: { data: TABLE },
      value: null,
    });
    runEnd(store, 1);
    root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
    const iframe = root.querySelector("iframe")!;
    const posted = vi.fn();
    const win = { postMessage: posted };
    Object.defineProperty(iframe, "contentWindow", { value: win });
    const fromFrame = (data: Record<string, unknown>) =>
      act(() => {
        window.dispatchEvent(
          new MessageEvent("message", {
            data: { isStreamlitMessage: true, ...data },
            source: win as unknown as Window,
          }),
        );
      });

    fromFrame({ type: "streamlit:componentReady", apiVersion: 1 });
    const [message] = posted.mock.calls.at(-1)!;
    expect(message).toMatchObject({
      type: "streamlit:render",
      args: { default: null, key: null },
      dfs: [{ key: "data", value: { data: TABLE } }],
    });

    fromFrame({ type: "streamlit:setComponentValue", value: TABLE, dataType: "dataframe" });
    const values = sent.flatMap((f: ViewerFrame) =>
      f.t === "widget_value" ? [[f.id, f.value]] : [],
    );
    expect(values).toEqual([["c1", TABLE]]);
  });
});

describe("the theme a component gets", () => {
  // What Streamlit 1.67 sent its default themes' components (measured in Chromium).
  it("derives Streamlit's colours from its light theme", () => {
    expect(derivedColors("#FFFFFF", "#F8F8F7", "#2F2D2B")).toEqual({
      fadedText05: "rgba(47, 45, 43, 0.1)",
      fadedText10: "rgba(47, 45, 43, 0.2)",
      fadedText20: "rgba(47, 45, 43, 0.3)",
      fadedText40: "rgba(47, 45, 43, 0.4)",
      fadedText60: "rgba(47, 45, 43, 0.6)",
      fadedText70: "rgba(47, 45, 43, 0.7)",
      bgMix: "rgba(252, 252, 251, 1)",
      darkenedBgMix100: "hsla(60, 14%, 69%, 1)",
      darkenedBgMix40: "rgba(187, 187, 165, 0.4)",
      darkenedBgMix25: "rgba(187, 187, 165, 0.25)",
      darkenedBgMix15: "rgba(187, 187, 165, 0.15)",
      lightenedBg05: "hsla(0, 0%, 100%, 1)",
    });
  });

  it("and from its dark theme", () => {
    expect(derivedColors("rgb(23, 22, 20)", "#2D2B27", "#EDEBE8")).toEqual({
      fadedText05: "rgba(237, 235, 232, 0.1)",
      fadedText10: "rgba(237, 235, 232, 0.2)",
      fadedText20: "rgba(237, 235, 232, 0.3)",
      fadedText40: "rgba(237, 235, 232, 0.4)",
      fadedText60: "rgba(237, 235, 232, 0.6)",
      fadedText70: "rgba(237, 235, 232, 0.7)",
      bgMix: "rgba(34, 33, 30, 1)",
      darkenedBgMix100: "hsla(45, 6%, 73%, 1)",
      darkenedBgMix40: "rgba(190, 188, 182, 0.4)",
      darkenedBgMix25: "rgba(190, 188, 182, 0.25)",
      darkenedBgMix15: "rgba(190, 188, 182, 0.15)",
      lightenedBg05: "hsla(40, 7%, 11%, 1)",
    });
  });

  it("gives colours as hex, as a theme's config writes them", () => {
    expect(toHex("rgb(255, 75, 75)")).toBe("#FF4B4B");
    expect(toHex("rgba(0, 0, 0, 0.5)")).toBe("#00000080");
    expect(toHex("#abc")).toBe("#AABBCC");
    const theme = exportedTheme("dark");
    expect(theme.base).toBe("dark");
    expect(theme.backgroundColor).toMatch(/^#[0-9A-F]{6}$/);
    expect(theme.fadedText60).toMatch(/^rgba\(/);
    expect(theme.bodyFont).toBe(theme.font);
  });
});
