/**
 * Scanner: the mentions the extension would highlight, for saved pages and for text corpora.
 *
 *   npx tsx scripts/scan.ts FILE.html [FILE2.html ...]   one line per mention (text, kind, entity) and a summary
 *   npx tsx scripts/scan.ts --json FILE.html             the same as JSON
 *   npx tsx scripts/scan.ts --jsonl FILE.jsonl           one JSON object per input line {"id": ..., "text": ...}
 *   npx tsx scripts/scan.ts --jsonl -                    ... read from stdin
 *
 * HTML is parsed with happy-dom and split into text blocks by the page adapter's own `extractBlocks`. JSONL texts
 * are whole pages: newline-separated paragraphs are blocks, and offsets (UTF-16) are into the whole text. Output
 * per JSONL input line: {"id": ..., "mentions": [{"start", "end", "text", "kind", "entity"}]}. Sentences that report a
 * claim of the pack follow as {"start", "end", "text", "kind": "claim", "claim": "C24"} (looked for, as on a page,
 * in the blocks around mentions of pages about the attack). A line that is not valid JSON, or has no string "text",
 * is reported on stderr with its line number and skipped.
 *
 * The matcher table is compiled at start from lib/knowledge/pack.json, read and validated by the shared loader.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { blocksOfHtml } from './html-blocks';
import { matcherTableFromPack } from '../lib/recognize/node';
import { quickCheck, recognizeDetailed, recognizeText } from '../lib/recognize/recognize';
import type { MatcherTable } from '../lib/recognize/table';
import { compileClaimTable } from '../lib/claims/compile';
import { matchClaims } from '../lib/claims/match';
import { candidateBlocks } from '../lib/claims/candidates';
import type { ClaimTable } from '../lib/claims/types';
import { loadPackFile } from '../lib/knowledge/load-node';

interface ClaimSpan {
  start: number;
  end: number;
  text: string;
  kind: 'claim';
  claim: string;
}

/** Claim sentences of a page as the page script finds them, with offsets into `blocks.join('\n')`. */
function claimSpans(blocks: readonly string[], mentionBlockIndexes: Iterable<number>, claims: ClaimTable): ClaimSpan[] {
  const offsets: number[] = [];
  let at = 0;
  for (const b of blocks) {
    offsets.push(at);
    at += b.length + 1;
  }
  const picked = candidateBlocks(mentionBlockIndexes, blocks.map((b) => b.length));
  return matchClaims(picked.map((i) => blocks[i] as string), claims).map((m) => {
    const base = offsets[picked[m.block] as number] as number;
    return { start: base + m.start, end: base + m.end, text: m.text, kind: 'claim', claim: m.claim };
  });
}

let claimTableCache: ClaimTable | undefined;
/** The claim table, compiled from the pack on first use (pages not about the attack never need it). */
function claimTable(): ClaimTable {
  return (claimTableCache ??= compileClaimTable(loadPackFile()));
}

const USAGE = `usage:
  npx tsx scripts/scan.ts [--json] FILE.html [...]
  npx tsx scripts/scan.ts --jsonl FILE.jsonl|-`;

function scanHtml(files: string[], table: MatcherTable, json: boolean): number {
  let failed = 0;
  const results: unknown[] = [];
  for (const file of files) {
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch (err) {
      console.error(`${file}: ${(err as Error).message}`);
      failed++;
      continue;
    }
    const { texts: blocks, layout } = blocksOfHtml(html);
    const passed = quickCheck(blocks.join('\n'), table);
    const { result, score } = passed ? recognizeDetailed(blocks, table, layout) : { result: { about: false, mentions: [] }, score: undefined };
    const claims = result.about ? claimSpans(blocks, result.mentions.map((m) => m.block), claimTable()) : [];
    if (json) {
      results.push({ file, about: result.about, score: score?.score ?? null, blocks: blocks.length, mentions: result.mentions, claims });
      continue;
    }
    if (files.length > 1) console.log(`== ${file}`);
    for (const m of result.mentions) console.log(`${m.text}\t${m.kind}\t${m.entity}${m.inner ? '\t(inner)' : ''}`);
    for (const c of claims) console.log(`${c.text}\tclaim\t${c.claim}`);
    const entities = new Set(result.mentions.map((m) => m.entity));
    const why = !passed ? 'no candidate (quick check)' : `score ${score?.score.toFixed(2)}${score?.anchored ? '' : ', no anchor'}`;
    console.log(
      `${result.mentions.length} mention${result.mentions.length === 1 ? '' : 's'} of ${entities.size} entit${entities.size === 1 ? 'y' : 'ies'} ` +
        `in ${blocks.length} blocks; about the attack: ${result.about ? 'yes' : 'no'} (${why})`,
    );
  }
  if (json) console.log(JSON.stringify(files.length === 1 ? results[0] : results, null, 2));
  return failed > 0 ? 1 : 0;
}

async function scanJsonl(source: string, table: MatcherTable): Promise<number> {
  const input = source === '-' ? process.stdin : createReadStream(source, { encoding: 'utf8' });
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let errors = 0;
  try {
    for await (const raw of rl) {
      lineNo++;
      const line = (lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (line === '') continue;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (err) {
        console.error(`line ${lineNo}: not valid JSON (${(err as Error).message}); skipped`);
        errors++;
        continue;
      }
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj) || typeof (obj as { text?: unknown }).text !== 'string') {
        console.error(`line ${lineNo}: expected an object with a string "text"; skipped`);
        errors++;
        continue;
      }
      const { id, text } = obj as { id?: unknown; text: string };
      const { about, mentions } = recognizeText(text, table);
      const out: unknown[] = mentions.map(({ start, end, text: t, kind, entity }) => ({ start, end, text: t, kind, entity }));
      if (about) {
        // recognizeText's blocks are the newline-separated paragraphs; find each mention's block from its offset.
        const blocks = text.split('\n');
        const starts: number[] = [];
        let at = 0;
        for (const b of blocks) {
          starts.push(at);
          at += b.length + 1;
        }
        const blockOf = (offset: number) => starts.findLastIndex((s) => s <= offset);
        out.push(...claimSpans(blocks, mentions.map((m) => blockOf(m.start)), claimTable()));
      }
      process.stdout.write(`${JSON.stringify({ id: id ?? null, mentions: out })}\n`);
    }
  } catch (err) {
    console.error(`${source}: ${(err as Error).message}`);
    return 1;
  }
  if (errors > 0) console.error(`${errors} line${errors === 1 ? '' : 's'} skipped`);
  return 0;
}

// A closed pipe (`scan ... | head`) ends the output quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(argv: string[]): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const args = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => !['--json', '--jsonl', '--help'].includes(f));
  if (flags.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (unknown.length > 0 || args.length === 0 || (flags.includes('--jsonl') && (args.length !== 1 || flags.includes('--json')))) {
    console.error(USAGE);
    return 2;
  }
  let table: MatcherTable;
  try {
    table = matcherTableFromPack();
  } catch (err) {
    console.error(`cannot compile the matcher table: ${(err as Error).message}`);
    return 1;
  }
  if (flags.includes('--jsonl')) return scanJsonl(args[0] as string, table);
  return scanHtml(args, table, flags.includes('--json'));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
