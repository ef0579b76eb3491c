// The options page under happy-dom: settings, history list and actions, import report, claims met, storage status.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp, type OptionsDeps } from '@/components/options/OptionsApp';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings';
import { HistoryStore } from '@/lib/storage/history';
import { openHistoryDb } from '@/lib/storage/db';
import { EXPORT_FORMAT } from '@/lib/storage/schema';
import { entry, freshName } from '../storage/helpers';

let container: HTMLElement;
let downloads: { filename: string; text: string }[];

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  downloads = [];
});

afterEach(() => {
  render(null, container);
  container.remove();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

function deps(over: Partial<OptionsDeps> = {}): OptionsDeps {
  return {
    store: new HistoryStore({ name: freshName('opts') }),
    settings: { load: loadSettings, save: saveSettings, watch: watchSettings },
    backgroundStatus: async () => ({ state: 'ok' }),
    knowledge: {
      conflicts: [{ id: 'X01', sides: [{ claims: ['C01'] }, { claims: ['C12'] }] }],
      statement: (id) => ({ C01: 'The group said it carried out the attack.', C12: 'An official said another state was involved.' })[id],
    },
    download: (filename, text) => downloads.push({ filename, text }),
    ...over,
  };
}

async function mount(d: OptionsDeps) {
  await act(async () => {
    render(<OptionsApp deps={d} />, container);
  });
  await vi.waitFor(() => expect(container.querySelector('[data-testid="storage-status"]')?.getAttribute('data-state')).not.toBe('unknown'));
}

const text = () => container.textContent ?? '';
const q = <T extends Element = HTMLElement>(sel: string) => container.querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(sel: string) => [...container.querySelectorAll<T>(sel)];
function button(name: string | RegExp): HTMLButtonElement {
  const b = qa<HTMLButtonElement>('button').find((x) => (typeof name === 'string' ? (x.getAttribute('aria-label') ?? x.textContent) === name : name.test(x.getAttribute('aria-label') ?? x.textContent ?? '')));
  if (!b) throw new Error(`no button ${name}`);
  return b;
}
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
  });
}

describe('landmarks and labels', () => {
  it('has banner, navigation, main and one labelled region per section', async () => {
    await mount(deps());
    expect(q('header h1')?.textContent).toBe('Crocus Context — Options');
    expect(q('nav')?.getAttribute('aria-label')).toBe('Sections');
    expect(qa('main > section').map((s) => document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent)).toEqual(['Settings', 'Reading history', 'Claims you have met', 'Storage status']);
    // Every form control has a label.
    for (const input of qa<HTMLInputElement>('input, select')) {
      const labelled = input.closest('label') || (input.id && q(`label[for="${input.id}"]`));
      expect(labelled, `control ${input.outerHTML} has no label`).toBeTruthy();
    }
  });
});

