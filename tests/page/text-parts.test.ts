import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { joinedParts, omitted, textParts } from '@/lib/page/text-parts';
import { buildPage, pageSpec } from '../property/dom-gen';

afterEach(() => document.body.replaceChildren());

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

describe('textParts', () => {
  it('gives exactly the textContent, in order, whatever the element limit (property)', () => {
    fc.assert(
      fc.property(pageSpec, fc.constantFrom(0, 1, 2, 3, 8, 1_000), (spec, limit) => {
        buildPage(document, document.body, spec);
        // Text straight under the body, comments and CDATA-free markup mixed in, as on real pages.
        document.body.prepend('lead ', document.createComment('x'));
        document.body.append(' tail');
        expect([...textParts(document.body, limit)].join('')).toBe(document.body.textContent);
      }),
      { numRuns: 150 },
    );
  });

  it('reads an element with few elements under it whole, and a larger one child by child', () => {
    const body = html('<main><section><p>Crocus <b>City</b> Hall</p><p>Krasnogorsk</p></section> between <section><p>22 March</p></section></main>');
    // main holds 7 elements: its sections are read whole (3 and 1 under them), the text between on its own.
    expect([...textParts(body, 3)]).toEqual(['Crocus City HallKrasnogorsk', ' between ', '22 March']);
    expect([...textParts(body, 2)]).toEqual(['Crocus City Hall', 'Krasnogorsk', ' between ', '22 March']);
    expect([...textParts(body, 100)]).toEqual([body.textContent]);
  });

  it('follows a chain of single-child wrappers down to where the text divides', () => {
    const body = html('<div><div><div><p>one</p><p>two</p></div></div></div>');
    expect([...textParts(body, 1)]).toEqual(['one', 'two']);
    expect([...textParts(html(''), 0)]).toEqual([]);
  });
});

describe('textParts without the omitted elements', () => {
  const JSON_DATA = `{"related":["Crocus City Hall","${'x'.repeat(40)}"]}`;

  it('leaves out the text of scripts and style sheets, and nothing else', () => {
    const body = html(
      `<main><p>Lead <b>text</b></p><script type="application/json">${JSON_DATA}</script><div><p>Body</p><style>p{color:red}</style><p>end</p></div></main><script>var a=1</script> tail`,
    );
    const omit = omitted(body, ['script', 'style'], 0)!;
    expect(omit.elements.size).toBe(3);
    for (const limit of [0, 1, 3, 100]) expect([...textParts(body, limit, omit)].join('')).toBe('Lead textBodyend tail');
  });

  it('is null when the omitted text is shorter than the minimum (reading around it would cost more)', () => {
    const body = html(`<p>Text</p><script>${JSON_DATA}</script>`);
    expect(omitted(body, ['script'], JSON_DATA.length + 1)).toBeNull();
    expect(omitted(body, ['script'], JSON_DATA.length)).not.toBeNull();
    expect(omitted(html('<p>No script</p>'), ['script'], 0)).toBeNull();
  });

  it('gives every other text node exactly once, in order (property)', () => {
    fc.assert(
      fc.property(pageSpec, fc.constantFrom(0, 1, 3, 1_000), fc.nat(), (spec, limit, seed) => {
        buildPage(document, document.body, spec);
        // Scripts dropped in at places drawn from the seed.
        const all = [...document.body.querySelectorAll('*'), document.body];
        for (let i = 0; i < 3; i++) {
          const script = document.createElement('script');
          script.textContent = `data${i}`;
          all[(seed + i * 7) % all.length]!.append(script);
        }
        const expected: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.localName !== 'script') expected.push((n as Text).data);
        expect([...textParts(document.body, limit, omitted(document.body, ['script'], 0))].join('')).toBe(expected.join(''));
      }),
      { numRuns: 100 },
    );
  });
});

describe('joinedParts', () => {
  it('joins short parts into pieces of at least the size and loses nothing', () => {
    expect([...joinedParts(['ab', 'c', 'de', 'f'], 3)]).toEqual(['abc', 'def']);
    expect([...joinedParts(['a', 'long part', 'b', 'c'], 4)]).toEqual(['along part', 'bc']);
    expect([...joinedParts([], 4)]).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 })), fc.integer({ min: 1, max: 20 }), (parts, size) => {
        const pieces = [...joinedParts(parts, size)];
        expect(pieces.join('')).toBe(parts.join(''));
        expect(pieces.every((p) => p.length > 0)).toBe(true);
      }),
    );
  });

  it('begins each piece after the first with the end of the text before it, so a name cut by a piece end is whole', () => {
    expect([...joinedParts(['Crocus Ci', 'ty Hall was', ' attacked'], 10, 6)]).toEqual(['Crocus City Hall was', 'll was attacked']);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 })), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 8 }), (parts, size, overlap) => {
        const pieces = [...joinedParts(parts, size, overlap)];
        const whole = parts.join('');
        let seen = '';
        for (const [i, piece] of pieces.entries()) {
          const carried = i === 0 ? '' : seen.slice(-overlap);
          expect(piece.startsWith(carried)).toBe(true);
          expect(piece.length).toBeGreaterThan(carried.length);
          seen += piece.slice(carried.length);
        }
        expect(seen).toBe(whole);
      }),
    );
  });
});
