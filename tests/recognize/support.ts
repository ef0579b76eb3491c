/** Shared helpers for the recognizer tests: the real pack's matcher table and the fixture corpus. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matcherTableFromPack } from '../../lib/recognize/node';
import type { MatcherTable } from '../../lib/recognize/table';
import type { BlockMention, PageResult } from '../../lib/recognize/types';

export const FIXTURES = fileURLToPath(new URL('../fixtures/recognize/', import.meta.url));

let table: MatcherTable | undefined;
/** The matcher table compiled from lib/knowledge/parts (entities.json + recognition.json). */
export function realTable(): MatcherTable {
  table ??= matcherTableFromPack();
  return table;
}

export interface Expected {
  text: string;
  entity: string;
}

export interface FixturePage {
  id: string;
  lang: string;
  about: boolean;
  text: string;
  expect: Expected[];
  forbid?: string[];
  note?: string;
  /** A documented miss: why the recognizer does not find this page. */
  knownMiss?: string;
}

export function loadPages(): FixturePage[] {
  return readFileSync(`${FIXTURES}pages.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FixturePage);
}

/** Blocks as the JSONL scanner makes them: one per line of the text. */
export function blocksOf(text: string): string[] {
  return text.split('\n');
}

/**
 * Whether an expected mention was found: a mention of that entity overlapping an occurrence of the expected text
 * (a venue named inside the event's name counts: "Anschlag auf die Crocus City Hall").
 */
export function found(blocks: string[], result: PageResult, exp: Expected): boolean {
  return blocks.some((block, bi) => {
    let from = 0;
    for (;;) {
      const at = block.indexOf(exp.text, from);
      if (at < 0) return false;
      const end = at + exp.text.length;
      const hit = result.mentions.some(
        (m: BlockMention) =>
          m.block === bi &&
          m.start < end &&
          at < m.end &&
          (m.entity === exp.entity || (exp.entity === 'crocus-city-hall' && m.entity === 'crocus-attack' && m.start <= at && end <= m.end)),
      );
      if (hit) return true;
      from = at + 1;
    }
  });
}
