import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import claimTable from 'virtual:crocus/claims';
import { matchClaims } from '@/lib/claims/match';
import { candidateBlocks } from '@/lib/claims/candidates';
import { extractBlocks, type TextBlock } from '@/lib/page/blocks';
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

/** Indexes of the blocks holding a mention. */
function mentionBlocks(blocks: TextBlock[], controller: PageController): number[] {
  const mentionNodes = new Set<Node>(controller.mentions().map((m) => m.range.startContainer));
  return blocks.flatMap((b, i) => (b.segments.some((s) => mentionNodes.has(s.node)) ? [i] : []));
}

/**
 * Claims on the page: sentences that report a claim of the pack get a quieter highlight than names. Runs only on
 * pages the recognizer judged to be about the attack, after recognition settles, on the blocks around mentions.
 */
export function startClaims(ctx: ContentScriptContext, controller: PageController, onChange: (claims: PageClaim[]) => void) {
  let found: PageClaim[] = [];
  let timer: number | undefined;
  const byRange = new Map<AbstractRange, PageClaim>();
  const api = typeof Highlight === 'function' && typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights : null;

  const paint = () => {
    if (!api) return;
    const highlight = new Highlight(...found.map((c) => c.range));
    // Under the name highlights: a sentence tint must never hide which words are names.
    highlight.priority = -1;
    api.set(CLAIM_HIGHLIGHT, highlight);
  };

  const run = () => {
    timer = undefined;
    if (!controller.about || controller.state === 'stopped') {
      found = [];
    } else {
      const blocks = extractBlocks(document.body);
      const picked = candidateBlocks(mentionBlocks(blocks, controller), blocks.map((b) => b.text.length));
      const matches = matchClaims(picked.map((i) => blocks[i]!.text), claimTable);
      found = matches.flatMap((m) => {
        const range = rangeFor(blocks[picked[m.block]!]!, m.start, m.end);
        return range ? [{ claim: m.claim, text: m.text, range }] : [];
      });
    }
    byRange.clear();
    for (const c of found) byRange.set(c.range, c);
    paint();
    onChange(found);
  };

  ctx.onInvalidated(() => api?.delete(CLAIM_HIGHLIGHT));

  return {
    /** Call on every recognition result; matching runs once results settle. */
    update() {
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(() => requestIdleCallbackOr(run), SETTLE_MS);
    },
    claims: () => found,
    clear() {
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
