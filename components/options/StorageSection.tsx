/** Storage status: a clear message when IndexedDB is unavailable, blocked, full or failed; damaged entries. */
import type { DamagedRecord, HistoryStore, StorageStatus } from '@/lib/storage/history';
import { S } from './strings';

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

function Detail({ status }: { status: StorageStatus }) {
  if (!status.detail) return null;
  return (
    <details>
      <summary>{S.technicalDetail}</summary>
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
      <h2 id="storage-title">{S.storage}</h2>
      <div role={problem ? 'alert' : undefined} class={problem ? 'problem' : 'ok'} data-testid="storage-status" data-state={status.state}>
        <p>{S.storageStates[status.state] ?? S.storageStates.failed}</p>
        <Detail status={status} />
      </div>
      {backgroundProblem && (
        <div class="problem" data-testid="background-status" data-state={background.state}>
          <p>
            {S.backgroundProblem} {S.storageStates[background.state as StorageStatus['state']] ?? S.storageStates.failed}
          </p>
          <Detail status={background} />
        </div>
      )}
      {damaged.length > 0 && (
        <div class="problem" data-testid="damaged">
          <p>{S.damaged(damaged.length)}</p>
          <details>
            <summary>{S.damagedList}</summary>
            <ul>
              {damaged.map((d) => (
                <li key={d.key}>
                  <code>{d.key}</code> — {d.reasons.join('; ')}{' '}
                  <button
                    type="button"
                    aria-label={S.deleteDamaged(d.key)}
                    onClick={() =>
                      void act(async () => {
                        await store.remove(d.key);
                        return S.deleted(d.key);
                      })
                    }
                  >
                    {S.delete}
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
