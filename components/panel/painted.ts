import { useEffect, useState } from 'preact/hooks';

/**
 * False on the first render, true once the browser has painted the frame that showed it. What lies below the first
 * screen renders then, in a task of its own, so the panel appears without waiting for it (the summary's lower part
 * is most of the panel's elements: rendering it first delayed the first paint by ~60 ms).
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const done = () => setPainted(true);
    let afterPaint: ReturnType<typeof setTimeout> | undefined;
    // An animation frame callback runs just before the paint; a task queued from it runs after it.
    const frame = requestAnimationFrame(() => {
      afterPaint = setTimeout(done, 0);
    });
    // A hidden document gets no frames: render the rest anyway.
    const fallback = setTimeout(done, 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(afterPaint);
      clearTimeout(fallback);
    };
  }, []);
  return painted;
}
