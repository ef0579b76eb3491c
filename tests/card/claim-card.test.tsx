import { describe, it, expect, vi, afterEach } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ClaimCard } from '@/components/card/ClaimCard';
import { cardData } from '@/lib/knowledge/card';
import { loadPackFile } from '@/lib/knowledge/load-node';
import { candidateBlocks } from '@/lib/claims/candidates';

const card = cardData(loadPackFile());
let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function show(claim: string) {
  host = document.createElement('div');
  document.body.append(host);
  const handlers = { onOpenPanel: vi.fn(), onClose: vi.fn() };
  act(() => render(<ClaimCard card={card} claim={claim} lang="en-GB" {...handlers} />, host));
  return handlers;
}

describe('ClaimCard', () => {
  it("shows the claim attributed and dated, with sources linking out safely", () => {
    show('C10');
    expect(host.querySelector('h2')?.textContent).toContain('Vladimir Putin');
    expect(host.textContent).toContain('19 Mar 2024');
    const links = [...host.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('puts the contradicting claims beside it, each attributed, styled alike', () => {
    show('C10');
    const sides = [...host.querySelectorAll('.cc-side')];
    expect(sides.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sides.map((s) => s.className)).size).toBe(1);
    // X04: the US says it warned Russia (C04 / C07 / C09 / C50).
    expect(host.textContent).toMatch(/National Security Council|John Kirby|US officials|Adrienne Watson/);
  });

  it('says so when nothing in the record contradicts the claim', () => {
    const lonely = Object.keys(card.claims).find((id) => card.claims[id]!.conflicts.length === 0)!;
    show(lonely);
    expect(host.textContent).toContain('No claim in the record contradicts this one.');
  });
});

describe('candidateBlocks', () => {
  it('takes the blocks with mentions and the block after each, within the text budget', () => {
    expect(candidateBlocks([2, 5], [10, 10, 10, 10, 10, 10, 10])).toEqual([2, 3, 5, 6]);
    expect(candidateBlocks([6], [10, 10, 10, 10, 10, 10, 10])).toEqual([6]);
    expect(candidateBlocks([0, 1], [100, 100, 100], 150)).toEqual([0]);
  });
});
