// Types of stats.mjs (for the TypeScript unit tests).
export interface Sample {
  taskMs: number;
  heapBytes?: number | null;
  extScriptMs?: number | null;
  longestTaskMs?: number | null;
  anyLongestTaskMs?: number | null;
  timedOut?: boolean;
  info?: object | null;
}
export interface ConfigSummary {
  runs: number;
  costMs: number | null;
  costQ1: number | null;
  costQ3: number | null;
  costBasis: 'task' | 'trace';
  taskCostMs: number | null;
  extScriptMs: number | null;
  heapBytes: number | null;
  longestTaskMs: number | null;
  timedOut: boolean;
  info: object | null;
}
export type PageSummary = Partial<Record<'baseline' | 'floor' | 'ours' | 'peer' | 'peerList', ConfigSummary>>;
export interface BudgetPage {
  id: string;
  size: string;
  mentions: string;
  dynamic: boolean;
  summary: Partial<Record<'baseline' | 'floor' | 'ours' | 'peer' | 'peerList', { costMs: number | null; longestTaskMs?: number | null }>>;
}
export type BudgetName =
  | 'noMentionWithin1_2xFloor'
  | 'mentionsWithin2xFloor'
  | 'noTaskOver50ms'
  | 'tenTimesFasterThanMarkJs'
  | 'tenTimesFasterThanMarkJsRegExp'
  | 'injectedWithin25KBGzip'
  | 'hoverCardWithinOneFrame'
  | 'overlayUnder200ms';
export const CONFIGS: string[];
export const BUDGETS: {
  noMentionFactor: number;
  noMentionSlackMs: number;
  mentionFactor: number;
  longTaskMs: number;
  peerFactor: number;
  largeSizes: string[];
  injectedGzipBytes: number;
  cardFrameMs: number;
  overlayMs: number;
};
export const MIN_COST_MS: number;
export function median(xs: number[]): number | null;
export function quantile(xs: number[], q: number): number | null;
export function max(xs: number[]): number | null;
export function round(x: number | null | undefined): number | null;
export function costs(config: number[], baseline: number[]): number[];
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null;
export function summarizePage(samples: Partial<Record<string, Sample[]>>, options?: { dynamic?: boolean }): Record<string, ConfigSummary>;
export function noMentionOk(ours: number | null, floor: number | null, budgets?: typeof BUDGETS): boolean | null;
export function evaluateBudgets(
  result: { pages: BudgetPage[]; sizes?: { injectedGzipBytes?: number | null }; card?: { overDwellMs?: number | null }; overlay?: { openMs?: number | null } },
  budgets?: typeof BUDGETS,
): { budgets: Record<BudgetName, boolean | null>; failures: string[] };
export function ratiosBySize(pages: BudgetPage[]): Record<string, Record<string, { oursOverFloor: number | null; peerOverOurs: number | null; peerListOverOurs?: number | null }>>;
