/** Storage status: a clear message when IndexedDB is unavailable, blocked, full or failed; damaged entries. */
import { plural } from '@/components/panel/format';
import { t } from '@/lib/i18n/t';
import { reasonsText } from './reasons';
import type { DamagedRecord, HistoryStore, StorageState, StorageStatus } from '@/lib/storage/history';

interface Props {
  /** This page's own connection. */
  status: StorageStatus;
  /** The background's (recording pages); undefined when unknown. */
  background: StorageStatus | undefined;
  damaged: readonly DamagedRecord[];
  store: HistoryStore;
  act: (action: () => Promise<string | undefined>) => Promise<void>;
}

const PROBLEMS = new Set(['unavailable', 'blocked', 'upgrade-failed', 'newer-version', 'quota', 'failed']);

/** What a storage state means for the reader; an unknown state reads as a failure. */
function stateText(state: StorageState): string {
  switch (state) {
    case 'unknown':
      return t('options_state_unknown');
    case 'ok':
      return t('options_state_ok');
    case 'unavailable':
      return t('options_state_unavailable');
    case 'blocked':
      return t('options_state_blocked');
    case 'upgrade-failed':
      return t('options_state_upgrade_failed');
    case 'newer-version':
      return t('options_state_newer_version');
    case 'quota':
      return t('options_state_quota');
    default:
      return t('options_state_failed');
  }
}

function Detail({ status }: { status: StorageStatus }) {
  if (!status.detail) return null;
  return (
    <details>
      <summary>{t('options_technical_detail')}</summary>
      <p>
        <code>{status.detail}</code>
      </p>
    </details>
  );
}

export function StorageSection({ status, background, damaged, store, act }: Props) {
  const problem = PROBLEMS.has(status.state);
  const backgroundProblem = background && PROBLEMS.has(background.state) && background.state !== status.state;
  return (
    <section id="storage" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('options_storage')}</h2>
      <div role={problem ? 'alert' : undefined} class={problem ? 'problem' : 'ok'} data-testid="storage-status" data-state={status.state}>
        <p>{stateText(status.state)}</p>
        <Detail status={status} />
      </div>
      {backgroundProblem && (
        <div class="problem" data-testid="background-status" data-state={background.state}>
          <p>
            {t('options_background_problem')} {stateText(background.state)}
          </p>
          <Detail status={background} />
        </div>
      )}
      {damaged.length > 0 && (
        <div class="problem" data-testid="damaged">
          <p>{plural('options_damaged', damaged.length)}</p>
          <details>
            <summary>{t('options_damaged_list')}</summary>
            <ul>
              {damaged.map((d) => (
                <li key={d.key}>
                  <code>{d.key}</code> — {reasonsText(d.reasons)}{' '}
                  <button
                    type="button"
                    aria-label={t('options_delete_damaged', d.key)}
                    onClick={() =>
                      void act(async () => {
                        await store.remove(d.key);
                        return t('options_deleted', d.key);
                      })
                    }
                  >
                    {t('options_delete')}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </section>
  );
}
