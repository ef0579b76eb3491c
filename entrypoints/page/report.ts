import type { ScriptContext } from '@/lib/page/script-context';
import type { PageMention } from '@/lib/page/controller';
import { publishedDate } from '@/lib/page-meta/published';
import { sendToBackground } from '@/lib/messages/send';

/** Reports go out at most this often: the badge and history need the settled state, not every rescan. */
const REPORT_MS = 500;

/** Tells the background what the page mentions (for the badge and the reader's history). */
export function startReporting(ctx: ScriptContext) {
  let latest: PageMention[] = [];
  let claimIds: string[] = [];
  let timer: number | undefined;
  let lastSent = '';

  const send = () => {
    timer = undefined;
    const entities = [...new Set(latest.map((m) => m.entity))].slice(0, 500);
    const key = `${latest.length}|${entities.join(',')}|${claimIds.join(',')}|${location.href}`;
    if (key === lastSent) return;
    lastSent = key;
    void sendToBackground({
      type: 'mentions/report',
      count: latest.length,
      entities,
      url: location.href,
      title: document.title.slice(0, 500),
      published: publishedDate(document),
      claims: claimIds,
    }).catch(() => {
      // The background restarts now and then; the next change reports again.
    });
  };

  return {
    /** Claims reported on the page (ids), for the reader's history. */
    claims(ids: string[]) {
      claimIds = [...new Set(ids)].slice(0, 200);
      timer ??= ctx.setTimeout(send, REPORT_MS);
    },
    update(mentions: PageMention[]) {
      // A name inside a longer one ("Crocus City Hall" in "Crocus City Hall attack") is one mention, not two.
      latest = mentions.filter((m) => !m.inner);
      timer ??= ctx.setTimeout(send, REPORT_MS);
    },
  };
}
