/** What the options page needs from the outside world, passed in so component tests can use fakes. */
import type { Settings } from '@/lib/settings';
import type { ConflictLike } from '@/lib/storage/claims';
import type { HistoryStore, StorageStatus } from '@/lib/storage/history';

export interface SettingsApi {
  load(): Promise<Settings>;
  save(patch: Partial<Settings>): Promise<Settings>;
  watch(cb: (s: Settings) => void): () => void;
}

/** The parts of the knowledge pack the claims section shows. */
export interface ClaimsKnowledge {
  conflicts: readonly ConflictLike[];
  /** The claim's neutral, attributed statement, if the pack has the claim. */
  statement(claimId: string): string | undefined;
}

export interface OptionsDeps {
  store: HistoryStore;
  settings: SettingsApi;
  /** The background's storage status (problems while recording); undefined when it cannot be asked. */
  backgroundStatus?: () => Promise<StorageStatus | undefined>;
  /** Undefined when the pack is not available to this page. */
  knowledge?: ClaimsKnowledge | undefined;
  /** Saves a file for the reader (default: a download link). */
  download?: (filename: string, text: string) => void;
  now?: () => Date;
}

/** Offers `text` as a file download through a temporary blob link. */
export function downloadFile(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
