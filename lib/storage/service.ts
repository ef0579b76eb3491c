/**
 * The background's side of the history: turns `mentions/report` messages into recorded visits, answers the panel's
 * summary, prunes by the retention setting (at start, then at most daily, and at once when the setting changes).
 * Never throws into the message handlers: a storage failure is logged once per kind and shows in `status()`.
 */
import type { Browser } from 'wxt/browser';
import { isSiteEnabled, loadSettings, watchSettings, type Settings } from '../settings';
import { StorageError } from './errors';
import { normaliseUrl, siteOf, type Visit } from './entries';
import { HistoryStore, type HistoryFilter, type RecordOutcome, type StorageStatus } from './history';
import type { HistorySummary } from './views';

type Sender = Pick<Browser.runtime.MessageSender, 'url' | 'tab' | 'frameId'>;

/** `mentions/report` in both shapes: the original {count, entities} and the extended one. */
export interface MentionReportLike {
  count: number;
  entities: readonly string[];
  url?: string | undefined;
  title?: string | undefined;
  published?: string | undefined;
  claims?: readonly string[] | undefined;
}

export type SkipReason = 'no-mentions' | 'private' | 'history-off' | 'disabled' | 'not-web-page';

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Decides whether a report is recorded and what. The address comes from the sender (the frame's URL, else the tab's)
 * rather than the payload; the payload's `url` is used only when it has the same origin as the sender's (a
 * single-page site that changed its path with history.pushState) or when the sender carries no address at all.
 */
export function visitFromReport(
  msg: MentionReportLike,
  sender: Sender,
  settings: Pick<Settings, 'enabled' | 'disabledSites' | 'history'>,
  now: Date,
): { visit: Visit } | { skip: SkipReason } {
  if (!(msg.count > 0)) return { skip: 'no-mentions' };
  if (sender.tab?.incognito) return { skip: 'private' };
  if (!settings.history) return { skip: 'history-off' };
  const fromSender = sender.url ?? sender.tab?.url;
  const chosen = fromSender ? (msg.url && sameOrigin(msg.url, fromSender) ? msg.url : fromSender) : msg.url;
  const url = normaliseUrl(chosen);
  const site = url ? siteOf(url) : undefined;
  if (!url || !site) return { skip: 'not-web-page' };
  if (!isSiteEnabled(settings, site)) return { skip: 'disabled' };
  const tabTitle = sender.tab?.url && normaliseUrl(sender.tab.url) === url ? sender.tab.title : undefined;
  return {
    visit: {
      url,
      title: tabTitle || msg.title || '',
      at: now.toISOString(),
      published: msg.published,
      entities: msg.entities,
      claims: msg.claims ?? [],
    },
  };
}

export interface HistoryServiceOptions {
  store?: HistoryStore;
  now?: () => Date;
  loadSettings?: () => Promise<Settings>;
  watchSettings?: (cb: (s: Settings) => void) => () => void;
}

export interface HistoryService {
  readonly store: HistoryStore;
  /** Records a `mentions/report` when it should be; resolves to what happened, never rejects. */
  report(msg: MentionReportLike, sender: Sender): Promise<RecordOutcome | SkipReason | 'failed'>;
  /** For the panel: pages, sites and first sighting. Rejects with a StorageError when the history cannot be read. */
  summary(filter?: HistoryFilter): Promise<HistorySummary>;
  status(): StorageStatus;
  /** Pending start-up work (first pruning); for tests. */
  readonly ready: Promise<void>;
  stop(): void;
}

export function createHistoryService(options: HistoryServiceOptions = {}): HistoryService {
  const now = options.now ?? (() => new Date());
  const store = options.store ?? new HistoryStore({ now });
  const load = options.loadSettings ?? loadSettings;
  const watch = options.watchSettings ?? watchSettings;
  let settings: Promise<Settings> = load();
  const logged = new Set<string>();

  const logOnce = (err: unknown, during: string) => {
    const kind = err instanceof StorageError ? err.kind : 'error';
    if (logged.has(kind)) return;
    logged.add(kind);
    console.warn(`crocus history: ${during} failed; the rest of the extension keeps working`, err);
  };

  const pruneIfDue = async () => {
    try {
      await store.pruneIfDue((await settings).retention);
    } catch (err) {
      logOnce(err, 'pruning');
    }
  };

  const ready = pruneIfDue();
  let lastRetention: string | undefined;
  void settings.then((s) => {
    lastRetention = s.retention;
  });
  const unwatch = watch((s) => {
    settings = Promise.resolve(s);
    if (s.retention !== lastRetention) {
      lastRetention = s.retention;
      store.prune(s.retention).catch((err: unknown) => logOnce(err, 'pruning'));
    }
  });

  return {
    store,
    ready,
    async report(msg, sender) {
      let decision: ReturnType<typeof visitFromReport>;
      try {
        decision = visitFromReport(msg, sender, await settings, now());
      } catch (err) {
        logOnce(err, 'reading a report');
        return 'failed';
      }
      if ('skip' in decision) return decision.skip;
      try {
        const outcome = await store.record(decision.visit);
        await pruneIfDue();
        return outcome;
      } catch (err) {
        logOnce(err, 'recording a visit');
        return 'failed';
      }
    },
    summary: (filter) => store.summary(filter),
    status: () => store.status(),
    stop() {
      unwatch();
      store.close();
    },
  };
}
