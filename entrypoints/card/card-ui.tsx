import { render } from 'preact';
import cardCss from '@/components/card/card.css?inline';
import type { ScriptContext } from '@/lib/page/script-context';
import cardData from 'virtual:crocus/card';
import { HoverCard } from '@/components/card/HoverCard';
import { ClaimCard } from '@/components/card/ClaimCard';
import { placeCard, luminance } from '@/components/card/position';
import type { CardCallbacks, CardTarget, CardUi } from '@/components/card/card-ui';
import { uiLanguage } from '@/lib/i18n/t';
import { rangeRectIn } from '@/lib/page/frame-geometry';

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

/** The card inside the shadow root of its host, placed so that it never covers the text it explains. */
export function createCardUi(ctx: ScriptContext, shadow: ShadowRoot): CardUi {
  const lang = uiLanguage();
  /** The callbacks of the card on show (the card's own listeners call them). */
  let current: CardCallbacks | undefined;

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

  return {
    show(target: CardTarget, callbacks: CardCallbacks): boolean {
      // The whole mention's (or sentence's) box: the card never covers any line of it. (In this document's
      // viewport: a mention may sit in a same-origin frame.)
      const anchor = rangeRectIn(target.range);
      if (anchor.width === 0 && anchor.height === 0) return false;
      current = callbacks;
      const card = cardData();
      root.classList.toggle('cc-dark', pageIsDark());
      setShown(true);
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
      root.style.maxHeight = 'none';
      const size = root.getBoundingClientRect();
      const place = placeCard(anchor, { width: size.width, height: size.height }, { width: innerWidth, height: innerHeight });
      root.style.top = `${place.top}px`;
      root.style.left = `${place.left}px`;
      root.style.maxHeight = `${place.maxHeight}px`;
      return true;
    },
    hide() {
      current = undefined;
      render(null, root);
      setShown(false);
    },
  };
}
