/**
 * Which frame's page script reads a frame's text.
 *
 * The walk (blocks.ts) enters same-origin frames: their documents are reachable from the parent. So a frame whose
 * parent can read it is covered by its parent's page script (and so on up the chain), and only the top frame and
 * frames cross-origin with their parent (including sandboxed frames, whose origin is opaque) run a page script of
 * their own. One frame's text is thus highlighted by exactly one page script, never twice.
 *
 * Kept tiny and dependency-free: the sentinel, which runs in every frame, imports it.
 */

/** The window whose page script covers `win`: `win` itself, or its nearest ancestor reachable through same-origin parents. */
export function coveringWindow(win: Window = window): Window {
  let w = win;
  for (let depth = 0; depth < 32; depth++) {
    let parent: Window | null = null;
    try {
      parent = w.parent;
      // Reading the parent's document throws (or yields null) unless the parent is same-origin with this frame.
      if (!parent || parent === w || !parent.document) break;
    } catch {
      break;
    }
    w = parent;
  }
  return w;
}

/**
 * Dispatched on the covering window's document by the sentinel of a covered frame whose text matched: the covering
 * frame's sentinel activates, or its running page script rescans (the frame may have loaded after its walk).
 * A fixed name (an extension id would add no secrecy: ids are public), so that the sentinel touches no browser API
 * on a page without a candidate.
 */
export const FRAME_CANDIDATE_EVENT = 'crocus-context:frame-candidate';
