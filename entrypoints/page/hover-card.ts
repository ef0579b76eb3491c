import type { ScriptContext } from '@/lib/page/script-context';
import type { PageClaim } from './claims';
import type { PageController } from '@/lib/page/controller';
import { mentionAtPoint } from '@/lib/page/hit-test';
import { sendToBackground } from '@/lib/messages/send';
import { UI_HOST_ATTR } from '@/lib/page/blocks';
import { publishedMountCard, sameTarget, type CardCallbacks, type CardTarget, type CardUi } from '@/components/card/card-ui';

/** Pointer rest before the card opens, and grace before it closes when the pointer leaves. */
const DWELL_MS = 150;
const GRACE_MS = 300;
/**
 * Pointer rest after which the card is prepared unseen (`CardUi.prepare`), so that the dwell's end only reveals
 * it; a pointer passing over a highlight on its way elsewhere costs nothing.
 */
const PREPARE_MS = 40;

interface CardActions {
  openPanel: (entity?: string) => void;
  /** Loads the panel ahead, hidden: the card offers to open it. */
  preparePanel?: () => void;
  disableSite: () => void;
  /** The claim sentence under a point (claims on the page), if that feature runs. */
  claimAt?: (x: number, y: number) => PageClaim | null;
}

/**
 * When the hover card shows: after the pointer rests on a highlight (hit-tested against the highlight registry, no
 * DOM changes) or when keyboard focus lands on an element holding one; it stays while the pointer moves into it and
 * closes with Esc, on leaving, or on scroll. The card itself (Preact, the card data, its host) is the card script,
 * which the background injects when the pointer first comes to rest on a highlight: it loads during the dwell.
 */
