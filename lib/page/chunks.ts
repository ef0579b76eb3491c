/**
 * Running the pure recognizer over a page in time slices.
 *
 * `recognize(blocks)` decides page-level gating ("is this page about the attack?") from the blocks it is given.
 * Cutting a long page into chunks would let a chunk without the strong cue lose its gated mentions, so once one
 * chunk is found to be "about", the other chunks are recognized again with a few evidence blocks (the blocks that
 * carried the cue) in front; mentions found in the evidence are discarded.
 */
import { CONTEXT, type BlockMention, type BlockContext, type Mention, type PageResult } from '../recognize/types';

export type RecognizeFn<T> = (blocks: readonly string[], table: T) => PageResult;

export interface ChunkRunOptions<T> {
  recognize: RecognizeFn<T>;
  table: T;
  /** Gating already established for this page (by an earlier run). */
  about: boolean;
  /** Evidence blocks from an earlier run (texts only). */
  evidence: readonly string[];
  now(): number;
  /** Called between chunks when the slice budget is used up; resolves when work may continue. */
  yieldToMain(): Promise<void>;
  /** True when the owner was stopped or restarted: return early. */
  cancelled(): boolean;
  sliceMs: number;
  /** Adaptive chunk size, shared across runs (chars per recognizer call). */
  sizer?: { chars: number };
}

export interface ChunkRunResult {
  about: boolean;
  evidence: string[];
  /**
   * Mentions per input block, offsets relative to that block, `block` = the input index. Not final where the
   * recognizer is `recognizeLoose`: apply `nearContext` with `context` over the whole page.
   */
  perBlock: BlockMention[][];
  /** Per input block: what it says about the attack (all of it where the recognizer does not tell). */
  context: BlockContext[];
  cancelled: boolean;
}

const MIN_CHARS = 2_048;
/** Recognition cost per character varies with how many names a text holds: never bet a call on more than this. */
const MAX_CHARS = 32_768;
/** Evidence goes in front of every later recognizer call, so it is kept small: a few KB at first. */
const EVIDENCE_CHARS = 2_048;
const WIDER_EVIDENCE_CHARS = 16_384;
/** Fallback evidence (the deciding chunk itself) is capped here. */
const MAX_EVIDENCE_CHARS = 32_768;
const CLIP_CHARS = 1_024;

/**
 * Blocks that gave a chunk its "about" verdict, as texts: the blocks with event/venue mentions first, then those
 * with other mentions, long blocks clipped around their first mention, up to `budget` characters. With `wide`,
 * the chunk's other blocks follow (gating also counts cue words, which may sit in blocks without names).
 */
export function pickEvidence(texts: readonly string[], result: PageResult, budget = EVIDENCE_CHARS, wide = false): string[] {
  const strong: number[] = [];
  const weak: number[] = [];
  for (const m of result.mentions) {
    const list = m.kind === 'event' || m.kind === 'venue' ? strong : weak;
    if (!list.includes(m.block)) list.push(m.block);
  }
  const order = [...strong, ...weak.filter((b) => !strong.includes(b))];
  if (wide || !order.length) for (let i = 0; i < texts.length; i++) if (!order.includes(i)) order.push(i);
  const out: string[] = [];
  let total = 0;
  for (const i of order) {
    if (total >= budget) break;
    const text = clip(texts[i], result.mentions.filter((m) => m.block === i), wide ? CLIP_CHARS * 4 : CLIP_CHARS);
    out.push(text);
    total += text.length;
  }
  return out;
}

/** Keep evidence short, but never cut through the mention that made it evidence. */
function clip(text: string, mentions: readonly Mention[], max: number): string {
  if (text.length <= max) return text;
  const first = mentions.length ? Math.min(...mentions.map((m) => m.start)) : 0;
  const from = Math.max(0, first - max / 2);
  return text.slice(from, from + max);
}

/** The deciding chunk's own text, capped: used when the picked evidence alone does not reach the gate. */
function chunkEvidence(texts: readonly string[]): string[] {
  const out: string[] = [];
  let total = 0;
  for (const t of texts) {
    if (total >= MAX_EVIDENCE_CHARS) break;
    const part = t.slice(0, MAX_EVIDENCE_CHARS - total);
    out.push(part);
    total += part.length;
  }
  return out;
}

