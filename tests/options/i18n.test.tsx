// The options page's interface text: every options_* key in English, Russian and Ukrainian with the same
// substitutions, every key the code asks for present, and the page in Russian and Ukrainian.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClaimsSection } from '@/components/options/ClaimsSection';
import { formatDay, formatPublished, formatVisit, optionsLocale } from '@/components/options/format';
import { OptionsApp, type OptionsDeps } from '@/components/options/OptionsApp';
import { plural } from '@/components/panel/format';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings';
import { HistoryStore } from '@/lib/storage/history';
import { entry, freshName } from '../storage/helpers';
import { locales, useLocale, type Messages } from '../support/locales';

const ROOT = resolve(__dirname, '../..');
const LANGS = ['en', 'ru', 'uk'] as const;
const CATEGORIES = ['one', 'few', 'many', 'other'];
const optionKeys = (m: Messages) => Object.keys(m).filter((k) => k.startsWith('options_')).sort();
const placeholders = (s: string) => [...new Set(s.match(/\$\d/g) ?? [])].sort();

/** Every .ts/.tsx file under the options page's folders, with its text. */
function sources(): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) out.push({ file: path.slice(ROOT.length + 1), code: readFileSync(path, 'utf8') });
    }
  };
  walk(resolve(ROOT, 'components/options'));
  walk(resolve(ROOT, 'entrypoints/options'));
  return out;
}

