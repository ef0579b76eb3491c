import { describe, expect, it } from 'vitest';
import { openShadowRoots } from '../../lib/page/shadow-roots';

/** A host element with an open (or closed) shadow root holding `html`. */
function host(html: string, mode: 'open' | 'closed' = 'open'): HTMLElement {
  const el = document.createElement('x-card');
  const shadow = el.attachShadow({ mode });
  shadow.innerHTML = html;
  return el;
}

describe('openShadowRoots', () => {
  it('finds open shadow roots under a node, nested ones too, and none that are closed', () => {
    const outer = host('<article><p>outer</p><div id="slot-here"></div></article>');
    const inner = host('<p>inner</p>');
    outer.shadowRoot!.getElementById('slot-here')!.append(inner);
    const closed = host('<p>closed</p>', 'closed');
    const wrapper = document.createElement('main');
    wrapper.append(outer, closed);
    document.body.replaceChildren(wrapper);

    const roots = openShadowRoots(document, 10);
    expect(roots.map((r) => r.textContent)).toEqual(['outer', 'inner']);
    // An element that is itself a host counts, with what lies under it.
    expect(openShadowRoots(outer, 10)).toEqual([outer.shadowRoot, inner.shadowRoot]);
    expect(openShadowRoots(wrapper, 1)).toHaveLength(1);
    expect(openShadowRoots(document.createElement('div'), 10)).toEqual([]);
  });
});
