/**
 * The reader's local history (IndexedDB, extension origin only). Import from here in extension pages and the
 * background; never from a content script (there IndexedDB would belong to the visited site).
 */
export { DB_NAME, DB_VERSION, MIGRATIONS, openHistoryDb } from './db';
export { StorageError, isQuotaError, type StorageErrorKind } from './errors';
export { entryFromVisit, mergeEntries, normaliseUrl, siteOf, type Visit } from './entries';
export { ImportFormatError, parseImport, MAX_IMPORT_CHARS, type RejectedEntry } from './importing';
export {
  HistoryStore,
  type DamagedRecord,
  type HistoryFilter,
  type ImportReport,
  type ReadResult,
  type RecordOutcome,
  type StorageState,
  type StorageStatus,
} from './history';
export { issueReasons, type EntryProblem, type FileProblem, type Reason } from './reasons';
export { retentionCutoff, pruneDue, PRUNE_INTERVAL_MS } from './retention';
export { HistoryEntry, EXPORT_FORMAT, EXPORT_VERSION, type HistoryExport } from './schema';
export { claimStats, contradictionsOf, pagesByClaim, type ClaimStat, type ConflictLike } from './claims';
export { groupByDate, groupBySite, localDay, summarise, type Group, type HistorySummary } from './views';