/** The keys the code asks for: `t('options_…')` directly, and `plural('options_…')` in all four plural forms. */
function usedKeys(): { direct: string[]; plurals: string[] } {
  const code = sources()
    .map((s) => s.code)
    .join('\n');
  return {
    direct: [...new Set([...code.matchAll(/\bt\(\s*'(options_[a-z0-9_]+)'/g)].map((m) => m[1]!))],
    plurals: [...new Set([...code.matchAll(/\bplural\(\s*'(options_[a-z0-9_]+)'/g)].map((m) => m[1]!))],
  };
}

describe('options messages', () => {
  it('has the same options_* keys in en, ru and uk, each non-empty', () => {
    const en = optionKeys(locales.en);
    expect(en.length).toBeGreaterThan(100);
    expect(optionKeys(locales.ru)).toEqual(en);
    expect(optionKeys(locales.uk)).toEqual(en);
    for (const lang of LANGS) for (const k of en) expect(locales[lang][k]!.message.trim(), `${lang} ${k}`).not.toBe('');
  });

  it('every options_* key the code uses exists in all three locales, with the same placeholders', () => {
    const { direct, plurals } = usedKeys();
    expect(direct.length).toBeGreaterThan(50);
    expect(plurals.length).toBeGreaterThan(10);
    const keys = [...direct, ...plurals.flatMap((base) => CATEGORIES.map((c) => `${base}_${c}`))];
    for (const key of keys) {
      const en = locales.en[key];
      expect(en, `en ${key}`).toBeDefined();
      for (const lang of ['ru', 'uk'] as const) {
        expect(locales[lang][key], `${lang} ${key}`).toBeDefined();
        expect(placeholders(locales[lang][key]!.message), `${lang} ${key}`).toEqual(placeholders(en!.message));
      }
    }
  });

  it('asks for keys only by literal name, and leaves no options_* message unused', () => {
    const { direct, plurals } = usedKeys();
    for (const { file, code } of sources()) {
      // A key built at run time would escape the check above.
      expect(code, file).not.toMatch(/`options_[a-z0-9_]*\$\{/);
      const literals = [...code.matchAll(/'options_[a-z0-9_]*'/g)].length;
      const called = [...code.matchAll(/\b(?:t|plural)\(\s*'options_[a-z0-9_]+'/g)].length;
      expect(called, `${file}: every 'options_…' literal is a t() or plural() key`).toBe(literals);
    }
    const used = new Set([...direct, ...plurals.flatMap((base) => CATEGORIES.map((c) => `${base}_${c}`))]);
    expect(optionKeys(locales.en).filter((k) => !used.has(k))).toEqual([]);
  });

  it('the old English strings module is gone', () => {
    expect(sources().map((s) => s.file)).not.toContain('components/options/strings.ts');
  });
});

describe('the options page in Russian and Ukrainian', () => {
  let container: HTMLElement;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    render(null, container);
    container.remove();
    useLocale('en');
    fakeBrowser.reset();
  });

  const text = (sel: string) => container.querySelector(sel)?.textContent ?? '';

  it('Russian plural forms and dates', () => {
    useLocale('ru');
    expect(plural('options_n_pages', 1)).toBe('1 страница');
    expect(plural('options_n_pages', 3)).toBe('3 страницы');
    expect(plural('options_n_pages', 5)).toBe('5 страниц');
    expect(plural('options_n_pages', 21)).toBe('21 страница');
    expect(plural('options_on_pages', 6)).toBe('на 6 страницах');
    expect(plural('options_history_count', 2, plural('options_on_sites', 1))).toBe('2 страницы на 1 сайте.');
    expect(optionsLocale()).toBe('ru');
    expect(formatPublished('2024-03-23')).toMatch(/^23 марта 2024/);
    expect(formatPublished('2024-05')).toMatch(/^май 2024/);
    expect(formatPublished('2024')).toBe('2024');
    expect(formatDay('2024-05-03')).toMatch(/^пятница, 3 мая 2024/);
    expect(formatVisit('not a date')).toBe('not a date');
  });

  it('English dates keep the British format', () => {
    expect(optionsLocale()).toBe('en-GB');
    expect(formatPublished('2024-03-23')).toBe('23 March 2024');
    expect(formatPublished('2024-03')).toBe('March 2024');
    expect(formatPublished('2024-13-01')).toBe('2024');
    expect(formatPublished('2024-02-30')).toBe('February 2024');
  });

  it('renders the claims section in Russian, plural forms included', async () => {
    useLocale('ru');
    const entries = [
      ...[1, 2, 3, 4, 5, 6].map((i) => entry(`https://a.example/${i}`, { claims: ['C01'] })),
      entry('https://b.example/1', { claims: ['C07'] }),
      entry('https://b.example/2', { claims: ['C07'] }),
    ];
    const knowledge = {
      conflicts: [
        { id: 'X01', sides: [{ claims: ['C01'] }, { claims: ['C12', 'C13'] }] },
        { id: 'X02', sides: [{ claims: ['C07'] }, { claims: ['C01'] }] },
      ],
      statement: (id: string) => ({ C01: 'The group said it carried out the attack.' })[id],
    };
    await act(async () => {
      render(<ClaimsSection entries={entries} knowledge={knowledge} />, container);
    });
    expect(text('h2')).toBe('Встреченные вами заявления');
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Заявление', 'Страницы', 'Противоречащие заявления']);
    // C07 was met on 2 pages, and its contradicting claim C01 on 6.
    expect(text('[data-claim="C07"] td:last-child p')).toBe('Вы читали это заявление на 2 страницах, а противоречащее ему — на 6 страницах.');
    expect(text('[data-claim="C07"] .contradicting li')).toBe('C01: 6 страниц The group said it carried out the attack.');
    // C01 on 6 pages; C07 (2 pages) contradicts it through X02, C12 and C13 (never met) through X01.
    expect(text('[data-claim="C01"] td:last-child p')).toBe('Вы читали это заявление на 6 страницах, а противоречащее ему — на 2 страницах.');
    expect(text('[data-claim="C01"] summary')).toBe('2 противоречащих заявления, которые вам не встречались');
    // The pack's statements stay as they are (English); only the interface is translated.
    expect(container.textContent).toContain('The group said it carried out the attack.');
  });

  it('says "none" in Russian when no contradicting claim was met', async () => {
    useLocale('ru');
    const knowledge = { conflicts: [{ id: 'X01', sides: [{ claims: ['C01'] }, { claims: ['C12'] }] }], statement: () => undefined };
    await act(async () => {
      render(<ClaimsSection entries={[entry('https://a.example/1', { claims: ['C01'] })]} knowledge={knowledge} />, container);
    });
    expect(text('[data-claim="C01"] td:last-child p')).toBe('Вы читали это заявление на 1 странице, а противоречащее ему — ни на одной.');
  });

  it('words import problems in Russian: rejected entries field by field, and a file refused as a whole', async () => {
    useLocale('ru');
    const deps: OptionsDeps = {
      store: new HistoryStore({ name: freshName('opts-ru-import') }),
      settings: { load: loadSettings, save: saveSettings, watch: watchSettings },
      backgroundStatus: async () => ({ state: 'ok' }),
    };
    await act(async () => {
      render(<OptionsApp deps={deps} />, container);
    });
    const input = container.querySelector<HTMLInputElement>('#import-file')!;
    const choose = async (content: string) => {
      Object.defineProperty(input, 'files', { value: [new File([content], 'history.json')], configurable: true });
      await act(async () => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    await choose(
      JSON.stringify([
        entry('https://a.example/1'),
        { ...entry('https://b.example/1'), entities: ['putin', 7] },
        { ...entry('https://c.example/1'), firstVisit: '2024-05-03T00:00:00.000Z', lastVisit: '2024-05-01T00:00:00.000Z' },
        'not an entry',
      ]),
    );
    await vi.waitFor(() => expect(text('[data-testid="import-report"]')).toContain('Запись 2 (https://b.example/1): имена, элемент 2: значение не того типа'));
    expect(text('[data-testid="import-report"]')).toContain('Запись 3 (https://c.example/1): первое посещение позже последнего');
    expect(text('[data-testid="import-report"]')).toContain('Запись 4: запись: значение не того типа');
    await choose(JSON.stringify({ format: 'crocus-context-history', version: 7, entries: [] }));
    await vi.waitFor(() => expect(text('[data-testid="import-error"]')).toContain('файл создан более новой версией расширения (формат 7)'));
    expect(text('[data-testid="import-error"]')).not.toMatch(/[a-z]{4,}/);
  });

  it('renders the whole page in Ukrainian with no English interface text left', async () => {
    useLocale('uk');
    const store = new HistoryStore({ name: freshName('opts-uk') });
    await store.importHistory([
      entry('https://a.example/1', { title: 'Перша стаття', lastVisit: '2024-05-03T10:00:00.000Z', claims: ['C01'], visits: 2 }),
      entry('https://a.example/2', { title: 'Друга стаття', lastVisit: '2024-05-02T10:00:00.000Z', published: '2024-03' }),
    ]);
    const deps: OptionsDeps = {
      store,
      settings: { load: loadSettings, save: saveSettings, watch: watchSettings },
      backgroundStatus: async () => ({ state: 'ok' }),
    };
    await act(async () => {
      render(<OptionsApp deps={deps} />, container);
    });
    await vi.waitFor(() => expect(text('[data-testid="history-count"]')).toBe('2 сторінки на 1 сайті.'));
    await vi.waitFor(() => expect(text('[data-testid="storage-status"]')).toBe('Сховище історії працює.'));
    expect(text('h1')).toBe('Crocus Context — налаштування');
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Налаштування', 'Історія читання', 'Заяви, які вам траплялися', 'Стан сховища']);
    expect(text('.group h3')).toMatch(/^п.ятниця, 3 травня 2024/);
    expect(text('.entry .entry-counts')).toBe("2 відвідування · 1 ім'я · 1 заява");
    expect(container.textContent).toContain('березень 2024');
    // No English message of the options page shows up (the knowledge pack's text is not part of this page).
    const page = container.textContent ?? '';
    const english = optionKeys(locales.en)
      .map((k) => locales.en[k]!.message)
      .filter((m) => !m.includes('$') && m.split(' ').length >= 2 && m !== 'Crocus City Hall');
    for (const m of english) expect(page, m).not.toContain(m);
  });
});
