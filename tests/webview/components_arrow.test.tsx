// Tables and custom components (v1): a table argument reaches the frame in `dfs` as
// streamlit-component-lib reads it (Streamlit's ArrowDataframe object: `{data: {data, index,
// columns, styler?}}`), and a table the component sends back (`dataType: "dataframe"`) goes to
// the runtime as its three Arrow streams; a JSON value goes through JSON, as in Streamlit.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { ViewerFrame } from "../../webview/src/core/types";
import { dataframeArgs, wireValue } from "../../webview/src/components/bridge";
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
