/** Reading an exported history file: validation of the file and of every entry (pure; writing is HistoryStore's). */
import { cleanPublished, normaliseUrl, siteOf, utc } from './entries';
import { EXPORT_FORMAT, EXPORT_VERSION, HistoryEntry, ImportedEntry } from './schema';
import { issueReasons, type FileProblem, type Reason } from './reasons';

/** The largest file the importer reads (characters) and the most entries it takes. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 100_000;

const FILE_PROBLEMS: Record<FileProblem, (...values: number[]) => string> = {
  too_large: () => 'the file is too large',
  not_json: () => 'the file is not JSON',
  not_export: () => 'the file is not a Crocus Context history export',
  no_version: () => 'the file has no valid format version',
  newer_version: (version) => `the file was made by a newer version of the extension (format ${version})`,
  no_entries: () => 'the file has no list of entries',
  too_many: (count, max) => `the file has ${count} entries; at most ${max} can be imported at once`,
};

/**
 * The file as a whole is unusable (not JSON, not a history export, made by a newer version). Nothing was written.
 * `problem` and `values` let the options page word it in the reader's language; `message` is English, for logs.
 */
export class ImportFormatError extends Error {
  readonly values: number[];
  constructor(
    readonly problem: FileProblem,
    ...values: number[]
  ) {
    super(FILE_PROBLEMS[problem](...values));
    this.name = 'ImportFormatError';
    this.values = values;
  }
}

export interface RejectedEntry {
  /** Position in the file's `entries` (0-based). */
  index: number;
  /** The entry's address, when it had a readable one. */
  url?: string;
  reasons: Reason[];
}

export interface ParsedImport {
  received: number;
  accepted: { index: number; entry: HistoryEntry }[];
  rejected: RejectedEntry[];
}

function entriesOf(input: unknown): unknown[] {
  let data = input;
  if (typeof data === 'string') {
    if (data.length > MAX_IMPORT_CHARS) throw new ImportFormatError('too_large');
    try {
      data = JSON.parse(data);
    } catch {
      throw new ImportFormatError('not_json');
    }
  }
  if (Array.isArray(data)) return data;
  if (typeof data !== 'object' || data === null) throw new ImportFormatError('not_export');
  const obj = data as Record<string, unknown>;
  if (obj.format !== EXPORT_FORMAT) throw new ImportFormatError('not_export');
  if (typeof obj.version !== 'number' || !Number.isInteger(obj.version) || obj.version < 1) {
    throw new ImportFormatError('no_version');
  }
  if (obj.version > EXPORT_VERSION) {
    throw new ImportFormatError('newer_version', obj.version);
  }
  if (!Array.isArray(obj.entries)) throw new ImportFormatError('no_entries');
  return obj.entries;
}

/**
 * Validates a history file (a JSON string, the parsed object, or a bare array of entries). Throws ImportFormatError
 * when the file as a whole is unusable; otherwise returns every entry either accepted (normalised: address without
 * fragment and tracking parameters, UTC timestamps, defaults for fields older files lack) or rejected with reasons.
 */
export function parseImport(input: unknown): ParsedImport {
  const raw = entriesOf(input);
  if (raw.length > MAX_IMPORT_ENTRIES) {
    throw new ImportFormatError('too_many', raw.length, MAX_IMPORT_ENTRIES);
  }
  const accepted: ParsedImport['accepted'] = [];
  const rejected: RejectedEntry[] = [];
  raw.forEach((item, index) => {
    const url =
      typeof item === 'object' && item !== null && typeof (item as { url?: unknown }).url === 'string'
        ? ((item as { url: string }).url.slice(0, 300))
        : undefined;
    const reject = (reasons: Reason[]) => rejected.push({ index, ...(url !== undefined ? { url } : {}), reasons });
    const parsed = ImportedEntry.safeParse(item);
    if (!parsed.success) return reject(issueReasons(parsed.error, item));
    const e = parsed.data;
    const normal = normaliseUrl(e.url);
    const site = normal ? siteOf(normal) : undefined;
    if (!normal || !site) return reject([{ problem: 'not_http', field: 'url' }]);
    const published = cleanPublished(e.published);
    const candidate = {
      url: normal,
      title: e.title,
      // Always the address's own host, whatever the file says.
      site,
      firstVisit: utc(e.firstVisit),
      lastVisit: utc(e.lastVisit),
      ...(published ? { published } : {}),
      entities: [...new Set(e.entities)],
      claims: [...new Set(e.claims)],
      visits: e.visits,
    };
    const checked = HistoryEntry.safeParse(candidate);
    if (!checked.success) return reject(issueReasons(checked.error, candidate));
    accepted.push({ index, entry: checked.data });
  });
  return { received: raw.length, accepted, rejected };
}