export function startHoverCard(ctx: ScriptContext, controller: PageController, actions: CardActions) {
  // The card's host: one per frame, empty until the card script fills it; in the page once there is something to
  // explain (a page that only looked like a candidate is left exactly as it was).
  const host = document.createElement('crocus-context-card');
  host.setAttribute(UI_HOST_ATTR, '');
  // No box of its own (the card inside is position: fixed): a box added to the page makes the browser lay out and
  // repaint the whole document, ~50 ms on a page of 10 MB of text, in the frame that paints the first highlights.
  // Set through the CSSOM: pages with a strict style-src block inline style attributes.
  host.style.setProperty('display', 'contents', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const attach = () => (document.body ?? document.documentElement).append(host);
  let placed = false;
  let ui: CardUi | undefined;
  let loading: Promise<CardUi | undefined> | undefined;
  let shown: CardTarget | null = null;
  /** What the card should show once its UI is there (the latest request wins). */
  let wanted: CardTarget | null = null;
  let candidate: CardTarget | null = null;
  let dwell: number | undefined;
  let preparing: number | undefined;
  let grace: number | undefined;
  let frame: number | undefined;
  /** Where the pointer last moved (in `doc`'s viewport: this document or a same-origin frame's), and when
   * (this window's performance.now() time base). */
  let lastPoint = { x: 0, y: 0, at: 0, doc: document };
  /** Documents listened to: this one and the same-origin frames this page script highlights in. */
  const listened = new WeakSet<Document>();

  const loadUi = (): Promise<CardUi | undefined> =>
    (loading ??= sendToBackground({ type: 'page/card' })
      .then(() => {
        ui = publishedMountCard()?.(shadow);
        // Not loaded (the extension is reloading, the frame is going away): the next hover tries again.
        if (!ui) loading = undefined;
        return ui;
      })
      .catch(() => (loading = undefined)));

  const hide = () => {
    clearTimeout(dwell);
    clearTimeout(preparing);
    clearTimeout(grace);
    wanted = null;
    // (Also a card prepared unseen.)
    ui?.hide();
    shown = null;
  };

  const scheduleHide = () => {
    clearTimeout(grace);
    grace = ctx.setTimeout(hide, GRACE_MS);
  };

  const inCard = (e: Event) => e.composedPath().includes(host);

  const callbacks: CardCallbacks = {
    openPanel: (entity) => {
      hide();
      // Back from the panel, resting on the same highlight shows its card again.
      candidate = null;
      actions.openPanel(entity);
    },
    disableSite: () => {
      hide();
      actions.disableSite();
    },
    close: hide,
    enter: () => clearTimeout(grace),
    leave: scheduleHide,
  };

  /** The page may have removed our host: put it back, quietly. */
  const placeHost = () => {
    if (!host.isConnected) attach();
  };

  /** Prepares the card for the highlight under a pointer that arrived at `at`, once the card's UI is there. */
  const prepareAt = (target: CardTarget, at: number) => {
    const stillResting = () => !shown && sameTarget(candidate, target) && ctx.isValid;
    void loadUi().then((loaded) => {
      if (!loaded || !stillResting()) return;
      // In a task of its own: not in the one that evaluated the card script.
      preparing = ctx.setTimeout(
        () => {
          if (!stillResting()) return;
          placeHost();
          loaded.prepare(target, callbacks);
        },
        Math.max(0, PREPARE_MS - (performance.now() - at)),
      );
    });
  };

  const show = async (target: CardTarget) => {
    wanted = target;
    const loaded = ui ?? (await loadUi());
    if (!loaded || wanted !== target || !ctx.isValid) return;
    placeHost();
    if (!loaded.show(target, callbacks)) return;
    shown = target;
    // After the card's paint: the panel's frame loads (in the extension's process) while the reader reads.
    requestAnimationFrame(() => ctx.setTimeout(() => actions.preparePanel?.(), 0));
  };

  /** A name wins over the claim sentence it sits in. */
  const targetAt = (x: number, y: number, doc: Document): CardTarget | null => {
    const mention = mentionAtPoint(x, y, controller, doc);
    if (mention) return { kind: 'mention', mention, range: mention.range };
    // (Claim sentences are found in this document only.)
    const claim = doc === document ? actions.claimAt?.(x, y) : null;
    return claim ? { kind: 'claim', claim, range: claim.range } : null;
  };

  const onPointer = () => {
    frame = undefined;
    const hit = targetAt(lastPoint.x, lastPoint.y, lastPoint.doc);
    if (hit && sameTarget(hit, shown)) {
      clearTimeout(grace);
      return;
    }
    if (!sameTarget(hit, candidate)) {
      candidate = hit;
      clearTimeout(dwell);
      clearTimeout(preparing);
      // A card prepared for the text the pointer left goes (one the reader sees stays for its grace).
      if (!shown) ui?.hide();
      if (hit) {
        // The card's code loads and the card is prepared while the pointer rests.
        prepareAt(hit, lastPoint.at);
        // The dwell counts from the pointer's arrival, not from this frame: the card opens on time.
        const wait = Math.max(0, DWELL_MS - (performance.now() - lastPoint.at));
        dwell = ctx.setTimeout(() => sameTarget(candidate, hit) && void show(hit), wait);
      }
    }
    if (!hit && shown) scheduleHide();
  };

  /**
   * Pointer, keyboard, focus and scroll of `doc`: this document, or a same-origin frame's (its events do not reach
   * this one). Its pointer's coordinates are its own viewport's, its timestamps its own window's time base.
   */
  const listen = (doc: Document) => {
    if (listened.has(doc)) return;
    listened.add(doc);
    const win = doc.defaultView;
    const skew = win && win !== window ? win.performance.timeOrigin - performance.timeOrigin : 0;
    ctx.addEventListener(
      doc,
      'pointermove',
      (e) => {
        if (inCard(e) || e.pointerType === 'touch') return;
        lastPoint = { x: e.clientX, y: e.clientY, at: e.timeStamp + skew, doc };
        frame ??= requestAnimationFrame(onPointer);
      },
      { passive: true, capture: true },
    );

    ctx.addEventListener(
      doc,
      'keydown',
      (e) => {
        if (e.key === 'Escape' && (shown || wanted)) hide();
      },
      { capture: true },
    );

    // Keyboard: focus on a link or control that contains a highlight opens the card for it (focus stays put).
    ctx.addEventListener(doc, 'focusin', (e) => {
      if (inCard(e)) return;
      const target = e.target as Node | null;
      if (!target || target.nodeType !== Node.ELEMENT_NODE) return;
      const inside = controller.mentions().find((m) => target.contains(m.range.startContainer));
      if (inside) void show({ kind: 'mention', mention: inside, range: inside.range });
      else if (shown || wanted) hide();
    });

    if (win) ctx.addEventListener(win, 'scroll', () => (shown || wanted) && hide(), { passive: true, capture: true });
  };
  listen(document);

  ctx.onInvalidated(() => {
    hide();
    host.remove();
  });

  return {
    /** Called with each recognition result: the host joins the page with the first highlight. */
    update(mentions: number) {
      // Once: a page that removes the host keeps it removed (a hover puts it back, as below).
      if (mentions > 0 && !placed && ctx.isValid) {
        placed = true;
        attach();
      }
      // Highlights in same-origin frames get the card too: their documents are listened to as well. (A window
      // without child frames, most of them, skips the look through the mentions.)
      if (!window.length) return;
      for (const m of controller.mentions()) {
        const doc = m.range.startContainer.ownerDocument;
        if (doc && doc !== document && !listened.has(doc)) listen(doc);
      }
    },
  };
}

export type HoverCardFeature = ReturnType<typeof startHoverCard>;
