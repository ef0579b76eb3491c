/** The panel's interface text: every panel_* key in English, Russian and Ukrainian, and the panel in Russian. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '@/components/panel/PanelApp';
import { plural } from '@/components/panel/format';
import { fakeApi, mount, realPack, SEED_CONTEXT, text, unmountAll } from './support';
import { locales, useLocale, type Messages } from '../support/locales';

const panelKeys = (m: Messages) => Object.keys(m).filter((k) => k.startsWith('panel_')).sort();
const placeholders = (s: string) => [...new Set(s.match(/\$\d/g) ?? [])].sort();

afterEach(() => {
  unmountAll();
  useLocale('en');
});

describe('panel messages', () => {
  it('has the same panel_* keys in en, ru and uk, each non-empty', () => {
    const en = panelKeys(locales.en);
    expect(en.length).toBeGreaterThan(100);
    expect(panelKeys(locales.ru)).toEqual(en);
    expect(panelKeys(locales.uk)).toEqual(en);
    for (const [lang, m] of Object.entries(locales)) for (const k of en) expect(m[k]!.message.trim(), `${lang} ${k}`).not.toBe('');
  });

  it('covers every key the panel code asks for', () => {
    const code = ['PanelApp', 'common', 'SummarySection', 'AttributionsSection', 'TimelineSection', 'ConflictsSection', 'SourcesSection', 'MentionsSection', 'EntityFocus', 'HistoryLine', 'format']
      .map((f) => {
        for (const ext of ['tsx', 'ts']) {
          try {
            return readFileSync(resolve(__dirname, `../../components/panel/${f}.${ext}`), 'utf8');
          } catch {
            // try the next extension
          }
        }
        throw new Error(`missing ${f}`);
      })
      .join('\n');
    const direct = [...code.matchAll(/\bt\('(panel_[a-z_]+)'/g)].map((m) => m[1]!);
    const plurals = [...code.matchAll(/plural\('(panel_[a-z_]+)'/g)].flatMap((m) => ['one', 'few', 'many', 'other'].map((c) => `${m[1]}_${c}`));
    for (const key of [...direct, ...plurals]) expect(locales.en[key], key).toBeDefined();
  });

  it('uses the same substitutions in every language (a translation may drop one, never add one)', () => {
    for (const k of panelKeys(locales.en)) {
      const en = placeholders(locales.en[k]!.message);
      for (const lang of ['ru', 'uk'] as const) {
        for (const p of placeholders(locales[lang][k]!.message)) expect(en, `${lang} ${k}`).toContain(p);
      }
    }
  });
});

describe('the panel in Russian and Ukrainian', () => {
  it('shows Russian interface text, dates and plural forms; the knowledge stays in English, marked as such', async () => {
    useLocale('ru');
    expect(plural('panel_n_claims', 1)).toBe('1 заявление');
    expect(plural('panel_n_claims', 3)).toBe('3 заявления');
    expect(plural('panel_n_claims', 5)).toBe('5 заявлений');
    expect(plural('panel_n_claims', 21)).toBe('21 заявление');
    const pack = realPack();
    const root = await mount(<PanelApp pack={pack} api={fakeApi(SEED_CONTEXT)} />);
    expect(text(root.querySelector('#tab-summary'))).toBe('Сводка');
    expect(text(root.querySelector('#tab-page'))).toBe('Упоминания (3)');
    expect(text(root.querySelector('header'))).toMatch(/актуально на 22 марта 2026/);
    expect(text(root.querySelector('#current-figure'))).toContain('погибших: 149');
    const fact = root.querySelector('.facts p')!;
    expect(fact.getAttribute('lang')).toBe('en');
  });

  it('shows Ukrainian interface text', async () => {
    useLocale('uk');
    expect(plural('panel_n_events', 2)).toBe('2 події');
    expect(plural('panel_n_events', 11)).toBe('11 подій');
    const root = await mount(<PanelApp pack={realPack()} api={fakeApi()} />);
    expect(text(root.querySelector('#tab-timeline'))).toBe('Хронологія');
    expect(text(root.querySelector('header'))).toMatch(/березня 2026/);
  });
});
