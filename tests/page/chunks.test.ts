import { describe, expect, it, vi } from 'vitest';
import { pickEvidence, recognizeInChunks } from '@/lib/page/chunks';
import { TABLE, fakeRecognize } from './helpers';

function run(texts: string[], chars: number, extra: Partial<Parameters<typeof recognizeInChunks>[1]> = {}) {
  const recognize = vi.fn(fakeRecognize);
  let t = 0;
  const yields = { n: 0 };
  const p = recognizeInChunks(texts, {
    recognize,
    table: TABLE,
    about: false,
    evidence: [],
    now: () => (t += 1),
    yieldToMain: async () => {
      yields.n++;
    },
    cancelled: () => false,
    sliceMs: 8,
    sizer: { chars },
    ...extra,
  });
  return { p, recognize, yields };
}

describe('recognizeInChunks', () => {
  it('gives the same mentions as one call when the page is cut into chunks', async () => {
    const texts = [
      'FSB statement first.',
      ...Array.from({ length: 40 }, (_, i) => `filler paragraph ${i}`),
      'Gunmen attacked Crocus City Hall.',
      ...Array.from({ length: 40 }, (_, i) => `more filler ${i} and the FSB`),
    ];
    const whole = fakeRecognize(texts);
    const { p, recognize } = run(texts, 100);
    const r = await p;
    expect(recognize.mock.calls.length).toBeGreaterThan(10);
    expect(r.about).toBe(true);
    expect(r.perBlock.flat()).toEqual(whole.mentions);
    // Mentions found in the evidence blocks are not reported twice.
    expect(r.perBlock.flat().filter((m) => m.text === 'Crocus City Hall')).toHaveLength(1);
  });

  it('uses earlier evidence for a page already known to be about the attack', async () => {
    const { p } = run(['The FSB said'], 1000, { about: true, evidence: ['At Crocus City Hall'] });
    const r = await p;
    expect(r.perBlock).toEqual([[{ start: 4, end: 7, text: 'FSB', kind: 'institution', entity: 'fsb', block: 0 }]]);
  });

  it('keeps gated mentions out when no chunk is about the attack', async () => {
    const { p } = run(['The FSB said', 'nothing else'], 5);
    const r = await p;
    expect(r.about).toBe(false);
    expect(r.perBlock.flat()).toEqual([]);
  });

  it('stops when cancelled', async () => {
    let calls = 0;
    const { p } = run(['a', 'b', 'c', 'd'], 1, { cancelled: () => ++calls > 1 });
    expect((await p).cancelled).toBe(true);
  });

  it('adapts the chunk size to the time budget', async () => {
    const sizer = { chars: 65_536 };
    let t = 0;
    await recognizeInChunks(['x'.repeat(10_000), 'y'.repeat(10_000)], {
      recognize: (b) => {
        t += 20; // a slow recognizer: 20 ms per call
        return fakeRecognize(b);
      },
      table: TABLE,
      about: false,
      evidence: [],
      now: () => t,
      yieldToMain: async () => {},
      cancelled: () => false,
      sliceMs: 8,
      sizer,
    });
    expect(sizer.chars).toBeLessThan(65_536);
  });

  it('picks evidence blocks with event/venue mentions first, clipped around them', () => {
    const long = `${'x'.repeat(5000)} Crocus City Hall ${'y'.repeat(5000)}`;
    const texts = ['FSB only', long, 'an unrelated block'];
    const result = fakeRecognize(texts);
    const ev = pickEvidence(texts, result);
    expect(ev[0]).toContain('Crocus City Hall');
    expect(ev[0].length).toBeLessThanOrEqual(1024);
    expect(ev).toEqual([ev[0], 'FSB only']);
    // Wide evidence takes the chunk's other blocks too.
    expect(pickEvidence(texts, result, 16_384, true)).toContain('an unrelated block');
  });

  it('falls back to the deciding chunk when the picked evidence alone does not pass the gate', async () => {
    // A gate that needs two cue words anywhere on the page: "venue" blocks alone do not pass.
    const gated = (blocks: readonly string[]) => {
      const all = blocks.join(' ');
      const about = all.includes('Crocus City Hall') && all.includes('gunmen') && all.includes('Krasnogorsk');
      const r = fakeRecognize(blocks);
      return about ? { about, mentions: r.mentions } : { about, mentions: [] };
    };
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `${'z'.repeat(3000)} ${i}`);
    const texts = ['The FSB statement.', ...filler(10), 'Crocus City Hall', ...filler(3), 'gunmen', 'Krasnogorsk', ...filler(10)];
    const r = await recognizeInChunks(texts, {
      recognize: gated,
      table: TABLE,
      about: false,
      evidence: [],
      now: () => 0,
      yieldToMain: async () => {},
      cancelled: () => false,
      sliceMs: 8,
      sizer: { chars: 30_000 },
    });
    expect(r.about).toBe(true);
    expect(r.evidence.join(' ')).toContain('gunmen');
    expect(r.evidence.join(' ').length).toBeLessThanOrEqual(32_768);
    // FSB (gated) in the first chunk is found on the second pass.
    expect(r.perBlock.flat().map((m) => m.text)).toEqual(['FSB', 'Crocus City Hall']);
  });
});
