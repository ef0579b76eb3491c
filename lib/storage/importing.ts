/** Reading an exported history file: validation of the file and of every entry (pure; writing is HistoryStore's). */
import { cleanPublished, normaliseUrl, siteOf, utc } from './entries';
import { EXPORT_FORMAT, EXPORT_VERSION, HistoryEntry, ImportedEntry, issueReasons } from './schema';

/** The largest file the importer reads (characters) and the most entries it takes. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 100_000;

/** The file as a whole is unusable (not JSON, not a history export, made by a newer version). Nothing was written. */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

export interface RejectedEntry {
  /** Position in the file's `entries` (0-based). */
  index: number;
  /** The entry's address, when it had a readable one. */
  url?: string;
  reasons: string[];
}

export interface ParsedImport {
  received: number;
  accepted: { index: number; entry: HistoryEntry }[];
  rejected: RejectedEntry[];
}

function entriesOf(input: unknown): unknown[] {
  let data = input;
  if (typeof data === 'string') {
    if (data.length > MAX_IMPORT_CHARS) throw new ImportFormatError('the file is too large');
    try {
      data = JSON.parse(data);
    } catch {
      throw new ImportFormatError('the file is not JSON');
    }
  }
  if (Array.isArray(data)) return data;
  if (typeof data !== 'object' || data === null) throw new ImportFormatError('the file is not a history export');
  const obj = data as Record<string, unknown>;
  if (obj.format !== EXPORT_FORMAT) throw new ImportFormatError('the file is not a Crocus Context history export');
  if (typeof obj.version !== 'number' || !Number.isInteger(obj.version) || obj.version < 1) {
    throw new ImportFormatError('the file has no valid format version');
  }
  if (obj.version > EXPORT_VERSION) {
    throw new ImportFormatError(`the file was made by a newer version of the extension (format ${obj.version})`);
  }
  if (!Array.isArray(obj.entries)) throw new ImportFormatError('the file has no list of entries');
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
    throw new ImportFormatError(`the file has ${raw.length} entries; at most ${MAX_IMPORT_ENTRIES} can be imported at once`);
  }
  const accepted: ParsedImport['accepted'] = [];
  const rejected: RejectedEntry[] = [];
  raw.forEach((item, index) => {
    const url =
      typeof item === 'object' && item !== null && typeof (item as { url?: unknown }).url === 'string'
        ? ((item as { url: string }).url.slice(0, 300))
        : undefined;
    const reject = (reasons: string[]) => rejected.push({ index, ...(url !== undefined ? { url } : {}), reasons });
    const parsed = ImportedEntry.safeParse(item);
    if (!parsed.success) return reject(issueReasons(parsed.error));
    const e = parsed.data;
    const normal = normaliseUrl(e.url);
    const site = normal ? siteOf(normal) : undefined;
    if (!normal || !site) return reject(['url: address must be an http(s) URL']);
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
    if (!checked.success) return reject(issueReasons(checked.error));
    accepted.push({ index, entry: checked.data });
  });
  return { received: raw.length, accepted, rejected };
}
