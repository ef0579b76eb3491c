/** Import and storage problems (lib/storage/reasons.ts) in the reader's language. */
import { t } from '@/lib/i18n/t';
import type { EntryProblem, FileProblem, Reason } from '@/lib/storage/reasons';
import type { ImportFormatError } from '@/lib/storage/importing';

const FIELDS: Record<string, () => string> = {
  url: () => t('options_field_url'),
  title: () => t('options_field_title'),
  site: () => t('options_field_site'),
  firstVisit: () => t('options_field_first_visit'),
  lastVisit: () => t('options_field_last_visit'),
  published: () => t('options_field_published'),
  entities: () => t('options_field_entities'),
  claims: () => t('options_field_claims'),
  visits: () => t('options_field_visits'),
};

/** "first visit", "names, item 3"; a field the page has no word for keeps its own name. */
function fieldLabel(field: string | undefined): string {
  if (!field) return t('options_field_entry');
  const [name = '', index] = field.split('.');
  const label = Object.hasOwn(FIELDS, name) ? FIELDS[name]!() : name;
  return index !== undefined && /^\d+$/.test(index) ? t('options_field_item', label, Number(index) + 1) : label;
}

const PROBLEMS: Record<EntryProblem, (field: string) => string> = {
  missing: (f) => t('options_reason_missing', f),
  wrong_type: (f) => t('options_reason_wrong_type', f),
  too_big: (f) => t('options_reason_too_big', f),
  too_small: (f) => t('options_reason_too_small', f),
  bad_format: (f) => t('options_reason_bad_format', f),
  not_http: (f) => t('options_reason_not_http', f),
  visit_order: () => t('options_reason_visit_order'),
  invalid: (f) => t('options_reason_invalid', f),
  stored_damaged: () => t('options_reason_stored_damaged'),
};

export function reasonsText(reasons: readonly Reason[]): string {
  return reasons.map((r) => (PROBLEMS[r.problem] ?? PROBLEMS.invalid)(fieldLabel(r.field))).join('; ');
}

const FILE_PROBLEMS: Record<FileProblem, (values: number[]) => string> = {
  too_large: () => t('options_file_too_large'),
  not_json: () => t('options_file_not_json'),
  not_export: () => t('options_file_not_export'),
  no_version: () => t('options_file_no_version'),
  newer_version: ([version = 0]) => t('options_file_newer_version', version),
  no_entries: () => t('options_file_no_entries'),
  too_many: ([count = 0, max = 0]) => t('options_file_too_many', count, max),
};

export function fileProblemText(error: ImportFormatError): string {
  return FILE_PROBLEMS[error.problem](error.values);
}
