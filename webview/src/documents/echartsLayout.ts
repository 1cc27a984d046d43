// st.echarts_chart's `streamlit` theme also lays a cartesian chart out as Streamlit 1.67 does: the
// plot fills the element (labels kept inside it) instead of ECharts' default grid, which leaves
// 60-80 px above and below and 10-15% at the sides. Loaded with echarts (echarts.tsx).

type Option = Record<string, unknown>;

/** Streamlit's spacing tokens at the default 16 px base font. */
const SPACING = { sm: 8, lg: 16, twoXL: 32 };

function isObject(value: unknown): value is Option {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A component option's objects: one object, or the objects of a list. */
function objects(value: unknown): Option[] {
  if (isObject(value)) return [value];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function shown(component: Option): boolean {
  return component.show !== false;
}

/** Where titles sit: at the bottom when placed there, at the top otherwise. */
function titleEdges(option: Option): { top: boolean; bottom: boolean } {
  const titles = objects(option.title).filter(shown);
  const atBottom = (t: Option): boolean => t.bottom !== undefined || t.top === "bottom";
  return { top: titles.some((t) => !atBottom(t)), bottom: titles.some(atBottom) };
}

/** Where legends sit: at the top when given a top, at the bottom (ECharts 6's default) otherwise. */
function legendEdges(option: Option): { top: boolean; bottom: boolean } {
  const legends = objects(option.legend);
  if (legends.length === 0) {
    return { top: false, bottom: option.legend !== undefined && option.legend !== false };
  }
  const atTop = (l: Option): boolean => l.top !== undefined && l.top !== "bottom";
  return {
    top: legends.some((l) => shown(l) && atTop(l)),
    bottom: legends.some((l) => shown(l) && !atTop(l)),
  };
}

/** A slider, horizontal visual map or timeline drawn along the bottom (no `top` of its own). */
function bottomControls(option: Option): boolean {
  const controls = [
    ...objects(option.dataZoom).filter((z) => z.type !== "inside"),
    ...objects(option.visualMap).filter((v) => v.orient === "horizontal"),
    ...objects(option.timeline),
  ];
  return controls.some((c) => shown(c) && c.orient !== "vertical" && c.top === undefined);
}

/** `option` with Streamlit's grid under the script's own (a grid list is left as given). */
export function streamlitLayout(option: Option): Option {
  const cartesian = "xAxis" in option || "yAxis" in option;
  const grid = option.grid;
  if (!cartesian || (grid !== undefined && !isObject(grid))) return option;
  const titles = titleEdges(option);
  const legends = legendEdges(option);
  const layout: Option = { left: SPACING.sm, right: SPACING.twoXL, outerBoundsMode: "same" };
  if (!titles.top && !legends.top) layout.top = SPACING.lg;
  if (!titles.bottom && !legends.bottom && !bottomControls(option)) layout.bottom = SPACING.sm;
  return { ...option, grid: { ...layout, ...(grid ?? {}) } };
}
