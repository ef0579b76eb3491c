import { describe, expect, it, vi } from 'vitest';
import type { BlockMention, BlockContext } from '@/lib/recognize/types';
import { answerRecognize, recognizeRemotely, type RecognizeRequest } from '@/lib/page/remote';
import { recognizeBlocks, recognizeLoose } from '@/lib/recognize/recognize';
import { nearContext } from '@/lib/recognize/context';
import { matcherTableFromPack } from '@/lib/recognize/node';

const table = matcherTableFromPack();

/** The background's answer, through a structured-clone round trip like a real message. */
function background() {
  return vi.fn(async (request: RecognizeRequest) => structuredClone(await answerRecognize(structuredClone(request), table, recognizeLoose)));
}

/** What the page shows of a remote run: its names near context, over all the batches' blocks. */
const shown = (r: { perBlock: BlockMention[][]; context: BlockContext[] }) => nearContext(r.perBlock.flat(), r.context);

const filler = (i: number) => `Paragraph ${i}: the council met on Tuesday to discuss the new bus timetable and the park.`;

describe('recognition in the background (page script ↔ background)', () => {
  // The weak name (the FSB) comes in the first batch, before anything shows what the page is about: that batch is
  // sent again once a later batch establishes the gating. Peskov, far below anything about the attack, stays
  // unmarked on the whole page as in batches (names are shown near context only, decided over all the blocks).
  const texts = [
    'The FSB said on Sunday it had detained eleven people.',
    filler(0),
    filler(1),
    'Gunmen opened fire at Crocus City Hall in Krasnogorsk on 22 March 2024; the Islamic State claimed the attack.',
    ...Array.from({ length: 30 }, (_, i) => filler(i + 2)),
    'Dmitry Peskov declined to comment.',
  ];

  it('finds the same mentions as the recognizer run over the whole page at once, across many small batches', async () => {
    const send = background();
    const r = await recognizeRemotely(texts, { send, about: false, evidence: [], cancelled: () => false, batchChars: 150 });
    expect(send.mock.calls.length).toBeGreaterThan(5);
    expect(r.cancelled).toBe(false);
    expect(r.about).toBe(true);
    const whole = recognizeBlocks(texts, table);
    expect(shown(r)).toEqual(whole.mentions);
    // The FSB in block 0 was recognized only because its batch was sent again with the page's evidence.
    expect(whole.mentions.filter((m) => m.block === 0).map((m) => m.entity)).toEqual(['fsb']);
    expect(r.perBlock[0]!.map((m) => m.entity)).toEqual(['fsb']);
    // Peskov is recognized (loose) but not shown, in both.
    expect(r.perBlock.at(-1)!.map((m) => [m.entity, m.loose])).toEqual([['peskov', true]]);
    expect(whole.mentions.map((m) => m.entity)).not.toContain('peskov');
    expect(send.mock.calls.at(-1)![0]).toMatchObject({ about: true });
  });

  it('highlights nothing on a page that is not about the attack', async () => {
    const send = background();
    const page = ['Crocus flowers bloom in March in the park.', ...Array.from({ length: 10 }, (_, i) => filler(i))];
    const r = await recognizeRemotely(page, { send, about: false, evidence: [], cancelled: () => false, batchChars: 200 });
    expect(r.about).toBe(false);
    expect(r.perBlock.flat()).toEqual([]);
  });

  it('stops between batches when the page script is stopped, and reports it', async () => {
    let stopped = false;
    const send = vi.fn(async (request: RecognizeRequest) => {
      stopped = true;
      return answerRecognize(request, table, recognizeBlocks);
    });
    const r = await recognizeRemotely(texts, { send, about: false, evidence: [], cancelled: () => stopped, batchChars: 500 });
    expect(r.cancelled).toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('tries a failed round trip once more (the background restarting), and fails when it fails again', async () => {
    const answer = background();
    let calls = 0;
    const flaky = vi.fn(async (request: RecognizeRequest) => {
      if (++calls === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answer(request);
    });
    const r = await recognizeRemotely(texts, { send: flaky, about: false, evidence: [], cancelled: () => false, batchChars: 500, retryMs: 1 });
    expect(shown(r)).toEqual(recognizeBlocks(texts, table).mentions);
    const down = vi.fn(async () => {
      throw new Error('gone');
    });
    await expect(recognizeRemotely(texts, { send: down, about: false, evidence: [], cancelled: () => false, retryMs: 1 })).rejects.toThrow('gone');
    expect(down).toHaveBeenCalledTimes(2);
  });

  it('sends no batch larger than asked, except a single block that is larger on its own', async () => {
    const send = background();
    const long = 'word '.repeat(400);
    await recognizeRemotely([long, 'a', 'b', long], { send, about: false, evidence: [], cancelled: () => false, batchChars: 1000 });
    for (const [req] of send.mock.calls) {
      const chars = req.texts.reduce((n, t) => n + t.length, 0);
      expect(req.texts.length === 1 || chars <= 1000).toBe(true);
    }
  });
});
