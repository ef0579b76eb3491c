/** Storage failures, sorted into the few kinds the product tells the reader about. */

export type StorageErrorKind =
  /** IndexedDB cannot be opened here (disabled storage, some private modes): openDB throws. */
  | 'unavailable'
  /** An upgrade waits because another page of the extension holds an older version open. */
  | 'blocked'
  /** An upgrade step failed; the database stays at its old version with all its data. */
  | 'upgrade-failed'
  /** The stored database is newer than this version of the extension understands. */
  | 'newer-version'
  /** The browser refused a write: the storage quota is exhausted. */
  | 'quota'
  /** Any other failed read or write. */
  | 'failed';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.kind = kind;
  }
}

function errorName(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'name' in err && typeof (err as { name: unknown }).name === 'string') {
    return (err as { name: string }).name;
  }
  return undefined;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'object' && err !== null && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

/** True for QuotaExceededError in any of its forms (DOMException name, legacy code 22, Firefox's NS_ERROR_DOM_QUOTA_REACHED). */
export function isQuotaError(err: unknown): boolean {
  const name = errorName(err);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  if (code === 22 || code === 1014) return true;
  // A transaction aborted by a quota failure carries it as its error (or as the error's cause).
  const cause = typeof err === 'object' && err !== null && 'cause' in err ? (err as { cause: unknown }).cause : undefined;
  return cause !== undefined && cause !== err && isQuotaError(cause);
}

/** Wraps any error from a read or write as a StorageError of the right kind. */
export function toStorageError(err: unknown, during: string): StorageError {
  if (err instanceof StorageError) return err;
  if (isQuotaError(err)) return new StorageError('quota', `${during}: storage quota exceeded`, { cause: err });
  return new StorageError('failed', `${during}: ${errorMessage(err)}`, { cause: err });
}
