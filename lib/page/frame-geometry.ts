/**
 * Geometry across same-origin frames: the page script of the covering frame (lib/page/frames.ts) highlights text
 * inside its same-origin frames, and its hover card, which lives in the covering document, has to be placed in that
 * document's viewport.
 */

export interface ViewRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

const px = (value: string) => Number.parseFloat(value) || 0;

/**
 * Where the viewport of `doc` starts in the viewport of `view` (the frame's content box, through nested frames);
 * null when `doc` is not inside `view` through frames we can read.
 */
export function frameOffset(doc: Document, view: Window = window): { x: number; y: number } | null {
  let x = 0;
  let y = 0;
  let win = doc.defaultView;
  for (let depth = 0; win && win !== view; depth++) {
    if (depth >= 32) return null;
    let frame: Element | null;
    try {
      frame = win.frameElement;
    } catch {
      return null;
    }
    if (!frame) return null;
    const box = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    x += box.left + frame.clientLeft + (style ? px(style.paddingLeft) : 0);
    y += box.top + frame.clientTop + (style ? px(style.paddingTop) : 0);
    win = frame.ownerDocument.defaultView;
  }
  return win ? { x, y } : null;
}

/** The range's bounding box in `view`'s viewport (a range in a same-origin frame is moved by the frame's place). */
export function rangeRectIn(range: Range, view: Window = window): ViewRect {
  const r = range.getBoundingClientRect();
  const doc = range.startContainer.ownerDocument;
  const offset = doc && doc.defaultView !== view ? frameOffset(doc, view) : { x: 0, y: 0 };
  // A frame we cannot place: no box, so no card rather than one in the wrong place.
  if (!offset) return { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };
  return { left: r.left + offset.x, top: r.top + offset.y, right: r.right + offset.x, bottom: r.bottom + offset.y, width: r.width, height: r.height };
}
