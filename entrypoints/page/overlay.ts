import { browser } from 'wxt/browser';
import type { ScriptContext } from '@/lib/page/script-context';
import { UI_HOST_ATTR } from '@/lib/page/blocks';
import { CLOSE_OVERLAY, OVERLAY_READY, isMessage, openOverlayMessage } from '@/components/panel/overlay-messages';
import { t } from '@/lib/i18n/t';

/**
 * A warm frame nobody opened is dropped this long after it was last wanted (the card shown, the panel closed): it
 * lives in the extension's process, but it is memory all the same.
 */
const IDLE_MS = 60_000;

/**
 * The panel overlaid on the page: the same Preact app as the native side panel, as an extension page in an
 * iframe, so its code is never injected into pages and it works from a click in the hover card in both browsers.
 * It takes no orders from the host page: the only messages it listens for are its own frame's ("close", "ready").
 *
 * Loading the panel (a new document in the extension's process: its scripts, the knowledge pack, the first
 * render) takes longer than a reader should wait after a click, so `prepare()` loads it hidden when the reader
 * shows interest (the hover card is shown). `open()` then shows it and tells it, by a keyed message
 * (components/panel/overlay-messages.ts), which entity to show; an opening before the frame is ready is told
 * when the frame says it is.
 */
export function createOverlay(ctx: ScriptContext) {
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  let shown = false;
  /** The frame has rendered the panel and listens. */
  let ready = false;
  let visits = 0;
  /** The latest opening: told to the frame now, or once it is ready (again, if it reloaded). */
  let wanted: ReturnType<typeof openOverlayMessage> | undefined;
  let idle: number | undefined;
  let returnFocus: Element | null = null;
  // (getRandomValues, not randomUUID: pages served over plain http are no secure context.)
  const key = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');
  // "chrome-extension://<id>", "moz-extension://<uuid>": URL.origin is "null" for such schemes in some browsers.
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');

  const tell = () => {
    if (ready && wanted) frame?.contentWindow?.postMessage(wanted, origin);
  };

  const discard = () => {
    host?.remove();
    host = undefined;
    frame = undefined;
    ready = false;
  };
  const discardLater = () => {
    clearTimeout(idle);
    idle = ctx.setTimeout(() => !shown && discard(), IDLE_MS);
  };

  /** The host and its frame, loading the panel, hidden (display: none: not painted, not focusable). */
  const ensureFrame = (): HTMLIFrameElement => {
    if (frame && host?.isConnected) return frame;
    discard();
    host = document.createElement('crocus-context-panel');
    host.setAttribute(UI_HOST_ATTR, '');
    // Inline styles would break on pages with a strict style-src; these are set through the CSSOM.
    host.style.display = 'none';
    const shadow = host.attachShadow({ mode: 'closed' });
    frame = document.createElement('iframe');
    frame.title = t('overlay_title');
    Object.assign(frame.style, {
      position: 'fixed', top: '0', right: '0', bottom: '0', width: 'min(420px, 100vw)', height: '100vh',
      border: '0', zIndex: '2147483647', colorScheme: 'normal', boxShadow: '-6px 0 24px rgb(0 0 0 / 0.2)', background: 'Canvas',
    });
    const url = new URL(browser.runtime.getURL('/sidepanel.html'));
    url.searchParams.set('overlay', '1');
    url.searchParams.set('key', key);
    frame.src = url.href;
    shadow.append(frame);
    document.documentElement.append(host);
    return frame;
  };

  const close = () => {
    if (!shown || !host) return;
    shown = false;
    // Focus must not stay in a hidden frame (keys would go nowhere, and Firefox stops showing the hover card).
    frame?.blur();
    host.style.display = 'none';
    discardLater();
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
  };

  ctx.addEventListener(window, 'message', (e: MessageEvent) => {
    if (!frame || e.source !== frame.contentWindow) return;
    if (isMessage(e.data, CLOSE_OVERLAY)) close();
    else if (isMessage(e.data, OVERLAY_READY)) {
      ready = true;
      if (shown) tell();
    }
  });
  ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && shown) close();
  });
  /** Closes the panel and drops its frame (the extension was turned off here, or went away). */
  const remove = () => {
    close();
    clearTimeout(idle);
    discard();
  };
  ctx.onInvalidated(remove);

  return {
    /** Loads the panel hidden, so that opening it is only showing it. */
    prepare() {
      if (!ctx.isValid) return;
      ensureFrame();
      if (!shown) discardLater();
    },
    open(entity?: string) {
      clearTimeout(idle);
      const target = ensureFrame();
      returnFocus = document.activeElement;
      wanted = openOverlayMessage(key, ++visits, entity);
      host!.style.display = '';
      shown = true;
      target.focus();
      tell();
    },
    close,
    remove,
    get isOpen() {
      return shown;
    },
  };
}
