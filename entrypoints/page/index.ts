import { browser } from 'wxt/browser';
import quick, { folded } from 'virtual:crocus/quick';
import { quickPattern, quickTest } from '@/lib/recognize/quick';
import { createPageController } from '@/lib/page/controller';
import { coveringWindow, FRAME_CANDIDATE_EVENT } from '@/lib/page/frames';
import type { HighlightStyleName } from '@/lib/page/highlighter';
import { ContentRequest, type ContentReplies } from '@/lib/messages/content';
import { createRouterFor } from '@/lib/messages/router';
import { sendToBackground } from '@/lib/messages/send';
import { createScriptContext } from '@/lib/page/script-context';
import { isolate } from './isolate';
import { removeLeftoverUi } from './leftovers';
import { startReporting } from './report';
import { pageContext, reveal } from './page-context';
import { startHoverCard, type HoverCardFeature } from './hover-card';
import { createOverlay } from './overlay';
import { startClaims, type ClaimsFeature } from './claims';

/**
 * The full page script, injected by the background only into frames whose text the sentinel found promising.
 * Each feature starts and fails on its own (`isolate`): an error in one is logged once and leaves the page and the
 * other features working. An unlisted script with a context of its own (lib/page/script-context.ts), not a WXT
 * content script: WXT's context announces every injection to the page with a postMessage.
 */
export default defineUnlistedScript(async () => {
  // A same-origin frame is read by the page script of the frame that covers it (lib/page/frames.ts).
  if (coveringWindow() !== window) return;
  // Injected again into this frame (an extension reload, racing sentinels): this context ends the older instance,
  // which takes its work away, and this one takes over. Its poll notices an extension reload within a second.
  const ctx = createScriptContext('page', { alive: () => browser.runtime?.id != null, pollMs: 1_000 });
  // A previous instance whose extension was reloaded or updated may have left its UI behind (Firefox tears down
  // old content scripts without letting them clean up, then injects the new ones): this instance takes over.
  removeLeftoverUi(document);

  const settings = await sendToBackground({ type: 'page/settings' }).catch(() => null);
  if (!settings?.active) return;

  const overlay = isolate('overlay', () => createOverlay(ctx));
  const reporter = isolate('report', () => startReporting(ctx));
  // Assigned right after the controller exists; the controller's first result comes later (it works in slices).
  let claims: ClaimsFeature | undefined;
  let hoverCard: HoverCardFeature | undefined;

  const pattern = quickPattern(quick, '', folded);
  const controller = createPageController({
    root: document,
    table: pattern,
    // The background holds the matcher table and does the matching: the page pays for reading and painting only.
    recognize: { send: (request) => sendToBackground({ type: 'page/recognize', ...request }) },
    quickCheck: quickTest,
    // The sentinel already found a candidate in this frame: no second whole-page check.
    assumeCandidate: true,
    highlightStyle: settings.highlightStyle as HighlightStyleName,
    onResult: (result) => {
      reporter?.update(result.mentions);
      claims?.update();
      hoverCard?.update(result.mentions.length);
    },
    onNavigate: (listener) => ctx.onNavigate(listener),
  });
  claims = isolate('claims', () => startClaims(ctx, controller, (found) => reporter?.claims(found.map((c) => c.claim))));
  // A same-origin frame whose text matched (it may have loaded after the walk): read the page again.
  ctx.addEventListener(document, FRAME_CANDIDATE_EVENT, () => controller.rescan());
  controller.start();
  ctx.onInvalidated(() => controller.stop());

  hoverCard = isolate('hover card', () =>
    startHoverCard(ctx, controller, {
      openPanel: (entity) => overlay?.open(entity),
      preparePanel: () => overlay?.prepare(),
      claimAt: (x, y) => claims?.claimAt(x, y) ?? null,
      disableSite: () => {
        controller.stop();
        claims?.clear();
        overlay?.remove();
        void sendToBackground({ type: 'site/disable' }).catch(() => {});
      },
    }),
  );

  isolate('messages', () => {
    const listener = createRouterFor<ContentRequest, ContentReplies>(ContentRequest, browser.runtime.id, {
      'content/context': () => pageContext(controller, claims?.claims() ?? []),
      'content/reveal': (msg) => ({ revealed: reveal(controller, msg.index) }),
    });
    browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
    // (An orphaned script, after the extension was reloaded, may find the API gone: nothing left to remove.)
    ctx.onInvalidated(() => browser.runtime?.onMessage?.removeListener(listener as never));
  });

  // Settings changed elsewhere (options page, popup, another tab): apply at once.
  isolate('settings', () => {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some((k) => k.startsWith('settings.'))) return;
      void sendToBackground({ type: 'page/settings' }).then((s) => {
        if (!s.active) {
          controller.stop();
          claims?.clear();
          overlay?.remove();
        } else {
          controller.setHighlightStyle(s.highlightStyle as HighlightStyleName);
          if (controller.state === 'stopped') controller.start();
        }
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    ctx.onInvalidated(() => browser.storage?.onChanged?.removeListener(onChanged));
  });
});
