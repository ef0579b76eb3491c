// Renders the seed article (plain text) as a news page, as a reader would meet it: headline, dateline,
// paragraphs, the publication date declared in the page's metadata.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export function seedText() {
  const dir = join(ROOT, 'seeds');
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
  if (!file) throw new Error(`no seed article (*.txt) in ${dir}`);
  return readFileSync(join(dir, file), 'utf8');
}

/** The seed article as a news page; `dark` gives it a dark design, as many news sites offer. */
export function seedPageHtml({ dark = false } = {}) {
  const text = seedText().trim();
  const dateMatch = text.match(/^\s*date\s+(\d{4}-\d{2}-\d{2})\s*/);
  const date = dateMatch?.[1] ?? '';
  const body = dateMatch ? text.slice(dateMatch[0].length) : text;
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const headline = 'Russian authorities say the Islamic State is behind the Crocus City Hall terrorist attack';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(headline)} | UNN</title>
<meta property="article:published_time" content="${date}T12:00:00+03:00">
<style>body{font:18px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font:700 2rem/1.2 system-ui,sans-serif}.dateline{color:#666;font:14px system-ui,sans-serif}
${dark ? 'body{background:#131316;color:#e4e4e8}.dateline{color:#a0a0a8}' : ''}</style></head>
<body><header><p class="dateline">UNN · <time datetime="${date}">${date}</time></p><h1>${escape(headline)}</h1></header>
<article>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></body></html>`;
}
