// Settings in browser.storage.local: defaults, field-by-field validation, saving patches, live changes, site list.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SettingsError,
  disableSite,
  enableSite,
  isSiteEnabled,
  loadSettings,
  normaliseSite,
  parseSettings,
  saveSettings,
  storageKey,
  watchSettings,
} from '@/lib/settings';

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('loading', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces a damaged value by its default without touching the others', async () => {
    await fakeBrowser.storage.local.set({
      [storageKey('enabled')]: 'yes',
      [storageKey('highlightStyle')]: 'outline',
      [storageKey('disabledSites')]: ['ok.example', 'not a host'],
      [storageKey('retention')]: '90',
    });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'outline', retention: '90' });
    expect(parseSettings({ [storageKey('enabled')]: 'yes' }).invalid).toEqual(['enabled']);
  });

  it('falls back to the defaults when storage cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage broken'));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('saving', () => {
  it('saves a patch, keeps the rest, and normalises the site list', async () => {
    expect(await saveSettings({ highlightStyle: 'background' })).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'background' });
    const s = await saveSettings({ disabledSites: ['https://www.Example.com/news', 'b.example', 'example.com'] });
    expect(s).toMatchObject({ highlightStyle: 'background', disabledSites: ['b.example', 'example.com'] });
  });

  it('refuses invalid values', async () => {
    await expect(saveSettings({ highlightStyle: 'blink' as never })).rejects.toBeInstanceOf(SettingsError);
    await expect(saveSettings({ disabledSites: ['not a host'] })).rejects.toThrow(/not a site name/);
    await expect(saveSettings({ nope: true } as never)).rejects.toThrow(/unknown setting/);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('adds and removes sites', async () => {
    expect((await disableSite('news.example.org')).disabledSites).toEqual(['news.example.org']);
    expect((await disableSite('http://www.other.example:8080/x')).disabledSites).toEqual(['news.example.org', 'other.example']);
    await expect(disableSite('%%%')).rejects.toBeInstanceOf(SettingsError);
    expect((await enableSite('news.example.org')).disabledSites).toEqual(['other.example']);
  });
});

describe('watching', () => {
  it('calls back with the full settings on every change, until stopped', async () => {
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.highlightStyle));
    await saveSettings({ highlightStyle: 'outline' });
    await vi.waitFor(() => expect(seen).toEqual(['outline']));
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    await saveSettings({ highlightStyle: 'background' });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['outline']);
  });
});

describe('sites', () => {
  it('normalises what a reader types', () => {
    expect(normaliseSite(' https://www.Example.com/a?b ')).toBe('example.com');
    expect(normaliseSite('News.Example.org.')).toBe('news.example.org');
    expect(normaliseSite('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(normaliseSite('localhost')).toBe('localhost');
    expect(normaliseSite('')).toBeUndefined();
    expect(normaliseSite('two words')).toBeUndefined();
    expect(normaliseSite('a_b.example')).toBeUndefined();
  });

  it('a disabled site also covers its subdomains and its www. form', () => {
    const s = { enabled: true, disabledSites: ['example.com'] };
    expect(isSiteEnabled(s, 'example.com')).toBe(false);
    expect(isSiteEnabled(s, 'www.example.com')).toBe(false);
    expect(isSiteEnabled(s, 'news.example.com')).toBe(false);
    expect(isSiteEnabled(s, 'notexample.com')).toBe(true);
    expect(isSiteEnabled(s, 'example.com.evil.org')).toBe(true);
    expect(isSiteEnabled({ ...s, enabled: false }, 'other.org')).toBe(false);
  });
});
