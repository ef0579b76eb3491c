/** The recognizer's public API (see recognize.ts for how it works). */
export { compileMatcherTable, tableSize, DEFAULT_RECOGNITION } from './compile';
export type { CompileReport, PackForMatcher } from './compile';
export { quickCheck, recognizeBlocks, recognizeDetailed, recognizePage, recognizeText } from './recognize';
export type { PageScore } from './recognize';
export { normalize, normalizeText, originalRange } from './normalize';
export type { Normalized } from './normalize';
export type { MatcherTable } from './table';
export type { BlockMention, Mention, MentionKind, PageLayout, PageResult } from './types';
