/**
 * The sentinel (entrypoints/sentinel.ts) under happy-dom, with a background whose answers the test gives: what it
 * asks about, when, and that nothing found while a question is under way is lost.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_CANDIDATE_EVENT } from '@/lib/page/frames';
import sentinel from '@/entrypoints/sentinel';

interface Question {
  message: { type: string; windows?: string[]; complete?: boolean };
  /** Answers it: `watch` true is "nothing here can anchor the page", false brings the page script. */
  answer(watch: boolean): Promise<void>;
}

let questions: Question[] = [];

/** Lets the sentinel's promise continuations run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  questions = [];
  // Both names: the sentinel takes `browser` where the browser has it (Firefox), else `chrome`.
  (globalThis as { browser?: unknown }).browser = (globalThis as { chrome?: unknown }).chrome = {
    runtime: {
      id: 'test',
      sendMessage: (message: Question['message']) =>
        new Promise((resolve) => {
          questions.push({
            message,
            answer: async (watch) => {
              resolve({ ok: true, value: { watch } });
              await settle();
            },
          });
        }),
    },
  };
});

afterEach(async () => {
  // Every sentinel of the test stops (an answer that brings the page script), so none watches the next test's page:
  // a covered frame's call makes each one still watching ask.
  document.dispatchEvent(new CustomEvent(FRAME_CANDIDATE_EVENT));
  await settle();
  for (let i = 0; i < questions.length; i++) await questions[i]!.answer(false);
  vi.useRealTimers();
  document.body.innerHTML = '';
});

/** Starts a sentinel on a page whose body is `html`; resolves once its first reading is done. */
async function start(html: string): Promise<void> {
  document.body.innerHTML = html;
  sentinel.main();
  await settle();
}

const ATTACK = '<p>Gunmen attacked the Crocus City Hall concert venue near Moscow on 22 March 2024.</p>';
const MOSCOW = '<p>The Moscow metro opened a new line this week.</p>';

describe('sentinel', () => {
  it('asks nothing on a page that names nothing of the attack', async () => {
    await start('<p>A recipe for lemon cake with a crisp sugar crust.</p>');
    expect(questions).toEqual([]);
  });

  it('asks about the text around a name, not the page', async () => {
    await start(`<p>${'Filler about the weather and the harvest. '.repeat(200)}</p>${ATTACK}`);
    expect(questions).toHaveLength(1);
    const { windows } = questions[0]!.message;
    expect(windows?.some((w) => w.includes('Crocus City Hall'))).toBe(true);
    expect(windows!.join('').length).toBeLessThan(2_000);
  });

  it("leaves out a page's script data: a name there alone is not asked about", async () => {
    const data = JSON.stringify({ related: Array.from({ length: 1_000 }, (_, i) => `Crocus City Hall attack, story ${i}`) });
    await start(`<p>A recipe for lemon cake.</p><script type="application/json">${data}</script>`);
    expect(questions).toEqual([]);
    // Nor a script added later.
    const script = document.createElement('script');
    script.textContent = data;
    document.body.append(script);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(questions).toEqual([]);
    // The page's own text still is.
    document.body.insertAdjacentHTML('afterbegin', ATTACK);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(questions).toHaveLength(1);
  });

  it('reads a long article whose HTML is big in parts, never as one string, and finds a name at its end', async () => {
    // 5,000 paragraphs, 650 K characters, the attack in the last: its HTML as the browser would report it.
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ decodedBodySize: 700_000 } as unknown as PerformanceEntry]);
    const filler = `<p>${'Filler about the weather and the harvest, again. '.repeat(3)}</p>`;
    const html = filler.repeat(5_000) + ATTACK;
    let proto = Object.getPrototypeOf(document.body) as object;
    while (!Object.getOwnPropertyDescriptor(proto, 'textContent')) proto = Object.getPrototypeOf(proto) as object;
    const whole = Object.getOwnPropertyDescriptor(proto, 'textContent')!;
    let wholeReads = 0;
    Object.defineProperty(document.body, 'textContent', {
      configurable: true,
      get() {
        wholeReads++;
        return whole.get!.call(this);
      },
    });
    try {
      await start(html);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(questions).toHaveLength(1);
      expect(questions[0]!.message.windows?.some((w) => w.includes('Crocus City Hall'))).toBe(true);
      expect(wholeReads).toBe(0);
    } finally {
      delete (document.body as { textContent?: unknown }).textContent;
      vi.restoreAllMocks();
    }
  });

  it('tests text added later, once per batch, and asks about it', async () => {
    await start('<p>A recipe for lemon cake.</p>');
    const added = document.createElement('div');
    added.innerHTML = ATTACK;
    document.body.append(added);
    await settle();
    expect(questions).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(questions).toHaveLength(1);
    expect(questions[0]!.message.windows?.join('')).toContain('Crocus');
  });

  it('after "keep watching" asks again about new text, and stops once the page script comes', async () => {
    await start(MOSCOW);
    expect(questions).toHaveLength(1);
    await questions[0]!.answer(true);
    document.body.insertAdjacentHTML('beforeend', ATTACK);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(questions).toHaveLength(2);
    await questions[1]!.answer(false);
    document.body.insertAdjacentHTML('beforeend', ATTACK);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(questions).toHaveLength(2);
  });

  it('a covered frame that matched while a question was under way is asked for once the answer is "keep watching"', async () => {
    await start(MOSCOW);
    expect(questions).toHaveLength(1);
    document.dispatchEvent(new CustomEvent(FRAME_CANDIDATE_EVENT));
    await settle();
    // One question at a time.
    expect(questions).toHaveLength(1);
    await questions[0]!.answer(true);
    expect(questions).toHaveLength(2);
    // Unconditionally: the frame's text is the page script's to read.
    expect(questions[1]!.message.windows).toBeUndefined();
  });

  it('drops what waited when the answer under way brings the page script (it reads everything)', async () => {
    await start(MOSCOW);
    document.dispatchEvent(new CustomEvent(FRAME_CANDIDATE_EVENT));
    await settle();
    await questions[0]!.answer(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(questions).toHaveLength(1);
  });
});