function withEvidence<T>(
  recognize: RecognizeFn<T>,
  table: T,
  texts: readonly string[],
  evidence: readonly string[],
): PageResult {
  if (!evidence.length) return recognize(texts, table);
  const r = recognize([...evidence, ...texts], table);
  const n = evidence.length;
  return {
    about: r.about,
    mentions: r.mentions.filter((m) => m.block >= n).map((m) => ({ ...m, block: m.block - n })),
    ...(r.context ? { context: r.context.slice(n) } : {}),
  };
}

/** End (exclusive) of the group of texts from `from` that holds at most `max` characters, and at least one text. */
export function groupEnd(texts: readonly string[], from: number, max: number): number {
  let to = from;
  let chars = 0;
  while (to < texts.length && (to === from || chars + texts[to]!.length <= max)) chars += texts[to++]!.length;
  return to;
}

/** Recognize `texts` chunk by chunk, yielding between chunks once a slice's budget is spent. */
export async function recognizeInChunks<T>(texts: readonly string[], o: ChunkRunOptions<T>): Promise<ChunkRunResult> {
  const sizer = o.sizer ?? { chars: 16_384 };
  const perBlock: BlockMention[][] = texts.map(() => []);
  const context: BlockContext[] = texts.map(() => CONTEXT.all);
  let about = o.about;
  let evidence = [...o.evidence];
  /** Chunks recognized before the page was known to be about the attack: [from, to). */
  const redo: [number, number][] = [];
  let sliceStart = o.now();

  const run = (from: number, to: number): PageResult => {
    const t0 = o.now();
    const r = withEvidence(o.recognize, o.table, texts.slice(from, to), about ? evidence : []);
    const took = o.now() - t0;
    let chars = 0;
    for (let i = from; i < to; i++) chars += texts[i].length;
    // Aim each call at about half a slice: shrink fast, grow slowly.
    if (took > o.sliceMs / 2 && chars > MIN_CHARS) sizer.chars = Math.max(MIN_CHARS, Math.floor(sizer.chars / 2));
    else if (took < o.sliceMs / 4 && chars >= sizer.chars) sizer.chars = Math.min(MAX_CHARS, Math.floor(sizer.chars * 1.25));
    return r;
  };

  const store = (from: number, to: number, r: PageResult): void => {
    for (let i = from; i < to; i++) {
      perBlock[i] = [];
      context[i] = r.context?.[i - from] ?? CONTEXT.all;
    }
    for (const m of r.mentions) {
      const b = from + m.block;
      if (b >= from && b < to) perBlock[b].push({ ...m, block: b });
    }
  };

  const pause = async (): Promise<boolean> => {
    if (o.now() - sliceStart < o.sliceMs) return !o.cancelled();
    await o.yieldToMain();
    sliceStart = o.now();
    return !o.cancelled();
  };

  let i = 0;
  while (i < texts.length) {
    const to = groupEnd(texts, i, sizer.chars);
    const r = run(i, to);
    store(i, to, r);
    if (r.about && !about) {
      about = true;
      if (!evidence.length) {
        // Gating adds up names and cue words over all the blocks it sees: the short evidence must still pass on
        // its own, else wider evidence, else the deciding chunk itself.
        const chunk = texts.slice(i, to);
        const candidates = [pickEvidence(chunk, r), pickEvidence(chunk, r, WIDER_EVIDENCE_CHARS, true)];
        evidence = chunkEvidence(chunk);
        for (const ev of candidates) {
          if (!(await pause())) return { about, evidence, perBlock, context, cancelled: true };
          if (o.recognize(ev, o.table).about) {
            evidence = ev;
            break;
          }
        }
      }
    } else if (!r.about && !about) {
      redo.push([i, to]);
    }
    i = to;
    if (!(await pause())) return { about, evidence, perBlock, context, cancelled: true };
  }

  if (about) {
    for (const [from, to] of redo) {
      store(from, to, run(from, to));
      if (!(await pause())) return { about, evidence, perBlock, context, cancelled: true };
    }
  }
  return { about, evidence, perBlock, context, cancelled: false };
}
