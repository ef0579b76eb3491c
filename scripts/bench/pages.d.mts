// Types of pages.mjs (for the TypeScript unit tests).
export interface SizeSpec {
  label: string;
  chars: number;
}
export type MentionVariant = 'none' | 'decoy' | 'few' | 'many';
export interface PageSpec {
  size: string;
  chars: number;
  mentions: MentionVariant;
  dynamic?: boolean;
  seed?: number;
}
export interface GeneratedPage {
  id: string;
  html: string;
  textChars: number;
  textNodes: number;
  mentionSentences: number;
  decoySentences: number;
  paragraphs: number;
}
export const SIZES: SizeSpec[];
export const MENTION_VARIANTS: MentionVariant[];
export const FEW_MENTIONS: number;
export const MANY_EVERY_CHARS: number;
export const MANY_MIN: number;
export const DYNAMIC_BATCHES: number;
export const DYNAMIC_INTERVAL_MS: number;
export const MENTION_SENTENCES: { en: string[]; ru: string[] };
export const DECOY_SENTENCES: { en: string[]; ru: string[] };
export function prng(seed: number): () => number;
export function fillerSentence(rand: () => number, lang: 'en' | 'ru'): string;
export function mentionCount(variant: MentionVariant, chars: number): number;
export function mentionSlots(count: number, slots: number): Set<number>;
export function generatePage(spec: PageSpec): GeneratedPage;
export function pageSpecs(options?: { sizes?: string[]; variants?: MentionVariant[]; dynamicSizes?: string[]; seed?: number }): Required<PageSpec>[];
