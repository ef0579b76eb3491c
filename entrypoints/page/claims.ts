import type { ScriptContext } from '@/lib/page/script-context';
import { sendToBackground } from '@/lib/messages/send';
import { candidateBlocks } from '@/lib/claims/candidates';
import { rangeFor } from '@/lib/page/ranges';
import type { PageController } from '@/lib/page/controller';

export const CLAIM_HIGHLIGHT = 'crocus-claim';

/** Quiet time after the last recognition result before sentences are matched again. */
const SETTLE_MS = 800;

export interface PageClaim {
  claim: string;
  text: string;
  range: Range;
}

interface HitRegistry {
  highlightsFromPoint?(x: number, y: number): { highlight: unknown; ranges: AbstractRange[] }[];
}

/**
 * Claims on the page: sentences that report a claim of the pack get a quieter highlight than names. Runs only on
 * pages the recognizer judged to be about the attack, after recognition settles, on the blocks around mentions.
 */
export function startClaims(ctx: ScriptContext, controller: PageController, onChange: (claims: PageClaim[]) => void) {
  let found: PageClaim[] = [];
  let timer: number | undefined;
  const byRange = new Map<AbstractRange, PageClaim>();
  const api = typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights : null;

  const paint = () => {
    if (!api) return;
    // No claims: no registration at all (every change to the registry repaints all highlights, which on a page
    // with a 10 MB text node costs Chromium a 150 ms paint pass; an empty highlight is not worth one).
    if (!found.length) {
      if (api.has(CLAIM_HIGHLIGHT)) api.delete(CLAIM_HIGHLIGHT);
      return;
    }
    const highlight = new Highlight(...found.map((c) => c.range));
    // Under the name highlights: a sentence tint must never hide which words are names.
    highlight.priority = -1;
    api.set(CLAIM_HIGHLIGHT, highlight);
  };

  /** Bumped by every update and clear: a run in progress from before then stops without publishing. */
  let runs = 0;

  const run = async () => {
    timer = undefined;
    const token = ++runs;
    const next: PageClaim[] = [];
    if (controller.about && controller.state !== 'stopped') {
      // The controller's blocks: the page is not read a second time.
      const read = controller.blocks();
      const blocks = read.map((b) => b.block);
      const withMentions = read.flatMap((b, i) => (b.mentions ? [i] : []));
      const picked = candidateBlocks(withMentions, blocks.map((b) => b.text.length));
      // Matched in the background (lib/claims is large): the blocks around mentions, a few hundred KB at most.
      const reply = picked.length
        ? await sendToBackground({ type: 'page/claims', texts: picked.map((i) => blocks[i]!.text) }).catch(() => null)
        : null;
      if (token !== runs || !ctx.isValid) return;
      for (const m of reply?.claims ?? []) {
        const block = blocks[picked[m.block]!];
        const range = block && block.text.slice(m.start, m.end) === m.text ? rangeFor(block, m.start, m.end) : null;
        if (range) next.push({ claim: m.claim, text: m.text, range });
      }
    }
    if (token !== runs) return;
    found = next;
    byRange.clear();
    for (const c of found) byRange.set(c.range, c);
    paint();
    onChange(found);
  };

  ctx.onInvalidated(() => api?.delete(CLAIM_HIGHLIGHT));

  return {
    /** Call on every recognition result; matching runs once results settle. */
    update() {
      runs++;
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(() => requestIdleCallbackOr(() => void run()), SETTLE_MS);
    },
    claims: () => found,
    clear() {
      runs++;
      found = [];
      byRange.clear();
      api?.delete(CLAIM_HIGHLIGHT);
      onChange(found);
    },
    /** The claim sentence under the point, if any. */
    claimAt(x: number, y: number): PageClaim | null {
      if (found.length === 0) return null;
      const registry = api as unknown as HitRegistry | null;
      if (registry?.highlightsFromPoint) {
        for (const hit of registry.highlightsFromPoint(x, y)) {
          for (const r of hit.ranges) {
            const c = byRange.get(r);
            if (c) return c;
          }
        }
        return null;
      }
      return found.find((c) => [...c.range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) ?? null;
    },
  };
}

function requestIdleCallbackOr(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else fn();
}

export type ClaimsFeature = ReturnType<typeof startClaims>;
