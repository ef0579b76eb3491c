/**
 * The reader's settings, kept in `browser.storage.local` (one key per setting, so that two pages changing different
 * settings at once cannot undo each other). Every read is validated field by field: a damaged or missing value
 * falls back to its default without resetting the others. `storage.onChanged` drives live application.
 *
 * Used by the content script (through `loadSettings`, `watchSettings`, `isSiteEnabled`), the background and the
 * options page.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'outline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** How long the reading history keeps pages: forever, or days since the last visit. */
export const RETENTIONS = ['forever', '365', '90', '30'] as const;
export type Retention = (typeof RETENTIONS)[number];

export const MAX_SITES = 1000;

/** A host name as the site list keeps it: lower case, no "www.", no trailing dot, LDH labels (IDN as punycode). */
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** Per-setting schemas; each also fixes the type of its value. */
export const SettingsShape = {
  /** Global on/off: when off, the content script does nothing on any page. */
  enabled: z.boolean(),
  /** Sites (host names) where the extension stays off; a site also covers its subdomains. */
  disabledSites: z
    .array(z.string().max(253).refine((s) => HOST.test(s) || IPV6.test(s), 'not a host name'))
    .max(MAX_SITES),
  /** How mentions are highlighted on the page. */
  highlightStyle: z.enum(HIGHLIGHT_STYLES),
  /** Whether pages with mentions are recorded in the reading history. */
  history: z.boolean(),
  /** How long the history keeps a page after its last visit. */
  retention: z.enum(RETENTIONS),
};

export const Settings = z.object(SettingsShape);
export type Settings = z.infer<typeof Settings>;
export type SettingsKey = keyof Settings;
export const SETTINGS_KEYS = Object.keys(SettingsShape) as SettingsKey[];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  history: true,
  retention: 'forever',
});

/** The storage.local key of one setting. */
export const storageKey = (key: SettingsKey): string => `settings.${key}`;

/**
 * The host name the site list keeps for what a reader typed: "https://www.Example.com/news" → "example.com".
 * Undefined when it is not a host name.
 */
export function normaliseSite(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text || /\s/.test(text)) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  return HOST.test(host) || IPV6.test(host) ? host : undefined;
}

/** Validates stored values one by one; invalid or missing ones take their default. `invalid` names the ones replaced. */
export function parseSettings(stored: Record<string, unknown>): { settings: Settings; invalid: SettingsKey[] } {
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingsKey, unknown>;
  const invalid: SettingsKey[] = [];
  for (const key of SETTINGS_KEYS) {
    const raw = stored[storageKey(key)];
    if (raw === undefined || raw === null) continue;
    const parsed = SettingsShape[key].safeParse(raw);
    if (parsed.success) settings[key] = parsed.data;
    else invalid.push(key);
  }
  return { settings: settings as Settings, invalid };
}

/** Reads the settings. Never throws: when storage cannot be read, the defaults apply (and the error is logged). */
export async function loadSettings(): Promise<Settings> {
  try {
    const stored = (await browser.storage.local.get(SETTINGS_KEYS.map(storageKey))) as Record<string, unknown>;
    return parseSettings(stored).settings;
  } catch (err) {
    console.warn('crocus settings: cannot read settings, using defaults', err);
    return { ...DEFAULT_SETTINGS, disabledSites: [] };
  }
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/**
 * Validates and saves some settings, leaving the others as they are; returns all settings after the change.
 * Site entries are normalised (see `normaliseSite`), de-duplicated and sorted. Throws SettingsError on invalid input.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const items: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch) as [SettingsKey, unknown][]) {
    if (!(key in SettingsShape)) throw new SettingsError(`unknown setting "${key}"`);
    if (value === undefined) continue;
    let candidate = value;
    if (key === 'disabledSites') {
      if (!Array.isArray(value)) throw new SettingsError('disabledSites must be a list of host names');
      const sites = value.map((s) => (typeof s === 'string' ? normaliseSite(s) : undefined));
      const bad = value.find((_, i) => sites[i] === undefined);
      if (bad !== undefined) throw new SettingsError(`"${String(bad)}" is not a site name`);
      candidate = [...new Set(sites as string[])].sort();
    }
    const parsed = SettingsShape[key].safeParse(candidate);
    if (!parsed.success) throw new SettingsError(`invalid value for ${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    items[storageKey(key)] = parsed.data;
  }
  if (Object.keys(items).length > 0) await browser.storage.local.set(items);
  return loadSettings();
}

/** Adds a site to the disabled list (normalised); returns the new settings. Throws SettingsError on a bad name. */
export async function disableSite(input: string): Promise<Settings> {
  const site = normaliseSite(input);
  if (!site) throw new SettingsError(`"${input}" is not a site name`);
  const current = await loadSettings();
  return saveSettings({ disabledSites: [...current.disabledSites, site] });
}

/** Removes a site from the disabled list; returns the new settings. */
export async function enableSite(site: string): Promise<Settings> {
  const current = await loadSettings();
  const target = normaliseSite(site) ?? site;
  return saveSettings({ disabledSites: current.disabledSites.filter((s) => s !== target) });
}

/**
 * Calls `cb` with the full settings whenever any of them changes (in any context). Returns a function that stops
 * watching.
 */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  const keys = new Set(SETTINGS_KEYS.map(storageKey));
  let stopped = false;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !Object.keys(changes).some((k) => keys.has(k))) return;
    void loadSettings().then((s) => {
      if (!stopped) cb(s);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** Whether the extension runs on this host: on globally, and neither the host nor a parent domain is in the list. */
export function isSiteEnabled(settings: Pick<Settings, 'enabled' | 'disabledSites'>, hostname: string): boolean {
  if (!settings.enabled) return false;
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  const bare = host.replace(/^www\./, '');
  return !settings.disabledSites.some((site) => bare === site || host.endsWith(`.${site}`));
}
