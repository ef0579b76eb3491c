/**
 * Block offsets → DOM. A mention's [start, end) in a block's text maps to one piece per text node it touches, and
 * to one Range from the first piece's start to the last piece's end.
 */
import { segmentsOf, type TextBlock, type TextSegment } from './blocks';

/** Part of a mention inside one text node; offsets into `node.data`. */
export interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

function segmentLength(segments: readonly TextSegment[], i: number, textLength: number): number {
  const next = segments[i + 1];
  return (next ? next.start : textLength) - segments[i].start;
}

/** Index of the segment holding the character at `offset` (0 ≤ offset < text.length). */
function segmentAt(segs: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text-node pieces covering `[start, end)` of the block's text; null for an empty or out-of-range span. */
export function piecesFor(block: TextBlock, start: number, end: number): TextPiece[] | null {
  if (!(start >= 0 && end > start && end <= block.text.length)) return null;
  const segments = segmentsOf(block);
  const pieces: TextPiece[] = [];
  for (let i = segmentAt(segments, start); i < segments.length; i++) {
    const seg = segments[i];
    if (seg.start >= end) break;
    const len = segmentLength(segments, i, block.text.length);
    const a = Math.max(start, seg.start) - seg.start;
    const b = Math.min(end, seg.start + len) - seg.start;
    if (b > a) pieces.push({ node: seg.node, start: a, end: b });
  }
  return pieces.length ? pieces : null;
}

/** One live Range from the first piece's start to the last piece's end. */
export function rangeFromPieces(pieces: readonly TextPiece[]): Range {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}

/** The Range for `[start, end)` of a block's text, or null when the span does not map. */
export function rangeFor(block: TextBlock, start: number, end: number): Range | null {
  const pieces = piecesFor(block, start, end);
  return pieces ? rangeFromPieces(pieces) : null;
}

/** Whether the page still shows `text` in these pieces: every node attached, its text unchanged there. */
export function piecesValid(pieces: readonly TextPiece[], text: string): boolean {
  let at = 0;
  for (const p of pieces) {
    if (!p.node.isConnected) return false;
    const len = p.end - p.start;
    // `length` and `substringData` copy nothing but the piece (`data` would copy the whole node: megabytes on some pages).
    if (p.node.length < p.end || p.node.substringData(p.start, len) !== text.slice(at, at + len)) return false;
    at += len;
  }
  return at === text.length;
}

/**
 * Whether a mention's Range still covers its text: not collapsed, the pieces unchanged, and the range still
 * anchored at the pieces' ends (a live Range moves when the page edits the text around it).
 */
export function rangeValid(range: Range, pieces: readonly TextPiece[], text: string): boolean {
  if (range.collapsed || !piecesValid(pieces, text)) return false;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return (
    range.startContainer === first.node &&
    range.startOffset === first.start &&
    range.endContainer === last.node &&
    range.endOffset === last.end
  );
}