describe('settings', () => {
  it('shows and saves on/off, highlight style and the site list', async () => {
    await mount(deps());
    await vi.waitFor(() => expect(q<HTMLInputElement>('input[name="highlight-style"][value="underline"]')?.checked).toBe(true));
    await click(q<HTMLInputElement>('input[name="highlight-style"][value="outline"]')!);
    await vi.waitFor(async () => expect((await loadSettings()).highlightStyle).toBe('outline'));

    const site = q<HTMLInputElement>('#site-input')!;
    await act(async () => {
      site.value = 'not a site';
      site.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      q('form.inline')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(q('[role="alert"]')?.textContent).toMatch(/not a site name/);
    expect(site.getAttribute('aria-invalid')).toBe('true');

    await act(async () => {
      site.value = 'https://www.News.example.com/x';
      site.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      q('form.inline')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(qa('#site-list li span').map((s) => s.textContent)).toEqual(['news.example.com']));
    expect((await loadSettings()).disabledSites).toEqual(['news.example.com']);
    await click(button('Remove news.example.com from the list'));
    await vi.waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
  });

  it('follows changes made elsewhere (e.g. the hover card turning a site off)', async () => {
    await mount(deps());
    await act(async () => {
      await saveSettings({ disabledSites: ['elsewhere.example'] });
    });
    await vi.waitFor(() => expect(text()).toContain('elsewhere.example'));
  });
});

describe('history', () => {
  async function seeded() {
    const d = deps();
    await d.store.importHistory([
      entry('https://a.example/1', { title: 'First article', lastVisit: '2024-05-03T10:00:00.000Z', claims: ['C01'], published: '2024-03-23' }),
      entry('https://a.example/2', { title: 'Second article', lastVisit: '2024-05-02T10:00:00.000Z', claims: ['C01', 'C12'] }),
      entry('https://b.example/1', { title: 'Third article', lastVisit: '2024-05-01T10:00:00.000Z', claims: ['C01'] }),
    ]);
    return d;
  }

  it('lists pages by date and by site', async () => {
    await mount(await seeded());
    await vi.waitFor(() => expect(q('[data-testid="history-count"]')?.textContent).toBe('3 pages on 2 sites.'));
    expect(qa('.entry-title').map((a) => a.textContent)).toEqual(['First article', 'Second article', 'Third article']);
    expect(qa('.group h3').length).toBe(3);
    expect(text()).toContain('23 March 2024');
    await click(q<HTMLInputElement>('input[name="group-by"][value="site"]')!);
    expect(qa('.group h3').map((h) => h.textContent)).toEqual(['a.example (2 pages)', 'b.example (1 page)']);
  });

  it('deletes one entry, and clears all only after confirmation', async () => {
    const d = await seeded();
    await mount(d);
    await vi.waitFor(() => expect(qa('.entry').length).toBe(3));
    await click(button('Delete “Second article” from the history'));
    await vi.waitFor(() => expect(qa('.entry').length).toBe(2));
    expect(q('[data-testid="notice"]')?.textContent).toBe('Deleted “Second article”.');

    await click(button('Clear all history…'));
    expect(q('.confirm')?.textContent).toContain('Delete all 2 pages from the history? This cannot be undone. Export first to keep a copy.');
    expect(document.activeElement?.textContent).toBe('Delete everything');
    await click(button('Cancel'));
    expect((await d.store.readAll()).entries).toHaveLength(2);
    await click(button('Clear all history…'));
    await click(button('Delete everything'));
    await vi.waitFor(() => expect(q('[data-testid="history-empty"]')).toBeTruthy());
    expect((await d.store.readAll()).entries).toEqual([]);
  });

  it('exports a JSON file and imports it back with a report of accepted and rejected entries', async () => {
    const d = await seeded();
    await mount(d);
    await vi.waitFor(() => expect(qa('.entry').length).toBe(3));
    await click(button('Export history (JSON)'));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.filename).toMatch(/^crocus-context-history-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(downloads[0]!.text);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 1 });
    expect(file.entries).toHaveLength(3);

    await d.store.clear();
    file.entries.push({ url: 'ftp://nope.example/', firstVisit: 'x' });
    const input = q<HTMLInputElement>('#import-file')!;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(file)], 'history.json', { type: 'application/json' })], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid="import-report"]')).toBeTruthy());
    expect(q('[data-testid="import-report"]')?.textContent).toContain('Imported: 3 new pages, 0 pages merged, 0 pages already up to date, 1 entry rejected.');
    expect(q('[data-testid="import-report"]')?.textContent).toContain(
      'Entry 4 (ftp://nope.example/): address: not an http(s) address; first visit: not in the expected format (dates as 2024-03-22 or 2024-03-22T18:00:00Z); last visit: missing',
    );
    await vi.waitFor(() => expect(qa('.entry').length).toBe(3));
  });

  it('says so when the file is not a history export, and changes nothing', async () => {
    const d = await seeded();
    await mount(d);
    const input = q<HTMLInputElement>('#import-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['{"hello":1}'], 'x.json')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid="import-error"]')?.textContent).toBe('The file was not imported: the file is not a Crocus Context history export. Nothing was changed.'));
    expect((await d.store.readAll()).entries).toHaveLength(3);
  });

  it('changing the retention saves it and prunes at once', async () => {
    const d = deps();
    await d.store.importHistory([entry('https://old.example/', { firstVisit: '2020-01-01T00:00:00.000Z', lastVisit: '2020-01-01T00:00:00.000Z' })]);
    await mount(d);
    await vi.waitFor(() => expect(qa('.entry').length).toBe(1));
    const select = qa<HTMLSelectElement>('select')[0]!;
    await act(async () => {
      select.value = '30';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid="history-empty"]')).toBeTruthy());
    expect((await loadSettings()).retention).toBe('30');
  });
});

