/** How long the history keeps pages (a setting), and when pruning is due. Pure. */

import type { Retention } from '../settings';

export type { Retention };

const DAY = 24 * 60 * 60 * 1000;

/** Pruning runs at start and then at most once a day. */
export const PRUNE_INTERVAL_MS = DAY;

/** Pages last visited before this instant are removed; undefined for "forever". */
export function retentionCutoff(retention: Retention, now: Date): Date | undefined {
  if (retention === 'forever') return undefined;
  return new Date(now.getTime() - Number(retention) * DAY);
}

/** True when the last pruning (ISO timestamp, or nothing) is a day or more ago, or in the future (clock changed). */
export function pruneDue(lastPruned: unknown, now: Date): boolean {
  if (typeof lastPruned !== 'string') return true;
  const t = Date.parse(lastPruned);
  if (Number.isNaN(t)) return true;
  const age = now.getTime() - t;
  return age >= PRUNE_INTERVAL_MS || age < 0;
}
