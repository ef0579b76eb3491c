/**
 * "You have read this claim on 6 pages, its denial on none": how often the reader met each claim, and the claims
 * that contradict it. Pure: conflicts come from the knowledge pack (`pack.conflicts`), passed in.
 */
import type { HistoryEntry } from './schema';

/** The part of a knowledge-pack conflict this needs. */
export interface ConflictLike {
  id?: string;
  sides: readonly { claims: readonly string[] }[];
}

/** For each claim id, the claims on the other sides of every conflict it takes part in. */
export function contradictionsOf(conflicts: readonly ConflictLike[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const conflict of conflicts) {
    conflict.sides.forEach((side, i) => {
      for (const claim of side.claims) {
        let set = out.get(claim);
        if (!set) out.set(claim, (set = new Set()));
        conflict.sides.forEach((other, j) => {
          if (j === i) return;
          for (const c of other.claims) if (c !== claim && !side.claims.includes(c)) set.add(c);
        });
      }
    });
  }
  return out;
}

/** For each claim id, the addresses of the pages that mentioned it. */
export function pagesByClaim(entries: readonly HistoryEntry[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const c of e.claims) {
      let set = out.get(c);
      if (!set) out.set(c, (set = new Set()));
      set.add(e.url);
    }
  }
  return out;
}

export interface ContradictingCount {
  claim: string;
  pages: number;
}

export interface ClaimStat {
  claim: string;
  /** Pages on which the reader met this claim. */
  pages: number;
  /** Distinct pages on which the reader met any claim that contradicts it. */
  contradictingPages: number;
  /** Every contradicting claim with its page count (met or not), most met first, then by id. */
  contradicting: ContradictingCount[];
  /** Ids of the conflicts this claim takes part in. */
  conflicts: string[];
}

/**
 * One row per claim the reader met, most met first. `contradictingPages` counts distinct pages, so a page that
 * carries two denials counts once.
 */
export function claimStats(entries: readonly HistoryEntry[], conflicts: readonly ConflictLike[]): ClaimStat[] {
  const pages = pagesByClaim(entries);
  const contra = contradictionsOf(conflicts);
  const conflictIds = new Map<string, string[]>();
  for (const x of conflicts) {
    if (!x.id) continue;
    for (const side of x.sides) for (const c of side.claims) {
      const list = conflictIds.get(c) ?? [];
      if (!list.includes(x.id)) list.push(x.id);
      conflictIds.set(c, list);
    }
  }
  const rows: ClaimStat[] = [];
  for (const [claim, urls] of pages) {
    const others = [...(contra.get(claim) ?? [])];
    const union = new Set<string>();
    const contradicting = others
      .map((c) => {
        const met = pages.get(c);
        for (const u of met ?? []) union.add(u);
        return { claim: c, pages: met?.size ?? 0 };
      })
      .sort((a, b) => b.pages - a.pages || compareIds(a.claim, b.claim));
    rows.push({ claim, pages: urls.size, contradictingPages: union.size, contradicting, conflicts: conflictIds.get(claim) ?? [] });
  }
  return rows.sort((a, b) => b.pages - a.pages || compareIds(a.claim, b.claim));
}

/** C2 before C10, C46 before C46b. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
