/**
 * Every piece of interface text of the options page, in one place so that translation can replace this module
 * (e.g. with lib/i18n's `t()` and public/_locales) without touching the components.
 */
import type { StorageState } from '@/lib/storage/history';

/** Locale of these strings, for number and date formats. */
export const LOCALE = 'en-GB';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString(LOCALE)} ${n === 1 ? one : many}`;
const pages = (n: number) => plural(n, 'page', 'pages');

export const S = {
  title: 'Crocus Context — Options',
  intro: 'Settings and your local reading history. Everything on this page stays on this device.',
  navLabel: 'Sections',
  skipTo: 'Jump to',

  // Settings
  settings: 'Settings',
  enabled: 'Highlight mentions on web pages',
  enabledHint: 'When off, the extension does nothing on any page.',
  highlightStyle: 'Highlight style',
  styles: { underline: 'Underline', background: 'Background colour', outline: 'Outline' } as Record<string, string>,
  stylePreview: 'Crocus City Hall',
  sites: 'Sites where the extension stays off',
  sitesHint: 'A site also covers its subdomains (example.com covers news.example.com).',
  noSites: 'None: the extension runs on every site.',
  addSite: 'Add site',
  addSiteLabel: 'Site to turn off (for example news.example.com)',
  removeSite: (site: string) => `Remove ${site} from the list`,
  remove: 'Remove',
  badSite: (input: string) => `“${input}” is not a site name. Type a host name such as news.example.com.`,
  settingsSaved: 'Settings saved.',
  settingsFailed: (detail: string) => `Settings could not be saved: ${detail}`,

  // History
  history: 'Reading history',
  historyIntro: 'Pages on which the extension found mentions of the attack. Pages in private windows are never recorded.',
  recordHistory: 'Record pages with mentions in this history',
  retention: 'Keep pages',
  retentions: { forever: 'Forever', '365': 'For 1 year after the last visit', '90': 'For 90 days after the last visit', '30': 'For 30 days after the last visit' } as Record<string, string>,
  groupBy: 'Show pages',
  byDate: 'By date',
  bySite: 'By site',
  historyCount: (p: number, s: number) => `${pages(p)} on ${plural(s, 'site', 'sites')}.`,
  historyEmpty: 'No pages yet. Pages where the extension finds mentions of the attack will be listed here.',
  historyLoading: 'Loading the history…',
  historyUnavailable: 'The history cannot be shown: see Storage status below.',
  untitled: '(no title)',
  firstVisit: 'First visit',
  lastVisit: 'Last visit',
  published: 'Published',
  visits: (n: number) => plural(n, 'visit', 'visits'),
  entitiesCount: (n: number) => plural(n, 'name', 'names'),
  claimsCount: (n: number) => plural(n, 'claim', 'claims'),
  pagesCount: pages,
  deleteEntry: (title: string) => `Delete “${title}” from the history`,
  delete: 'Delete',
  deleted: (title: string) => `Deleted “${title}”.`,
  clearAll: 'Clear all history…',
  clearConfirm: (n: number) => `Delete all ${pages(n)} from the history? This cannot be undone. Export first to keep a copy.`,
  clearYes: 'Delete everything',
  clearNo: 'Cancel',
  cleared: 'The history is empty now.',
  exportButton: 'Export history (JSON)',
  exported: (n: number) => `Exported ${pages(n)}.`,
  exportedDamaged: (n: number) => `${plural(n, 'damaged entry was', 'damaged entries were')} left out.`,
  importLabel: 'Import a history file (JSON)',
  importHint: 'Importing adds and merges pages; it never deletes anything already here.',
  importing: 'Importing…',
  importFileRejected: (reason: string) => `The file was not imported: ${reason}. Nothing was changed.`,
  importResult: (added: number, merged: number, unchanged: number, rejected: number) =>
    `Imported: ${plural(added, 'new page', 'new pages')}, ${plural(merged, 'page', 'pages')} merged, ${plural(unchanged, 'page', 'pages')} already up to date, ${plural(rejected, 'entry', 'entries')} rejected.`,
  rejectedTitle: 'Rejected entries',
  rejectedEntry: (index: number, url: string | undefined) => `Entry ${index + 1}${url ? ` (${url})` : ''}`,
  rejectedMore: (n: number) => `…and ${n.toLocaleString(LOCALE)} more.`,
  actionFailed: (detail: string) => `That did not work: ${detail}`,

  // Claims
  claims: 'Claims you have met',
  claimsIntro:
    'Claims from the knowledge pack that appeared on pages in your history, and how often you also met the claims that contradict them.',
  claimsEmpty: 'No claims met yet.',
  claimsNoPack: 'The knowledge pack is not loaded here, so contradicting claims cannot be shown.',
  claimColumn: 'Claim',
  pagesColumn: 'Pages',
  contradictingColumn: 'Contradicting claims',
  claimMet: (n: number, denial: number) =>
    `You have read this claim on ${pages(n)}, and a claim contradicting it on ${denial === 0 ? 'none' : pages(denial)}.`,
  claimNoConflict: 'No claim in the pack contradicts it.',
  contradictingList: (claim: string, n: number) => `${claim}: ${pages(n)}`,
  contradictingNotMet: (n: number) => `${plural(n, 'contradicting claim', 'contradicting claims')} you have not met`,

  // Storage status
  storage: 'Storage status',
  storageStates: {
    unknown: 'Checking the history storage…',
    ok: 'The history storage is working.',
    unavailable:
      'The history cannot be stored here: this browser does not allow the extension to use its local database (for example with storage disabled or in some private modes). Highlighting and the panel keep working.',
    blocked:
      'The history database is being upgraded, but another page of the extension still has the old version open. Close other Crocus Context pages (options, panel) and reload this page.',
    'upgrade-failed':
      'Upgrading the history database failed. Your history is kept as it was; the extension will try again. Highlighting and the panel keep working.',
    'newer-version': 'The history database was written by a newer version of the extension. Update the extension to see it.',
    quota: 'The browser’s storage for this extension is full, so new pages are not being recorded. Delete or export and clear some history to make room.',
    failed: 'Reading or writing the history failed. Highlighting and the panel keep working.',
  } as Record<StorageState, string>,
  backgroundProblem: 'While recording pages:',
  technicalDetail: 'Technical detail',
  damaged: (n: number) =>
    `${plural(n, 'entry is', 'entries are')} damaged and cannot be read. ${n === 1 ? 'It is' : 'They are'} kept as ${n === 1 ? 'it is' : 'they are'}, left out of the lists and exports.`,
  damagedList: 'Damaged entries',
  deleteDamaged: (key: string) => `Delete the damaged entry ${key}`,
};

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const longDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'full' });
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "24 May 2024, 10:00" for a visit timestamp. */
export function formatVisit(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(new Date(t));
}

/** Heading of a day group ("Friday, 24 May 2024") from a local YYYY-MM-DD. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return longDate.format(new Date(y, m - 1, d));
}

/** A declared publication date of any precision: "2024", "May 2024", "24 May 2024". */
export function formatPublished(value: string): string {
  const [y, m, d] = value.slice(0, 10).split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y ?? value;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
