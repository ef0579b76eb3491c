import { readFileSync } from 'node:fs';
import { recognizeLoose } from '../lib/recognize/recognize';
import { blocksOfHtml } from './html-blocks';
import { realTable } from '../tests/recognize/support';
const { texts, layout } = blocksOfHtml(readFileSync(process.argv[2], 'utf8')); const furniture = layout.furniture; const headline = layout.headline;
const r = recognizeLoose(texts, realTable());
texts.forEach((t, i) => {
  const ms = r.mentions.filter((m) => m.block === i).map((m) => m.text + (m.loose ? '~' : ''));
  console.log(String(i).padStart(3), (furniture[i] ? 'F' : ' ') + (headline[i] ? 'H' : ' '), r.context![i], t.slice(0, 90).replace(/\n/g, ' '), ms.length ? '  [' + ms.join(', ') + ']' : '');
});
