// A component that speaks Streamlit's component protocol by hand and receives tables as
// streamlit-component-lib does (`dfs`: Streamlit's ArrowDataframe objects); it lists them and
// sends the first back as an ArrowTable's `serialize()` would (`dataType: "dataframe"`).
"use strict";
let first = null;
function post(type, data) {
  window.parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
}
// An Arrow IPC stream starts with a continuation marker (0xFFFFFFFF) before its schema.
const isArrow = (bytes) =>
  bytes instanceof Uint8Array && bytes.length > 8 && bytes.slice(0, 4).every((b) => b === 255);
window.addEventListener("message", (event) => {
  if (event.data.type !== "streamlit:render") return;
  const { args, dfs } = event.data;
  first = dfs.length > 0 ? dfs[0].value.data : null;
  document.getElementById("tables").textContent = dfs
    .map(({ key, value }) => {
      const { data, index, columns, styler } = value.data;
      const arrow = [data, index, columns].every(isArrow) ? "arrow" : "not arrow";
      const style = styler ? ` styler=${styler.uuid} ${isArrow(styler.displayValues)}` : "";
      return `${key}: ${arrow}${style}`;
    })
    .concat([`args: ${Object.keys(args).sort().join(",")}`])
    .join("; ");
  post("streamlit:setFrameHeight", { height: 80 });
});
document.getElementById("send").addEventListener("click", () => {
  const { data, index, columns } = first;
  post("streamlit:setComponentValue", { value: { data, index, columns }, dataType: "dataframe" });
});
post("streamlit:componentReady", { apiVersion: 1 });
