import { browser } from 'wxt/browser';
import type { ScriptContext } from '@/lib/page/script-context';
import { UI_HOST_ATTR } from '@/lib/page/blocks';
import { t } from '@/lib/i18n/t';

/**
 * The panel overlaid on the page: the same Preact app as the native side panel, as an extension page in an
 * iframe, so its code is never injected into pages and it works from a click in the hover card in both browsers.
 * It takes no orders from the host page: the only message it listens for is "close", and only from its own frame.
 */
export function createOverlay(ctx: ScriptContext) {
  let host: HTMLElement | undefined;
  let frame: HTMLIFrameElement | undefined;
  let returnFocus: Element | null = null;

  const close = () => {
    if (!host) return;
    host.remove();
    host = undefined;
    frame = undefined;
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
  };

  ctx.addEventListener(window, 'message', (e: MessageEvent) => {
    if (frame && e.source === frame.contentWindow && (e.data as { type?: unknown } | null)?.type === 'crocus/close-overlay') close();
  });
  ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && host) close();
  });
  ctx.onInvalidated(close);

  return {
    open(entity?: string) {
      const url = new URL(browser.runtime.getURL('/sidepanel.html'));
      url.searchParams.set('overlay', '1');
      if (entity) url.searchParams.set('entity', entity);
      returnFocus = document.activeElement;
      if (!host) {
        host = document.createElement('crocus-context-panel');
        host.setAttribute(UI_HOST_ATTR, '');
        const shadow = host.attachShadow({ mode: 'closed' });
        frame = document.createElement('iframe');
        frame.title = t('overlay_title');
        // Inline styles would break on pages with a strict style-src; these are set through the CSSOM.
        Object.assign(frame.style, {
          position: 'fixed', top: '0', right: '0', bottom: '0', width: 'min(420px, 100vw)', height: '100vh',
          border: '0', zIndex: '2147483647', colorScheme: 'normal', boxShadow: '-6px 0 24px rgb(0 0 0 / 0.2)', background: 'Canvas',
        });
        shadow.append(frame);
        document.documentElement.append(host);
      }
      frame!.src = url.href;
      frame!.focus();
    },
    close,
    get isOpen() {
      return host !== undefined;
    },
  };
}
