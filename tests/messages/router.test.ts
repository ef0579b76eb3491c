import { describe, it, expect, vi } from 'vitest';
import { createRouter } from '@/lib/messages/background-router';

const OWN = 'own-extension-id';

function call(router: ReturnType<typeof createRouter>, message: unknown, sender: { id?: string }) {
  return new Promise((resolve) => {
    const keepOpen = router(message, sender as never, resolve);
    expect(keepOpen).toBe(true);
  });
}

describe('message router', () => {
  const handlers = {
    ping: vi.fn(() => ({ pong: true as const, version: '1' })),
    'mentions/report': vi.fn(async () => ({ badge: '3' })),
    'page/context': vi.fn(async () => null),
    'page/reveal': vi.fn(async () => ({ revealed: false })),
    'sentinel/candidate': vi.fn(async () => ({ activated: false, watch: false })),
    'page/settings': vi.fn(async () => ({ active: true, highlightStyle: 'underline' })),
    'site/disable': vi.fn(async () => ({ site: 'example.org' })),
    'page/recognize': vi.fn(async () => ({ about: false, evidence: [], perBlock: [], context: [] })),
    'page/claims': vi.fn(async () => ({ claims: [] })),
    'page/card': vi.fn(async () => ({ loaded: true })),
    'history/summary': vi.fn(async () => ({ pages: 0, sites: 0 })),
    'history/status': vi.fn(() => ({ state: 'ok' as const })),
  };
  const router = createRouter(OWN, handlers);

  it('answers a valid message from this extension', async () => {
    expect(await call(router, { type: 'ping' }, { id: OWN })).toEqual({ ok: true, value: { pong: true, version: '1' } });
  });

  it('refuses messages from another extension or a page, without running the handler', async () => {
    handlers.ping.mockClear();
    expect(await call(router, { type: 'ping' }, { id: 'someone-else' })).toEqual({ ok: false, error: 'sender is not this extension' });
    expect(await call(router, { type: 'ping' }, {})).toMatchObject({ ok: false });
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it('rejects malformed payloads with an error instead of crashing', async () => {
    for (const bad of [null, 'ping', { type: 'nope' }, { type: 'mentions/report', count: -1, entities: [] }, { type: 'mentions/report', count: 1 }]) {
      expect(await call(router, bad, { id: OWN })).toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
    }
    expect(handlers['mentions/report']).not.toHaveBeenCalled();
  });

  it('refuses recognition requests that are not block texts or too large to be a page script\'s batch', async () => {
    const huge = 'x'.repeat(1_000_000);
    for (const bad of [
      { type: 'page/recognize', texts: 'a page', about: false, evidence: [] },
      { type: 'page/recognize', texts: [1, 2], about: false, evidence: [] },
      { type: 'page/recognize', texts: [huge, huge, huge, huge, huge], about: false, evidence: [] },
      { type: 'page/claims', texts: [huge, huge, huge, huge, huge] },
    ]) {
      expect(await call(router, bad, { id: OWN })).toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
    }
    expect(handlers['page/recognize']).not.toHaveBeenCalled();
    expect(handlers['page/claims']).not.toHaveBeenCalled();
    expect(await call(router, { type: 'page/recognize', texts: ['a'], about: false, evidence: [] }, { id: OWN })).toMatchObject({ ok: true });
  });

  it('turns a failing handler into an error reply', async () => {
    const failing = createRouter(OWN, { ...handlers, ping: () => { throw new Error('boom'); } });
    expect(await call(failing, { type: 'ping' }, { id: OWN })).toEqual({ ok: false, error: 'boom' });
  });
});

describe('content-script requests (checked without a schema library)', () => {
  it('accepts the two requests and rejects anything else', async () => {
    const { ContentRequest } = await import('@/lib/messages/content');
    expect(ContentRequest.safeParse({ type: 'content/context' })).toEqual({ success: true, data: { type: 'content/context' } });
    expect(ContentRequest.safeParse({ type: 'content/reveal', index: 3, extra: 'x' })).toEqual({ success: true, data: { type: 'content/reveal', index: 3 } });
    for (const bad of [null, 'x', {}, { type: 'content/reveal' }, { type: 'content/reveal', index: -1 }, { type: 'content/reveal', index: 1.5 }, { type: 'page/context' }]) {
      expect(ContentRequest.safeParse(bad).success).toBe(false);
    }
  });
});
