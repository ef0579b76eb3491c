import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScriptContext, type ScriptContext } from '@/lib/page/script-context';

describe('createScriptContext', () => {
  let alive = true;
  const started: ScriptContext[] = [];
  const start = (name = 'page', { pollMs }: { pollMs?: number } = { pollMs: 1000 }) => {
    const ctx = createScriptContext(name, { alive: () => alive, pollMs });
    started.push(ctx);
    return ctx;
  };

  beforeEach(() => {
    alive = true;
    vi.useFakeTimers();
  });
  afterEach(() => {
    // End every context a test left running, so its poll and listeners do not reach the next test.
    alive = false;
    for (const ctx of started.splice(0)) void ctx.isValid;
    vi.useRealTimers();
  });

  it('runs timers while the extension is there, and none once it is gone', () => {
    const ctx = start();
    const fired: string[] = [];
    ctx.setTimeout(() => fired.push('first'), 10);
    vi.advanceTimersByTime(10);
    ctx.setTimeout(() => fired.push('second'), 10);
    alive = false;
    vi.advanceTimersByTime(10);
    expect(fired).toEqual(['first']);
    expect(ctx.isValid).toBe(false);
  });

  it('ends by itself when the extension goes away: its poll notices, cleanup runs once, listeners go', () => {
    const ctx = start();
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    const clicks = vi.fn();
    ctx.addEventListener(document, 'click', clicks);
    const ticks = vi.fn();
    ctx.setInterval(ticks, 100);
    vi.advanceTimersByTime(500);
    expect(ticks).toHaveBeenCalledTimes(5);
    alive = false;
    vi.advanceTimersByTime(1000);
    expect(ended).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('click'));
    expect(clicks).not.toHaveBeenCalled();
    const before = ticks.mock.calls.length;
    alive = true;
    vi.advanceTimersByTime(1000);
    expect(ticks.mock.calls.length).toBe(before);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('a cancelled cleanup does not run', () => {
    const ctx = start();
    const ended = vi.fn();
    ctx.onInvalidated(ended)();
    alive = false;
    expect(ctx.isValid).toBe(false);
    expect(ended).not.toHaveBeenCalled();
  });

  it('without a poll it sets no timer of its own, and still ends when its own timers find the extension gone', () => {
    const ctx = start('card', {});
    expect(vi.getTimerCount()).toBe(0);
    expect(() => ctx.onNavigate(() => {})).toThrow(/pollMs/);
    const fired = vi.fn();
    ctx.setTimeout(fired, 10);
    alive = false;
    vi.advanceTimersByTime(10);
    expect(fired).not.toHaveBeenCalled();
    expect(ctx.signal.aborted).toBe(true);
  });

  it('a newer instance of the same script ends the older one; another script is left alone', () => {
    const older = start('page');
    const card = start('card');
    const ended = vi.fn();
    older.onInvalidated(ended);
    const newer = start('page');
    expect(ended).toHaveBeenCalledTimes(1);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    expect(card.isValid).toBe(true);
  });

  it('tells of a single-page navigation once, at the next poll, and not of a page that stays put', () => {
    const ctx = start('page', { pollMs: 200 });
    const navigated = vi.fn();
    ctx.onNavigate(navigated);
    vi.advanceTimersByTime(1000);
    expect(navigated).not.toHaveBeenCalled();
    history.pushState(null, '', '/another-story');
    vi.advanceTimersByTime(200);
    expect(navigated).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(navigated).toHaveBeenCalledTimes(1);
    history.pushState(null, '', '/a-third-story');
    alive = false;
    vi.advanceTimersByTime(1000);
    expect(navigated).toHaveBeenCalledTimes(1);
  });
});
