/**
 * Runs one feature's start-up; if it throws, logs once and returns undefined so the page and the other features go
 * on (the refined-github rule: errors isolated per feature).
 */
export function isolate<T>(feature: string, start: () => T): T | undefined {
  try {
    return start();
  } catch (err) {
    console.warn(`[crocus-context] ${feature} failed to start:`, err);
    return undefined;
  }
}