describe('claims you have met', () => {
  it('counts pages per claim and the pages with a contradicting claim', async () => {
    const d = deps();
    await d.store.importHistory([
      entry('https://a.example/1', { claims: ['C01'] }),
      entry('https://a.example/2', { claims: ['C01'] }),
      entry('https://b.example/1', { claims: ['C12'] }),
    ]);
    await mount(d);
    await vi.waitFor(() => expect(q('[data-claim="C01"]')).toBeTruthy());
    const row = q('[data-claim="C01"]')!;
    expect(row.textContent).toContain('The group said it carried out the attack.');
    expect(row.textContent).toContain('You have read this claim on 2 pages, and a claim contradicting it on 1 page.');
    expect(q('[data-claim="C12"]')?.textContent).toContain('You have read this claim on 1 page, and a claim contradicting it on 2 pages.');
  });

  it('without the pack: counts only, and says why', async () => {
    const d = deps({ knowledge: undefined });
    await d.store.importHistory([entry('https://a.example/1', { claims: ['C01'] })]);
    await mount(d);
    await vi.waitFor(() => expect(q('[data-claim="C01"]')).toBeTruthy());
    expect(text()).toContain('The knowledge pack is not loaded here, so contradicting claims cannot be shown.');
  });
});

describe('storage status', () => {
  it('ok', async () => {
    await mount(deps());
    expect(q('[data-testid="storage-status"]')?.textContent).toContain('The history storage is working.');
  });

  it('IndexedDB unavailable: a clear message, settings still work', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('denied', 'InvalidStateError');
    });
    await mount(deps());
    await vi.waitFor(() => expect(q('[data-testid="storage-status"]')?.getAttribute('data-state')).toBe('unavailable'));
    expect(q('[data-testid="storage-status"]')?.getAttribute('role')).toBe('alert');
    expect(text()).toContain('The history cannot be stored here: this browser does not allow the extension to use its local database');
    expect(text()).toContain('The history cannot be shown: see Storage status below.');
    await click(q<HTMLInputElement>('input[name="highlight-style"][value="background"]')!);
    await vi.waitFor(async () => expect((await loadSettings()).highlightStyle).toBe('background'));
  });

  it('a blocked upgrade says what to do', async () => {
    const name = freshName('opts-blocked');
    const old = await openHistoryDb({ name, version: 1 });
    await mount(deps({ store: new HistoryStore({ name }) }));
    await vi.waitFor(() => expect(q('[data-testid="storage-status"]')?.getAttribute('data-state')).toBe('blocked'));
    expect(text()).toContain('Close other Crocus Context pages (options, panel) and reload this page.');
    old.close();
  });

  it('a quota problem met by the background while recording is shown', async () => {
    await mount(deps({ backgroundStatus: async () => ({ state: 'quota', detail: 'recording a visit: storage quota exceeded' }) }));
    await vi.waitFor(() => expect(q('[data-testid="background-status"]')?.getAttribute('data-state')).toBe('quota'));
    expect(text()).toContain('The browser’s storage for this extension is full, so new pages are not being recorded.');
  });

  it('damaged entries are counted, kept, and can be deleted one by one', async () => {
    const d = deps();
    await d.store.importHistory([entry('https://a.example/good')]);
    const db = await openHistoryDb({ name: d.store.name });
    await db.put('pages', { url: 'https://a.example/broken', title: 7 });
    db.close();
    d.store.close();
    await mount(d);
    await vi.waitFor(() => expect(q('[data-testid="damaged"]')?.textContent).toContain('1 entry is damaged and cannot be read. It is kept as it is, left out of the lists and exports.'));
    expect(qa('.entry').length).toBe(1);
    await click(button('Delete the damaged entry https://a.example/broken'));
    await vi.waitFor(() => expect(q('[data-testid="damaged"]')).toBeNull());
  });
});
