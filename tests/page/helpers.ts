/** Test doubles for the page adapter: a fake recognizer, a fake highlight registry and a virtual clock. */
import type { BlockMention, PageResult } from '@/lib/recognize/types';
import type { HighlightApi, HighlightLike } from '@/lib/page/highlighter';
import type { PageScheduler } from '@/lib/page/scheduler';

export const TABLE = { name: 'fake-table' };

/**
 * "Crocus City Hall" is a venue mention anywhere; "FSB" is an institution mention only when the page (the blocks
 * given) is about the attack, i.e. some block names the venue. Mirrors the real recognizer's gating in miniature.
 */
export function fakeRecognize(blocks: readonly string[]): PageResult {
  const about = blocks.some((b) => b.includes('Crocus City Hall'));
  const mentions: BlockMention[] = [];
  blocks.forEach((text, block) => {
    for (const m of text.matchAll(/Crocus City Hall/g)) {
      mentions.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'venue', entity: 'crocus-city-hall', block });
    }
    if (about) {
      for (const m of text.matchAll(/\bFSB\b/g)) {
        mentions.push({ start: m.index!, end: m.index! + 3, text: 'FSB', kind: 'institution', entity: 'fsb', block });
      }
    }
  });
  mentions.sort((a, b) => a.block - b.block || a.start - b.start);
  return { about, mentions };
}

export const fakeQuickCheck = (text: string): boolean => /Crocus City Hall|FSB/.test(text);

export class FakeHighlight extends Set<AbstractRange> implements HighlightLike {
  priority = 0;
}

export class FakeRegistry extends Map<string, FakeHighlight> {}

export function fakeApi(registry = new FakeRegistry()): { api: HighlightApi; registry: FakeRegistry } {
  return { registry, api: () => ({ registry: registry as never, create: () => new FakeHighlight() }) };
}

/** Virtual clock: timers run only in `advance()`; `now()` optionally moves forward on every read. */
export class FakeScheduler implements PageScheduler {
  t = 0;
  yields = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  constructor(private readonly msPerRead = 0) {}
  now(): number {
    this.t += this.msPerRead;
    return this.t;
  }
  yieldToMain(): Promise<void> {
    this.yields++;
    return Promise.resolve();
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers.delete(h as number);
  }
  get pendingTimers(): number {
    return this.timers.size;
  }
  /** Move the clock forward, running due timers in order and letting promises/observers settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle(1);
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
      await settle(2);
    }
    this.t = Math.max(this.t, end);
  }
}

/** Let microtasks, MutationObserver deliveries and zero-delay tasks run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setTimeout(r, 0));
}

export function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}
