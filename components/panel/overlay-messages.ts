/**
 * The window messages between the in-page overlay frame (the panel) and the page script that shows it. The page
 * script loads the frame ahead, hidden, and opens it with a message: reloading it for each opening would make the
 * reader wait for a whole document.
 *
 * The host page shares its window with the page script, so a message's source or origin cannot tell them apart.
 * The page script therefore puts a random key in the frame's address (`?key=`), which the page cannot read (the
 * frame is the extension's, in a closed shadow root); the panel obeys an "open" message only with that key. Its
 * own messages to the parent carry no data: the page script checks that they come from its frame.
 */

/** Frame → parent: the panel asks to be closed. */
export const CLOSE_OVERLAY = { type: 'crocus/close-overlay' } as const;
/** Frame → parent: the panel has rendered and listens for "open". */
export const OVERLAY_READY = { type: 'crocus/overlay-ready' } as const;

const OPEN_TYPE = 'crocus/open-overlay';

/** Parent → frame: show the panel afresh (visit n), focused on an entity or on the summary. */
export interface OpenOverlay {
  type: typeof OPEN_TYPE;
  key: string;
  visit: number;
  entity?: string;
}

export function openOverlayMessage(key: string, visit: number, entity?: string): OpenOverlay {
  return { type: OPEN_TYPE, key, visit, ...(entity ? { entity } : {}) };
}

/** The opening a message asks for, when it is a well-formed "open" with this frame's key; else null. */
export function readOpenOverlay(data: unknown, key: string | null): { visit: number; entity?: string } | null {
  if (!key || typeof data !== 'object' || data === null) return null;
  const m = data as Partial<Record<keyof OpenOverlay, unknown>>;
  if (m.type !== OPEN_TYPE || m.key !== key || !Number.isSafeInteger(m.visit) || (m.visit as number) < 1) return null;
  if (m.entity !== undefined && typeof m.entity !== 'string') return null;
  return { visit: m.visit as number, ...(m.entity ? { entity: m.entity } : {}) };
}

/** Whether `data` is `message` (a data-less message of the contract). */
export const isMessage = (data: unknown, message: { type: string }) =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === message.type;
