// Types of trace.mjs (for the TypeScript unit tests).
export interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}
export interface TraceSummary {
  pid: number | null;
  tasks: number;
  taskMs: number;
  longestTaskMs: number;
  extLongestTaskMs: number;
  extScriptMs: number;
  extTasksOver50: number;
}
export const TRACE_CATEGORIES: string;
export function pageProcess(events: TraceEvent[], origin: string): number | null;
export function unionLength(intervals: Array<[number, number]>): number;
export function completeEvents(events: TraceEvent[]): TraceEvent[];
export function analyzeTrace(events: TraceEvent[], options: { origin: string; isExtension?: (url: string) => boolean }): TraceSummary;
