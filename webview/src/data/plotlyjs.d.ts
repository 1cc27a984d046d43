// The part of plotly.js's API the Plotly chart uses (plotly.js-dist-min ships no types).

declare module "plotly.js-dist-min" {
  export interface PlotlyHTMLElement extends HTMLElement {
    on(event: string, handler: (event: unknown) => void): void;
    removeAllListeners?(event: string): void;
  }
  export function react(
    root: HTMLElement,
    data: Record<string, unknown>[],
    layout: Record<string, unknown>,
    config: Record<string, unknown>,
  ): Promise<PlotlyHTMLElement>;
  export function relayout(root: HTMLElement, update: Record<string, unknown>): Promise<unknown>;
  export function addFrames(root: HTMLElement, frames: Record<string, unknown>[]): Promise<unknown>;
  export function purge(root: HTMLElement): void;
}
