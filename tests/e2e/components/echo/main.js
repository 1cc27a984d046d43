// A tiny component that speaks Streamlit's component protocol by hand (no
// streamlit-component-lib): it shows its args and sends a value back on a click.
"use strict";
let clicks = 0;
let greeting = "";
function post(type, data) {
  window.parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
}
window.addEventListener("message", (event) => {
  if (event.data.type !== "streamlit:render") return;
  const { args, disabled, theme } = event.data;
  greeting = args.greeting;
  document.getElementById("greeting").textContent = `${args.greeting} (${args.blob.length} bytes)`;
  let storage;
  try {
    storage = typeof window.localStorage;
  } catch (e) {
    storage = "blocked";
  }
  let parentDom;
  try {
    parentDom = typeof window.parent.document;
  } catch (e) {
    parentDom = "blocked";
  }
  document.getElementById("facts").textContent =
    `base=${theme.base} disabled=${disabled} default=${JSON.stringify(args.default)} ` +
    `origin=${window.origin} parent=${parentDom}`;
  document.getElementById("send").disabled = disabled;
  post("streamlit:setFrameHeight", { height: 120 });
});
document.getElementById("send").addEventListener("click", () => {
  clicks += 1;
  post("streamlit:setComponentValue", { value: { clicks, greeting }, dataType: "json" });
});
post("streamlit:componentReady", { apiVersion: 1 });
