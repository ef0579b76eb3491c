// npx tsx scripts/zz-p6.tmp.mts DIR [-v]   (DIR holds pages.jsonl + html files)
import { readFileSync } from 'node:fs';
import { recognizePage } from '../lib/recognize/recognize';
import { blocksOfHtml } from './html-blocks';
import { realTable } from '../tests/recognize/support';
const dir = process.argv[2].replace(/\/?$/, '/');
const verbose = process.argv.includes('-v');
const pages = readFileSync(dir + 'pages.jsonl', 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
let exp = 0, expOk = 0, forb = 0, forbBad = 0, verdictOk = 0;
for (const page of pages) {
  const { texts, layout } = blocksOfHtml(readFileSync(dir + page.file, 'utf8')); const furniture = layout.furniture;
  const result = recognizePage(texts, realTable(), layout);
  const marked = (s: string) => texts.some((t, b) => { for (let at = t.indexOf(s); at >= 0; at = t.indexOf(s, at + 1)) if (result.mentions.some((m) => m.block === b && m.start < at + s.length && m.end > at)) return true; return false; });
  const present = (s: string) => texts.some((t) => t.includes(s));
  const missing = page.expect.filter((s: string) => !marked(s));
  const absent = page.expect.filter((s: string) => !present(s));
  const bad = page.forbid.filter((s: string) => marked(s));
  const ownMarked = !page.about ? result.mentions.filter((m) => !furniture[m.block] && !page.expect.some((s: string) => texts[m.block].includes(s))).map((m) => m.text) : [];
  exp += page.expect.length; expOk += page.expect.length - missing.length;
  forb += page.forbid.length; forbBad += bad.length;
  const vOk = result.about === page.about || (!page.about && ownMarked.length === 0);
  if (vOk) verdictOk++;
  const flag = !vOk || missing.length || bad.length || ownMarked.length || absent.length;
  if (flag || verbose) console.log(`${page.id} about=${result.about}/${page.about}${missing.length ? ' MISSING ' + JSON.stringify(missing) : ''}${absent.length ? ' ABSENT ' + JSON.stringify(absent) : ''}${bad.length ? ' FORBIDDEN ' + JSON.stringify(bad) : ''}${ownMarked.length ? ' OWN ' + JSON.stringify([...new Set(ownMarked)]) : ''}`);
}
console.log(`pages ${pages.length}: verdict ok ${verdictOk}; expected ${expOk}/${exp}; forbidden marked ${forbBad}/${forb}`);
