/**
 * Which blocks of a page are matched against claims: those holding a mention (the claimant is usually one) and
 * the block after each, up to a character budget — claims are looked for around mentions, never across a whole
 * 10 MB page. Shared by the page script and the scanner so both report the same sentences.
 */
export const CLAIM_TEXT_BUDGET = 200_000;

export function candidateBlocks(mentionBlocks: Iterable<number>, blockLengths: readonly number[], budget = CLAIM_TEXT_BUDGET): number[] {
  const picked = new Set<number>();
  for (const i of mentionBlocks) {
    if (i < 0 || i >= blockLengths.length) continue;
    picked.add(i);
    if (i + 1 < blockLengths.length) picked.add(i + 1);
  }
  let left = budget;
  return [...picked].sort((a, b) => a - b).filter((i) => (left -= blockLengths[i] ?? 0) >= 0);
}
