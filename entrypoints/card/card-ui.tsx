import { render } from 'preact';
import cardCss from '@/components/card/card.css?inline';
import type { ScriptContext } from '@/lib/page/script-context';
import cardData from 'virtual:crocus/card';
import { HoverCard } from '@/components/card/HoverCard';
import { ClaimCard } from '@/components/card/ClaimCard';
import { placeCard, luminance } from '@/components/card/position';
import { sameTarget, type CardCallbacks, type CardTarget, type CardUi } from '@/components/card/card-ui';
import { uiLanguage } from '@/lib/i18n/t';
import { rangeRectIn } from '@/lib/page/frame-geometry';
import { formatIsoDate, formatNumber } from '@/lib/i18n/format';

/** The root's class while the card is prepared but not yet shown (card.css: laid out, invisible). */
const PENDING = 'cc-pending';

/** Dark when the page's own background is dark (falls back to the reader's colour-scheme preference). */
function pageIsDark(): boolean {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const l = luminance(getComputedStyle(el).backgroundColor);
    if (l !== undefined) return l < 0.35;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * Shows and hides the card's root. In the top layer (a manual popover) where the browser has one: a box that comes
 * and goes among the page's own makes the browser lay out and repaint the whole page, ~65 ms on a page of 10 MB of
 * text at every hover, against ~20 ms in the top layer (measured in Chromium); and no stacking context of the page
 * can cover the card or clip it there.
 */
function showHide(root: HTMLElement): (shown: boolean) => void {
  if (typeof root.showPopover !== 'function') return (shown) => void (root.hidden = !shown);
  root.popover = 'manual';
  return (shown) => {
    try {
      if (shown !== root.matches(':popover-open')) {
        if (shown) root.showPopover();
        else root.hidePopover();
      }
    } catch {
      // Not in the document (the page removed our host): the next show puts it back first.
    }
  };
}

/**
 * The card inside the shadow root of its host, placed so that it never covers the text it explains. It is prepared
 * while the pointer rests (rendered, laid out and placed, but not visible), so that showing it when the dwell ends
 * costs no more than placing it again: the first render of a card (Preact, the browser's first date formatter, the
 * card's first layout) takes tens of milliseconds, more than a frame.
 */
export function createCardUi(ctx: ScriptContext, shadow: ShadowRoot): CardUi {
  const lang = uiLanguage();
  /** The callbacks of the card on show (the card's own listeners call them). */
  let current: CardCallbacks | undefined;
  /** What the root holds now (prepared or shown), and its size as laid out. */
  let rendered: CardTarget | null = null;
  let size = { width: 0, height: 0 };

  // The stylesheet is bundled as text: no web-accessible file for pages to probe.
  const style = document.createElement('style');
  style.textContent = cardCss;
  const root = document.createElement('div');
  root.className = 'cc-root';
  const setShown = showHide(root);
  setShown(false);
  shadow.replaceChildren(style, root);
  root.addEventListener('pointerenter', () => current?.enter());
  root.addEventListener('pointerleave', () => current?.leave());
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) current?.leave();
  });
  ctx.onInvalidated(() => render(null, root));
  // The first date formatter made in a page costs 20-30 ms in Chromium (measured): made in a task of its own now,
  // not in the first card's.
  ctx.setTimeout(() => {
    formatIsoDate(cardData().currentAsOf, lang, 'short');
    formatNumber(0, lang);
  }, 0);

  /** Places the rendered card beside the text's box, which it never covers; false when the text has no box. */
  const place = (target: CardTarget): boolean => {
    // (In this document's viewport: a mention may sit in a same-origin frame.)
    const anchor = rangeRectIn(target.range);
    if (anchor.width === 0 && anchor.height === 0) return false;
    const at = placeCard(anchor, size, { width: innerWidth, height: innerHeight });
    root.style.top = `${at.top}px`;
    root.style.left = `${at.left}px`;
    root.style.maxHeight = `${at.maxHeight}px`;
    return true;
  };

  const clear = () => {
    current = undefined;
    rendered = null;
    render(null, root);
    setShown(false);
  };

  /** Renders the card for `target`, laid out and placed but not visible. */
  const prepare = (target: CardTarget, callbacks: CardCallbacks): boolean => {
    root.classList.add(PENDING);
    root.classList.toggle('cc-dark', pageIsDark());
    setShown(true);
    const card = cardData();
    render(
      target.kind === 'mention' ? (
        <HoverCard
          card={card}
          mention={target.mention}
          lang={lang}
          onOpenPanel={callbacks.openPanel}
          onDisableSite={callbacks.disableSite}
          onClose={callbacks.close}
        />
      ) : (
        <ClaimCard card={card} claim={target.claim.claim} lang={lang} onOpenPanel={() => callbacks.openPanel()} onClose={callbacks.close} />
      ),
      root,
    );
    rendered = target;
    root.style.maxHeight = 'none';
    const box = root.getBoundingClientRect();
    size = { width: box.width, height: box.height };
    if (place(target)) return true;
    clear();
    return false;
  };

  return {
    prepare(target, callbacks) {
      // A card the reader sees is not swapped for another before its dwell.
      if (current) return false;
      return prepare(target, callbacks);
    },
    show(target, callbacks) {
      if (sameTarget(rendered, target) ? !place(target) : !prepare(target, callbacks)) {
        clear();
        return false;
      }
      current = callbacks;
      root.classList.remove(PENDING);
      return true;
    },
    hide: clear,
  };
}
