/**
 * What the panel asks of the extension: the page context of a tab, revealing a mention on it, and the reader's
 * local history summary. Injected into
 * the app so tests can stand in for the background; `backgroundApi` is the real one.
 */
import { browser } from 'wxt/browser';
import type { PageContext, Replies } from '@/lib/messages/contract';
import { sendToBackground } from '@/lib/messages/send';

export type HistorySummary = Replies['history/summary'];

export interface PanelApi {
  /** What the extension found on the tab (the overlay's own tab, or the active tab); null when nothing. */
  pageContext(tabId?: number): Promise<PageContext | null>;
  /** Scrolls to and flashes mention `index` on the tab; false when the page could not. */
  reveal(index: number, tabId?: number): Promise<boolean>;
  /** How often the reader has met the story (or one entity) in their local reading history; null when unknown. */
  historySummary?(entity?: string): Promise<HistorySummary | null>;
  /** Calls `onChange` when the active tab changes or finishes loading; returns an unsubscribe function. */
  watchTabs?(onChange: () => void): () => void;
}

const withTab = (tabId: number | undefined) => (tabId !== undefined ? { tabId } : {});

export const backgroundApi: PanelApi = {
  pageContext: (tabId) => sendToBackground({ type: 'page/context', ...withTab(tabId) }),
  reveal: async (index, tabId) => (await sendToBackground({ type: 'page/reveal', index, ...withTab(tabId) })).revealed,
  historySummary: async (entity) => {
    try {
      return await sendToBackground({ type: 'history/summary', ...(entity !== undefined ? { entity } : {}) });
    } catch {
      return null;
    }
  },
  watchTabs(onChange) {
    const activated = () => onChange();
    const updated = (_id: number, info: { status?: string }) => {
      if (info.status === 'complete') onChange();
    };
    try {
      browser.tabs.onActivated.addListener(activated);
      browser.tabs.onUpdated.addListener(updated);
    } catch {
      // No tabs API in this context: the reader can still refresh by hand.
      return () => undefined;
    }
    return () => {
      try {
        browser.tabs.onActivated.removeListener(activated);
        browser.tabs.onUpdated.removeListener(updated);
      } catch {
        // ignore
      }
    };
  },
};
