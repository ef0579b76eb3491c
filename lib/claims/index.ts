/**
 * Claims on the page: recognizes sentences that report a claim of the knowledge pack.
 *
 *   const table = compileClaimTable(pack);      // build time; small and JSON-serialisable
 *   const matches = matchClaims(blocks, table); // anywhere: page adapter, CLI scanner, tests
 */
export { compileClaimTable } from './compile';
export { matchClaims, mentionsTopic, scoreBlock, speakersOf } from './match';
export type { Candidate, SentenceResult } from './match';
export { splitSentences } from './sentences';
export type { SentenceSpan } from './sentences';
export type { ClaimMatch, ClaimTable, MatchOptions } from './types';
