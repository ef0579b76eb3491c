/**
 * Why the importer refused a file or an entry, or why a stored record counts as damaged — as data, not words:
 * each screen words them in the reader's language (the options page: `reason_*`, `field_*` and `import_*`
 * messages in public/_locales).
 */
import type { z } from 'zod';

/** What is wrong with one entry (or one field of it). */
export type EntryProblem =
  | 'missing'
  | 'wrong_type'
  | 'too_big'
  | 'too_small'
  | 'bad_format'
  | 'not_http'
  | 'visit_order'
  | 'invalid'
  | 'stored_damaged';

export interface Reason {
  problem: EntryProblem;
  /** The field's path in the entry ("firstVisit", "entities.0"); absent for the entry as a whole. */
  field?: string;
}

/** What makes a whole file unusable. */
export type FileProblem = 'too_large' | 'not_json' | 'not_export' | 'no_version' | 'newer_version' | 'no_entries' | 'too_many';

/** Reasons our own checks give (zod `refine`), carried in the issue's params so they survive as codes. */
export const refineReason = (problem: EntryProblem, path?: string[]) => ({ params: { problem }, ...(path ? { path } : {}) });

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function problemOf(issue: z.core.$ZodIssue, input: unknown): EntryProblem {
  if (issue.code === 'custom') return (issue.params?.problem as EntryProblem | undefined) ?? 'invalid';
  if (issue.code === 'invalid_type') return valueAt(input, issue.path) === undefined ? 'missing' : 'wrong_type';
  if (issue.code === 'too_big') return 'too_big';
  if (issue.code === 'too_small') return 'too_small';
  if (issue.code === 'invalid_format') return 'bad_format';
  return 'invalid';
}

/** The first issues of a zod error about `input`, as reasons. */
export function issueReasons(error: z.ZodError, input: unknown, max = 5): Reason[] {
  return error.issues.slice(0, max).map((issue) => {
    const problem = problemOf(issue, input);
    return issue.path.length > 0 ? { problem, field: issue.path.map(String).join('.') } : { problem };
  });
}
