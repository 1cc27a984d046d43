// ECharts' selection events as st.echarts_chart's value (Streamlit 1.67's shape): groups of
// selected data per series and data type, union of clicks (`selectchanged`) and brushing
// (`brushselected`), and the brush areas that have data coordinates.

import type { EChartsArea, EChartsEvent, EChartsSelectedGroup } from "../core/types";

export interface RawSelected {
  seriesIndex: number;
  dataType?: string;
  dataIndex: number[];
}

export interface RawArea {
  brushType?: string;
  coordRange?: unknown;
}

interface SeriesNames {
  id?: unknown;
  name?: unknown;
}

/** The chart's selection from what ECharts last reported for clicks and for the brush. */
export function selectionEvent(
  clicked: readonly RawSelected[],
  brushed: readonly RawSelected[],
  areas: readonly RawArea[],
  series: readonly SeriesNames[],
): EChartsEvent {
  const groups = new Map<string, { index: number; type: string; indices: Set<number> }>();
  for (const s of [...clicked, ...brushed]) {
    const type = s.dataType ?? "main";
    const key = `${s.seriesIndex}/${type}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { index: s.seriesIndex, type, indices: new Set() };
      groups.set(key, group);
    }
    for (const i of s.dataIndex) group.indices.add(i);
  }
  const selected: EChartsSelectedGroup[] = [...groups.values()]
    .filter((g) => g.indices.size > 0)
    .sort((a, b) => a.index - b.index || a.type.localeCompare(b.type))
    .map((g) => {
      const names = series[g.index] ?? {};
      return {
        series_index: g.index,
        series_id: typeof names.id === "string" ? names.id : null,
        series_name: typeof names.name === "string" ? names.name : null,
        data_type: g.type,
        data_indices: [...g.indices].sort((a, b) => a - b),
      };
    });
  const regions: EChartsArea[] = [];
  areas.forEach((area, i) => {
    if (area.coordRange === undefined || area.coordRange === null) return;
    regions.push({
      brush_index: i,
      brush_type: area.brushType ?? "rect",
      coord_range: area.coordRange as unknown[],
    });
  });
  return { selection: { selected, areas: regions } };
}
