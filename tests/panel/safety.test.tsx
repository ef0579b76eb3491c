/** The panel renders knowledge and page text only as text: no innerHTML, no dangerouslySetInnerHTML, anywhere. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '@/components/panel/PanelApp';
import { readPanelParams } from '@/components/panel/params';
import { click, fakeApi, mount, realPack, SEED_CONTEXT, unmountAll } from './support';

const repo = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

describe('text only', () => {
  it('has no innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML in the panel code', () => {
    const sources = [...files(join(repo, 'components/panel')), ...files(join(repo, 'entrypoints/sidepanel'))].filter((f) => /\.(tsx?|html)$/.test(f));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML/);
    }
  });

  it('never sets innerHTML while rendering, and shows markup in page text as text', async () => {
    const proto = Element.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'innerHTML')!;
    const setter = vi.fn();
    Object.defineProperty(proto, 'innerHTML', { ...descriptor, set: setter });
    try {
      const hostile = {
        ...SEED_CONTEXT,
        title: '<img src=x onerror=alert(1)>',
        mentions: [{ index: 0, text: '<b>Crocus</b>', kind: 'venue', entity: 'crocus-city-hall', context: '<script>alert(1)</script>' }],
      };
      const root = await mount(<PanelApp pack={realPack()} api={fakeApi(hostile)} params={readPanelParams('?overlay=1&entity=bortnikov&tab=1')} />);
      for (const tab of root.querySelectorAll<HTMLElement>('[role="tab"]')) await click(tab);
      expect(setter).not.toHaveBeenCalled();
      expect(root.querySelector('img, script, b')).toBeNull();
      expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
      expect(root.textContent).toContain('<b>Crocus</b>');
    } finally {
      Object.defineProperty(proto, 'innerHTML', descriptor);
    }
  });
});
