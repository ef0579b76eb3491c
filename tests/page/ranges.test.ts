import { afterEach, describe, expect, it } from 'vitest';
import { extractBlocks } from '@/lib/page/blocks';
import { piecesFor, piecesValid, rangeFor, rangeFromPieces, rangeValid } from '@/lib/page/ranges';
import { html } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('offsets → ranges', () => {
  it('maps a span inside one text node', () => {
    html('<p>The Crocus City Hall attack</p>');
    const [block] = extractBlocks(document.body);
    const r = rangeFor(block, 4, 20)!;
    expect(r.toString()).toBe('Crocus City Hall');
    expect(r.startContainer).toBe(r.endContainer);
    expect([r.startOffset, r.endOffset]).toEqual([4, 20]);
  });

  it('maps a span across several text nodes and elements', () => {
    html('<p>At <b>Crocus</b> City <i>Hall</i>, Krasnogorsk</p>');
    const [block] = extractBlocks(document.body);
    const start = block.text.indexOf('Crocus');
    const pieces = piecesFor(block, start, start + 'Crocus City Hall'.length)!;
    expect(pieces.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['Crocus', ' City ', 'Hall']);
    const r = rangeFromPieces(pieces);
    expect(r.toString()).toBe('Crocus City Hall');
    expect(r.startContainer).toBe(document.querySelector('b')!.firstChild);
    expect(r.endContainer).toBe(document.querySelector('i')!.firstChild);
    expect(r.endOffset).toBe(4);
  });

  it('handles spans that start or end exactly at node boundaries', () => {
    html('<p><span>ab</span><span>cd</span><span>ef</span></p>');
    const [block] = extractBlocks(document.body);
    expect(piecesFor(block, 2, 4)!.map((p) => [p.node.data, p.start, p.end])).toEqual([['cd', 0, 2]]);
    expect(piecesFor(block, 1, 5)!.map((p) => [p.node.data, p.start, p.end])).toEqual([
      ['ab', 1, 2],
      ['cd', 0, 2],
      ['ef', 0, 1],
    ]);
    expect(piecesFor(block, 0, 6)!.length).toBe(3);
  });

  it('rejects empty and out-of-range spans', () => {
    html('<p>abc</p>');
    const [block] = extractBlocks(document.body);
    expect(piecesFor(block, 1, 1)).toBeNull();
    expect(piecesFor(block, 2, 9)).toBeNull();
    expect(piecesFor(block, -1, 2)).toBeNull();
  });

  it('validates pieces and ranges against later page edits', () => {
    html('<p>At <b>Crocus</b> City Hall now</p>');
    const [block] = extractBlocks(document.body);
    const start = block.text.indexOf('Crocus');
    const pieces = piecesFor(block, start, start + 16)!;
    const range = rangeFromPieces(pieces);
    expect(piecesValid(pieces, 'Crocus City Hall')).toBe(true);
    expect(rangeValid(range, pieces, 'Crocus City Hall')).toBe(true);
    // The page rewrites the second node's text.
    (pieces[1].node as Text).data = ' Town Hall now';
    expect(piecesValid(pieces, 'Crocus City Hall')).toBe(false);
    expect(rangeValid(range, pieces, 'Crocus City Hall')).toBe(false);
  });

  it('treats a removed node or a collapsed range as invalid', () => {
    html('<p>Crocus City Hall</p>');
    const [block] = extractBlocks(document.body);
    const pieces = piecesFor(block, 0, 16)!;
    const range = rangeFromPieces(pieces);
    range.collapse(true);
    expect(rangeValid(range, pieces, 'Crocus City Hall')).toBe(false);
    document.querySelector('p')!.remove();
    expect(piecesValid(pieces, 'Crocus City Hall')).toBe(false);
  });
});
