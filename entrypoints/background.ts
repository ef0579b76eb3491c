import { browser } from 'wxt/browser';
import { createRouter } from '@/lib/messages/router';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    createRouter(browser.runtime.id, {
      ping: () => ({ pong: true as const, version: browser.runtime.getManifest().version }),
      'mentions/report': async (msg, sender) => {
        const badge = msg.count > 0 ? (msg.count > 999 ? '999+' : String(msg.count)) : '';
        const tabId = sender.tab?.id;
        if (tabId !== undefined) {
          await browser.action.setBadgeText({ tabId, text: badge });
          await browser.action.setBadgeBackgroundColor({ tabId, color: '#5b3a8c' });
        }
        return { badge };
      },
    }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
});
