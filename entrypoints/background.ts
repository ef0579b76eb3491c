import { browser, type Browser } from 'wxt/browser';
import { createRouter } from '@/lib/messages/background-router';
import { sendToTab } from '@/lib/messages/send';
import { disableSite, isSiteEnabled, loadSettings } from '@/lib/settings';
import { createHistoryService } from '@/lib/storage/service';
import table from 'virtual:crocus/matcher';
import claimTable from 'virtual:crocus/claims';
import { hasAnchor, recognizeLoose } from '@/lib/recognize/recognize';
import { matchClaims } from '@/lib/claims/match';
import { answerRecognize } from '@/lib/page/remote';

const PAGE_SCRIPT = '/page.js';
const CARD_SCRIPT = '/card.js';

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** Whether the extension runs on the page at `url` under the reader's settings. */
async function enabledFor(url: string | undefined): Promise<boolean> {
  const host = hostOf(url);
  return host !== '' && isSiteEnabled(await loadSettings(), host);
}

/** The tab a panel request is about: the one named, the overlay's own tab, or the active tab (native panel). */
async function targetTab(tabId: number | undefined, senderTab: number | undefined): Promise<number | undefined> {
  if (tabId !== undefined) return tabId;
  if (senderTab !== undefined) return senderTab;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active?.id;
}

/** Injects one of our scripts into the sender's frame; false when the sender is not in a tab. */
async function injectInto(sender: Browser.runtime.MessageSender, file: typeof PAGE_SCRIPT | typeof CARD_SCRIPT): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
  return true;
}

/** Firefox's sidebar API (not in Chrome's types). */
type SidebarAction = { open(): Promise<void> };

export default defineBackground(() => {
  // The reader's history (IndexedDB in the extension's origin): records reports, prunes by the retention setting.
  const history = createHistoryService();
  // The keyboard shortcut opens the browser's own panel. Both calls must happen synchronously in the handler:
  // the browsers only allow them in response to a user action.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'open-panel') return;
    if (import.meta.env.FIREFOX) {
      void (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction.open();
    } else if (tab?.windowId !== undefined) {
      void browser.sidePanel.open({ windowId: tab.windowId });
    }
  });
  browser.runtime.onMessage.addListener(
    createRouter(browser.runtime.id, {
      ping: () => ({ pong: true as const, version: browser.runtime.getManifest().version }),
      'mentions/report': async (msg, sender) => {
        const badge = msg.count > 0 ? (msg.count > 999 ? '999+' : String(msg.count)) : '';
        // A cross-origin frame's page script (an embed) reports too: the badge and the history are the page's.
        if (sender.frameId) return { badge: '' };
        const tabId = sender.tab?.id;
        if (tabId !== undefined) {
          await browser.action.setBadgeText({ tabId, text: badge });
          await browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3a8c' });
        }
        // Only with mentions, never from private tabs; a storage failure is logged and never fails the report.
        await history.report(msg, sender);
        return { badge };
      },
      // The sentinel found a candidate: inject the full page script into that frame, unless the site is off or the
      // text around the matches holds no name that could make the page about the attack (it names Moscow or a
      // concert): such a page costs one message, and the sentinel goes on watching text added later.
      'sentinel/candidate': async (msg, sender) => {
        if (!(await enabledFor(sender.url))) return { activated: false, watch: false };
        if (msg.windows && msg.complete && !hasAnchor(msg.windows, table)) return { activated: false, watch: true };
        return { activated: await injectInto(sender, PAGE_SCRIPT), watch: false };
      },
      // The reader rests on a highlight for the first time in this frame: the card's UI comes now.
      'page/card': async (_msg, sender) => ({ loaded: await injectInto(sender, CARD_SCRIPT) }),
      'page/settings': async (_msg, sender) => {
        const settings = await loadSettings();
        return { active: await enabledFor(sender.url), highlightStyle: settings.highlightStyle };
      },
      'site/disable': async (_msg, sender) => {
        const site = hostOf(sender.url);
        if (!site) throw new Error('no site to disable');
        await disableSite(site);
        return { site };
      },
      // Recognition and claim matching run here, not on the page's main thread (lib/page/remote.ts).
      'page/recognize': (msg) => answerRecognize(msg, table, recognizeLoose),
      'page/claims': (msg) => ({ claims: matchClaims(msg.texts, claimTable()) }),
      'page/context': async (msg, sender) => {
        const tabId = await targetTab(msg.tabId, sender.tab?.id);
        if (tabId === undefined) return null;
        // No content script on the tab (browser pages, pages loaded before install): nothing to show.
        return sendToTab(tabId, { type: 'content/context' }).catch(() => null);
      },
      'page/reveal': async (msg, sender) => {
        const tabId = await targetTab(msg.tabId, sender.tab?.id);
        if (tabId === undefined) return { revealed: false };
        return sendToTab(tabId, { type: 'content/reveal', index: msg.index }).catch(() => ({ revealed: false }));
      },
      'history/summary': (msg) => history.summary({ entity: msg.entity, claim: msg.claim }),
      'history/status': () => history.status(),
    }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
});
