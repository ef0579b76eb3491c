// How the bench prepares the extensions it compares: the deferred manifest, sizes, the pack's aliases. No browser.
import { describe, expect, it } from 'vitest';
import { deferManifest, injectedFiles, packAliases } from '../../scripts/bench/extensions.mjs';

const manifest = {
  manifest_version: 3,
  permissions: ['storage'],
  host_permissions: ['http://*/*'],
  content_scripts: [{ matches: ['http://*/*'], run_at: 'document_idle', css: ['content-scripts/sentinel.css'], js: ['content-scripts/sentinel.js'] }],
};

describe('deferManifest', () => {
  it('removes the declared JS (the runner injects it) and keeps the CSS for the browser to insert at document start', () => {
    const { manifest: m, files, css } = deferManifest(manifest);
    expect(files).toEqual(['content-scripts/sentinel.js']);
    expect(css).toEqual(['content-scripts/sentinel.css']);
    expect(m.content_scripts).toEqual([{ matches: ['http://*/*'], run_at: 'document_idle', css: ['content-scripts/sentinel.css'] }]);
    expect(m.permissions).toEqual(['storage', 'scripting']);
    expect(m.host_permissions).toEqual(['http://*/*', 'http://127.0.0.1/*']);
  });

  it('drops content_scripts when there is no CSS', () => {
    const { manifest: m } = deferManifest({ content_scripts: [{ matches: ['<all_urls>'], js: ['a.js', 'b.js'] }] });
    expect('content_scripts' in m).toBe(false);
  });

  it('lists everything injected into every page, JS and CSS', () => {
    expect(injectedFiles(manifest)).toEqual(['content-scripts/sentinel.js', 'content-scripts/sentinel.css']);
  });
});

describe('packAliases', () => {
  it('gives every name of every entity once, in every language', () => {
    const aliases = packAliases();
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases).toContain('Crocus City Hall');
    expect(aliases).toContain('Крокус Сити Холл');
    expect(aliases.length).toBeGreaterThan(500);
  });
});
