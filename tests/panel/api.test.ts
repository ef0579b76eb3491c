/** The real PanelApi speaks the message contract: page/context, page/reveal and history/summary, with the tab id. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn();
vi.mock('@/lib/messages/send', () => ({ sendToBackground: (m: unknown) => send(m) }));

const { backgroundApi } = await import('@/components/panel/api');

beforeEach(() => send.mockReset());

describe('backgroundApi', () => {
  it('asks for the page context of the overlay tab, or of the active tab', async () => {
    send.mockResolvedValue(null);
    await backgroundApi.pageContext(12);
    await backgroundApi.pageContext();
    expect(send.mock.calls).toEqual([[{ type: 'page/context', tabId: 12 }], [{ type: 'page/context' }]]);
  });

  it('sends page/reveal with the mention index', async () => {
    send.mockResolvedValue({ revealed: true });
    expect(await backgroundApi.reveal(4, 12)).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'page/reveal', index: 4, tabId: 12 });
  });

  it('asks for the history summary, and treats a failure as unknown', async () => {
    send.mockResolvedValueOnce({ pages: 3, sites: 2 });
    expect(await backgroundApi.historySummary?.('bortnikov')).toEqual({ pages: 3, sites: 2 });
    expect(send).toHaveBeenCalledWith({ type: 'history/summary', entity: 'bortnikov' });
    send.mockRejectedValueOnce(new Error('no handler'));
    expect(await backgroundApi.historySummary?.()).toBeNull();
  });
});
