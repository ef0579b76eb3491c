// The extensions the bench compares, copied into a temp folder at run time: the floor and the peer from their small
// source folders here, ours from its build. No network and no build step except, optionally, ours (WXT's own API).
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const OURS_BUILD = join(ROOT, '.output/chrome-mv3');
const require = createRequire(import.meta.url);

/** Every name of every entity in the knowledge pack, deduplicated: the peer's keyword list. */
export function packAliases(packPath = join(ROOT, 'lib/knowledge/pack.json')) {
  const pack = JSON.parse(readFileSync(packPath, 'utf8'));
  const names = new Set();
  for (const entity of pack.entities) for (const list of Object.values(entity.names ?? {})) for (const n of list) names.add(n);
  return [...names];
}

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** The files a manifest injects into every page (content_scripts js + css), in order. */
export function injectedFiles(manifest) {
  const files = [];
  for (const cs of manifest.content_scripts ?? []) files.push(...(cs.js ?? []), ...(cs.css ?? []));
  return files;
}

/** Raw and gzipped (level 9) size of files in `dir`. */
export function fileSizes(dir, files) {
  let raw = 0;
  let gzip = 0;
  const each = {};
  for (const f of files) {
    const path = join(dir, f);
    if (!existsSync(path)) continue;
    const body = readFileSync(path);
    const g = gzipSync(body, { level: 9 }).length;
    each[f] = { raw: body.length, gzip: g };
    raw += body.length;
    gzip += g;
  }
  return { raw, gzip, files: each };
}

/**
 * Sizes the bench reports for our build: the sentinel, everything injected into every page, the page script
 * (candidate pages) and the card script (injected on the first hover).
 */
export function oursSizes(dir) {
  const manifest = readJson(join(dir, 'manifest.json'));
  const everyPage = injectedFiles(manifest);
  const pageScript = ['page.js'].filter((f) => existsSync(join(dir, f)));
  const cardScript = ['card.js'].filter((f) => existsSync(join(dir, f)));
  const sentinel = fileSizes(dir, everyPage.filter((f) => f.endsWith('.js')));
  const injected = fileSizes(dir, everyPage);
  const page = fileSizes(dir, pageScript);
  const card = fileSizes(dir, cardScript);
  return {
    sentinelRawBytes: sentinel.raw || null,
    sentinelGzipBytes: sentinel.gzip || null,
    injectedRawBytes: injected.raw,
    injectedGzipBytes: injected.gzip,
    injectedFiles: everyPage,
    pageScriptRawBytes: page.raw || null,
    pageScriptGzipBytes: page.gzip || null,
    pageScriptFiles: page.files,
    cardScriptRawBytes: card.raw || null,
    cardScriptGzipBytes: card.gzip || null,
  };
}

/**
 * Rewrites a manifest for "inject after the page settles": the declared content scripts' JS is removed (the runner
 * injects the same files itself through chrome.scripting at the moment it chooses) and the loopback host is granted
 * so that both the runner and the extension's own background may inject into bench pages. Declared CSS stays: the
 * browser inserts it at document start, before the page has any DOM, as in normal use (inserting it after the page
 * settled would restyle the whole document, a cost the extension does not have).
 * @returns {{ manifest: object, files: string[], css: string[] }} the new manifest, the JS files to inject in order,
 *   and the CSS files left to the browser
 */
export function deferManifest(manifest) {
  const files = (manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []);
  const css = (manifest.content_scripts ?? []).flatMap((cs) => cs.css ?? []);
  const out = { ...manifest };
  const cssOnly = (manifest.content_scripts ?? []).filter((cs) => cs.css?.length).map(({ js: _js, ...cs }) => cs);
  if (cssOnly.length) out.content_scripts = cssOnly;
  else delete out.content_scripts;
  out.host_permissions = [...new Set([...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'])];
  out.permissions = [...new Set([...(manifest.permissions ?? []), 'scripting'])];
  return { manifest: out, files, css };
}

function finish(dir, mode) {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = readJson(manifestPath);
  if (mode === 'load') return { dir, inject: null };
  const { manifest: m, files } = deferManifest(manifest);
  writeFileSync(manifestPath, JSON.stringify(m, null, 2));
  return { dir, inject: { files, css: [] } };
}

/** The floor extension in `tmp`/floor. */
export function prepareFloor(tmp, mode) {
  const dir = join(tmp, 'floor');
  cpSync(join(HERE, 'extensions/floor'), dir, { recursive: true });
  return finish(dir, mode);
}

/** A peer (mark.js + the aliases; `naive`: mark(aliases), one pass per alias) in `tmp`/`name`. */
export function preparePeer(tmp, mode, aliases = packAliases(), { naive = false, name = 'peer' } = {}) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(HERE, 'extensions/peer/manifest.json'), join(dir, 'manifest.json'));
  cpSync(join(HERE, 'extensions/peer/bg.js'), join(dir, 'bg.js'));
  const markJs = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
  const peer = readFileSync(join(HERE, 'extensions/peer/peer.js'), 'utf8');
  writeFileSync(join(dir, 'content.js'), `${markJs}\nconst ALIASES = ${JSON.stringify(aliases)};\nconst NAIVE = ${naive};\n${peer}`);
  return finish(dir, mode);
}

/** A copy of our build in `tmp`/ours (null with a reason when there is no usable build). */
export function prepareOurs(tmp, mode, buildDir = OURS_BUILD) {
  if (!existsSync(join(buildDir, 'manifest.json'))) return { skip: `no built extension at ${buildDir} (run \`npx wxt build -b chrome\`)` };
  const manifest = readJson(join(buildDir, 'manifest.json'));
  const files = injectedFiles(manifest);
  const worker = manifest.background?.service_worker;
  const missing = [...files, ...(worker ? [worker] : [])].filter((f) => !existsSync(join(buildDir, f)));
  if (!files.length || missing.length) return { skip: `the build at ${buildDir} has no content script (${missing.join(', ') || 'none declared'})` };
  const dir = join(tmp, 'ours');
  mkdirSync(tmp, { recursive: true });
  cpSync(buildDir, dir, { recursive: true });
  return { ...finish(dir, mode), sizes: oursSizes(buildDir) };
}

/** Not copied for a bench build: outputs, generated folders, and what the extension does not build from. */
const NOT_SOURCES = new Set(['node_modules', '.output', '.wxt', '.git', 'bench-output', 'demo-output', 'tests', 'docs', '.ci']);

/**
 * Builds our extension with WXT's JS API from a copy of the sources in `workDir` (so neither .output/ nor .wxt/ of
 * the working tree is touched; node_modules is linked). `minify: false` keeps function names for CPU profiles.
 * Returns the chrome-mv3 folder.
 */
export async function buildOurs(workDir, { minify = true } = {}) {
  const src = join(workDir, 'src');
  mkdirSync(src, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (!NOT_SOURCES.has(entry)) cpSync(join(ROOT, entry), join(src, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  const { build } = await import('wxt');
  const prev = process.cwd();
  process.chdir(src);
  try {
    await build({ browser: 'chrome', root: src, outDir: join(workDir, 'out'), ...(minify ? {} : { vite: () => ({ build: { minify: false } }) }) });
  } finally {
    process.chdir(prev);
  }
  return join(workDir, 'out', 'chrome-mv3');
}
