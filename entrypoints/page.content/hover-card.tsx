import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import card from 'virtual:crocus/card';
import { HoverCard } from '@/components/card/HoverCard';
import { placeCard, luminance } from '@/components/card/position';
import type { PageController, PageMention } from '@/lib/page/controller';
import { UI_HOST_ATTR } from '@/lib/page/blocks';
import { mentionAtPoint } from '@/lib/page/hit-test';
import { uiLanguage } from '@/lib/i18n/t';

/** Pointer rest before the card opens, and grace before it closes when the pointer leaves. */
const DWELL_MS = 150;
const GRACE_MS = 300;

interface CardActions {
  openPanel: (entity: string) => void;
  disableSite: () => void;
}

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
  let shown: PageMention | null = null;
  let candidate: PageMention | null = null;
  let dwell: number | undefined;
  let grace: number | undefined;
  let frame: number | undefined;
  let lastPoint = { x: 0, y: 0 };

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

  const show = (mention: PageMention) => {
    if (!root) return;
    // The page may have removed our host: put it back once, quietly.
    if (host && !host.isConnected) ui.mount();
    // The whole mention's box: the card never covers any line of it.
    const anchor = mention.range.getBoundingClientRect();
    if (anchor.width === 0 && anchor.height === 0) return;
    shown = mention;
    root.classList.toggle('cc-dark', pageIsDark());
    root.hidden = false;
    render(
      <HoverCard
        card={card}
        mention={mention}
        lang={lang}
        onOpenPanel={(entity) => {
          hide();
          actions.openPanel(entity);
        }}
        onDisableSite={() => {
          hide();
          actions.disableSite();
        }}
        onClose={hide}
      />,
      root,
    );
    const size = root.getBoundingClientRect();
    const place = placeCard(anchor, { width: size.width, height: size.height }, { width: innerWidth, height: innerHeight });
    root.style.top = `${place.top}px`;
    root.style.left = `${place.left}px`;
  };

  const inCard = (e: Event) => host !== undefined && e.composedPath().includes(host);

  const onPointer = () => {
    frame = undefined;
    const hit = mentionAtPoint(lastPoint.x, lastPoint.y, controller);
    if (hit && hit === shown) {
      clearTimeout(grace);
      return;
    }
    if (hit !== candidate) {
      candidate = hit;
      clearTimeout(dwell);
      if (hit) dwell = ctx.setTimeout(() => candidate === hit && show(hit), DWELL_MS);
    }
    if (!hit && shown) scheduleHide();
  };

  ctx.addEventListener(
    document,
    'pointermove',
    (e) => {
      if (inCard(e) || e.pointerType === 'touch') return;
      lastPoint = { x: e.clientX, y: e.clientY };
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
    if (inside) show(inside);
    else if (shown) hide();
  });

  ctx.addEventListener(window, 'scroll', () => shown && hide(), { passive: true, capture: true });
  ctx.onInvalidated(() => {
    hide();
    ui.remove();
  });
}
