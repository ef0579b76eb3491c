/** Virtual modules served by the `crocusPack()` Vite plugin (lib/build/pack-plugin.ts). */

declare module 'virtual:crocus/pack' {
  /** The full knowledge pack, validated at build start (schema + cross references). */
  const pack: import('../knowledge/schema').KnowledgePack;
  export default pack;
}

declare module 'virtual:crocus/card' {
  /** The small subset of the pack the in-page hover card needs (`cardData(pack)`), parsed on first call. */
  const card: () => import('../knowledge/card').CardData;
  export default card;
}

declare module 'virtual:crocus/matcher' {
  /** The recognizer's matcher table, compiled from the pack at build time. */
  const table: import('../recognize/table').MatcherTable;
  export default table;
}

declare module 'virtual:crocus/quick' {
  /**
   * Source of the quick pattern: every page with a possible mention matches it. Its case spelled out
   * (lib/recognize/quick-fold.ts) when `folded`, for use without the `i` flag; else for flags `iu`.
   */
  const quick: string;
  export default quick;
  export const folded: boolean;
  /** The quick scanner's tables for the pattern (lib/recognize/quick-plan.ts) as JSON; `null` if it cannot have any. */
  export const plan: string;
  /** The folded pattern's groups by first units (lib/recognize/quick-groups.ts, slices of it); null when not folded. */
  export const groups: import('../recognize/quick-groups').QuickGroup[] | null;
}

declare module 'virtual:crocus/claims' {
  /** The claim matcher's table (claim cues), compiled from the pack at build time; parsed on first call. */
  const table: () => import('../claims/types').ClaimTable;
  export default table;
}
