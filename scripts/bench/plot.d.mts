// Types of plot.mjs (for the TypeScript unit tests).
export interface PlotSeries {
  name: string;
  color: string;
  dash?: string;
  points: Array<[number, number | null]>;
}
export const COLORS: Record<string, string>;
export function panel(
  spec: { title: string; xLabel: string; yLabel: string; xTicks: Array<{ at: number; label: string }>; series: PlotSeries[] },
  box?: { x?: number; y?: number; w?: number; h?: number },
): string;
export function benchSvg(
  pages: Array<{ size: string; mentions: string; dynamic: boolean; summary: Record<string, { costMs: number | null } | undefined> }>,
  sizeOrder: string[],
  options?: { note?: string },
): string;
