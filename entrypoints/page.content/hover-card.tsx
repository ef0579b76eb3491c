import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import cardData from 'virtual:crocus/card';
import { HoverCard } from '@/components/card/HoverCard';
import { ClaimCard } from '@/components/card/ClaimCard';
import type { PageClaim } from './claims';
import { placeCard, luminance } from '@/components/card/position';
import type { PageController, PageMention } from '@/lib/page/controller';
import { UI_HOST_ATTR } from '@/lib/page/blocks';
import { mentionAtPoint } from '@/lib/page/hit-test';
import { uiLanguage } from '@/lib/i18n/t';

/** Pointer rest before the card opens, and grace before it closes when the pointer leaves. */
const DWELL_MS = 150;
const GRACE_MS = 300;

interface CardActions {
  openPanel: (entity?: string) => void;
  disableSite: () => void;
  /** The claim sentence under a point (claims on the page), if that feature runs. */
  claimAt?: (x: number, y: number) => PageClaim | null;
}

/** What a card is about: a highlighted name, or a sentence that reports a known claim. */
type Target = { kind: 'mention'; mention: PageMention; range: Range } | { kind: 'claim'; claim: PageClaim; range: Range };

const sameTarget = (a: Target | null, b: Target | null) => a === b || (a !== null && b !== null && a.range === b.range);

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
 * The hover card: one shadow-root host reused for every highlight. Opens after the pointer rests on a highlight
 * (hit-tested against the highlight registry, no DOM changes) or when keyboard focus lands on an element holding
 * one; stays while the pointer moves into it; closes with Esc, on leaving, or on scroll.
 */
export async function startHoverCard(ctx: ContentScriptContext, controller: PageController, actions: CardActions) {
  const lang = uiLanguage();
  let root: HTMLElement | undefined;
  let host: HTMLElement | undefined;
  let shown: Target | null = null;
  let candidate: Target | null = null;
  let dwell: number | undefined;
  let grace: number | undefined;
  let frame: number | undefined;
  /** Where the pointer last moved, and when (performance.now() time base, as event.timeStamp). */
  let lastPoint = { x: 0, y: 0, at: 0 };

  const ui = await createShadowRootUi(ctx, {
    name: 'crocus-context-card',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container, _shadow, shadowHost) {
      shadowHost.setAttribute(UI_HOST_ATTR, '');
      host = shadowHost;
      root = document.createElement('div');
      root.className = 'cc-root';
      root.hidden = true;
      container.append(root);
      root.addEventListener('pointerenter', () => clearTimeout(grace));
      root.addEventListener('pointerleave', () => scheduleHide());
      root.addEventListener('focusout', (e) => {
        if (!root?.contains(e.relatedTarget as Node | null)) scheduleHide();
      });
      return root;
    },
    onRemove(el) {
      if (el) render(null, el);
    },
  });
  ui.mount();

  const hide = () => {
    clearTimeout(dwell);
    clearTimeout(grace);
    if (!root || !shown) return;
    render(null, root);
    root.hidden = true;
    shown = null;
  };

  const scheduleHide = () => {
    clearTimeout(grace);
    grace = ctx.setTimeout(hide, GRACE_MS);
  };

  const show = (target: Target) => {
    if (!root) return;
    // The page may have removed our host: put it back once, quietly.
    if (host && !host.isConnected) ui.mount();
    // The whole mention's (or sentence's) box: the card never covers any line of it.
    const anchor = target.range.getBoundingClientRect();
    if (anchor.width === 0 && anchor.height === 0) return;
    shown = target;
    const card = cardData();
    root.classList.toggle('cc-dark', pageIsDark());
    root.hidden = false;
    const openPanel = (entity?: string) => {
      hide();
      actions.openPanel(entity);
    };
    render(
      target.kind === 'mention' ? (
        <HoverCard
          card={card}
          mention={target.mention}
          lang={lang}
          onOpenPanel={openPanel}
          onDisableSite={() => {
            hide();
            actions.disableSite();
          }}
          onClose={hide}
        />
      ) : (
        <ClaimCard card={card} claim={target.claim.claim} lang={lang} onOpenPanel={() => openPanel()} onClose={hide} />
      ),
      root,
    );
    root.style.maxHeight = 'none';
    const size = root.getBoundingClientRect();
    const place = placeCard(anchor, { width: size.width, height: size.height }, { width: innerWidth, height: innerHeight });
    root.style.top = `${place.top}px`;
    root.style.left = `${place.left}px`;
    root.style.maxHeight = `${place.maxHeight}px`;
  };

  const inCard = (e: Event) => host !== undefined && e.composedPath().includes(host);

  /** A name wins over the claim sentence it sits in. */
  const targetAt = (x: number, y: number): Target | null => {
    const mention = mentionAtPoint(x, y, controller);
    if (mention) return { kind: 'mention', mention, range: mention.range };
    const claim = actions.claimAt?.(x, y);
    return claim ? { kind: 'claim', claim, range: claim.range } : null;
  };

  const onPointer = () => {
    frame = undefined;
    const hit = targetAt(lastPoint.x, lastPoint.y);
    if (hit && sameTarget(hit, shown)) {
      clearTimeout(grace);
      return;
    }
    if (!sameTarget(hit, candidate)) {
      candidate = hit;
      clearTimeout(dwell);
      // The dwell counts from the pointer's arrival, not from this frame: the card opens on time.
      const wait = Math.max(0, DWELL_MS - (performance.now() - lastPoint.at));
      if (hit) dwell = ctx.setTimeout(() => sameTarget(candidate, hit) && show(hit), wait);
    }
    if (!hit && shown) scheduleHide();
  };

  ctx.addEventListener(
    document,
    'pointermove',
    (e) => {
      if (inCard(e) || e.pointerType === 'touch') return;
      lastPoint = { x: e.clientX, y: e.clientY, at: e.timeStamp };
      frame ??= requestAnimationFrame(onPointer);
    },
    { passive: true, capture: true },
  );

  ctx.addEventListener(
    document,
    'keydown',
    (e) => {
      if (e.key === 'Escape' && shown) hide();
    },
    { capture: true },
  );

  // Keyboard: focus on a link or control that contains a highlight opens the card for it (focus stays put).
  ctx.addEventListener(document, 'focusin', (e) => {
    if (inCard(e)) return;
    const target = e.target;
    if (!(target instanceof Element)) return;
    const inside = controller.mentions().find((m) => target.contains(m.range.startContainer));
    if (inside) show({ kind: 'mention', mention: inside, range: inside.range });
    else if (shown) hide();
  });

  ctx.addEventListener(window, 'scroll', () => shown && hide(), { passive: true, capture: true });
  ctx.onInvalidated(() => {
    hide();
    ui.remove();
  });
}
