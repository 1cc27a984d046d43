// Mermaid diagrams in the app's look as Streamlit 1.67 draws them (its st.mermaid_chart example
// showed primary-red node borders here, grey in 1.67).
import { expect, test } from "vitest";
import { mermaidThemeVariables } from "../../webview/src/documents/mermaid";

const colors = {
  fg: "#31333f",
  bg: "#ffffff",
  bgSecondary: "#f8f8f7",
  border: "#d5d6d8",
  muted: "#83858c",
  fills: ["#edf5ff", "#f1fbf6", "#fff6ed"] as [string, string, string],
};

test("nodes take the border colour and lines the muted text colour, at 14 px", () => {
  const vars = mermaidThemeVariables("light", colors);
  expect(vars.primaryBorderColor).toBe("#d5d6d8");
  expect(vars.nodeBorder).toBe("#d5d6d8");
  expect(vars.lineColor).toBe("#83858c");
  expect(vars.textColor).toBe("#31333f");
  expect(vars.fontSize).toBe("14px");
  expect(vars.mainBkg).toBe("#f8f8f7");
  expect([vars.primaryColor, vars.secondaryColor, vars.tertiaryColor]).toEqual(colors.fills);
  expect(mermaidThemeVariables("dark", colors).darkMode).toBe(true);
});
