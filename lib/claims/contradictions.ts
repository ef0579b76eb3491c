/**
 * What contradicts a claim, for the claim card: for every conflict the claim is in, the conflict's subject,
 * the position of the claim's own side, and the other sides with their claims (in the pack's order; no side
 * is ranked). Pure.
 */
import { indexPack } from '../knowledge/load';
import type { Claim, KnowledgePack } from '../knowledge/schema';

export interface ContradictingSide {
  position: string;
  claims: Claim[];
}

export interface Contradiction {
  /** Conflict id (X04) and its neutral subject. */
  conflict: string;
  subject: string;
  /** The position of the side the claim is on. */
  position: string;
  /** The other sides of the conflict. */
  sides: ContradictingSide[];
}

export function contradictionsOf(claimId: string, pack: KnowledgePack): Contradiction[] {
  const index = indexPack(pack);
  const out: Contradiction[] = [];
  for (const x of index.conflictsByClaim.get(claimId) ?? []) {
    const own = x.sides.find((s) => s.claims.includes(claimId));
    if (!own) continue;
    const sides: ContradictingSide[] = [];
    for (const side of x.sides) {
      if (side === own) continue;
      const claims = side.claims.map((id) => index.claims.get(id)).filter((c): c is Claim => c !== undefined);
      if (claims.length > 0) sides.push({ position: side.position, claims });
    }
    if (sides.length > 0) out.push({ conflict: x.id, subject: x.subject, position: own.position, sides });
  }
  return out;
}
