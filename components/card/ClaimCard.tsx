import type { CardClaimDetail, CardData, CardSource } from '@/lib/knowledge/card';
import { formatIsoDate } from '@/lib/i18n/format';
import { t } from '@/lib/i18n/t';

export interface ClaimCardProps {
  card: CardData;
  /** Claim id of the sentence under the pointer. */
  claim: string;
  lang: string;
  onOpenPanel: () => void;
  onClose: () => void;
}

function Sources({ sources, lang }: { sources: CardSource[]; lang: string }) {
  if (sources.length === 0) return null;
  return (
    <p class="cc-sources">
      {t('claim_sources')}{' '}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 && ' · '}
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {s.outlet}
          </a>{' '}
          ({formatIsoDate(s.date, lang, 'short')})
        </span>
      ))}
    </p>
  );
}

/** One claim, attributed: who, when, what, where it was reported. */
function ClaimBlock({ claim, lang }: { claim: CardClaimDetail; lang: string }) {
  return (
    <div class="cc-claim">
      <p class="cc-who">
        <strong>{claim.claimant}</strong> · <time dateTime={claim.date}>{formatIsoDate(claim.date, lang, 'short')}</time>
      </p>
      <p class="cc-line">{claim.statement}</p>
      <Sources sources={claim.sources} lang={lang} />
    </div>
  );
}

/** The card stays short: the panel has everything. */
const CONFLICTS_SHOWN = 2;
const OTHER_CLAIMS_SHOWN = 2;

/**
 * The card of a sentence that reports a known claim: who made it, when, what, its sources, and — side by side,
 * styled alike, with no verdict — the claims that contradict it.
 */
export function ClaimCard({ card, claim: id, lang, onOpenPanel, onClose }: ClaimCardProps) {
  const claim = card.claims[id];
  if (!claim) return null;
  // Each conflict the claim is in: the claim's own side, and the others beside it.
  const contradictions = claim.conflicts.flatMap((xid) => {
    const x = card.conflicts[xid];
    const own = x?.sides.find((side) => side.claims.includes(id));
    return x && own ? [{ subject: x.subject, position: own.position, sides: x.sides.filter((side) => side !== own) }] : [];
  });
  return (
    <div class="cc-card cc-card-claim" role="dialog" aria-labelledby="cc-title" data-testid="crocus-claim-card" data-claim={id}>
      <header class="cc-head">
        <h2 id="cc-title" class="cc-title">
          {t('claim_reports', claim.claimant)}
        </h2>
        <button type="button" class="cc-x" aria-label={t('card_close')} onClick={onClose}>
          ×
        </button>
      </header>
      <ClaimBlock claim={claim} lang={lang} />
      {contradictions.slice(0, CONFLICTS_SHOWN).map((x) => (
        <section class="cc-conflict" key={x.subject} aria-label={x.subject}>
          <h3 class="cc-sub">{x.subject}</h3>
          <div class="cc-sides">
            <div class="cc-side">
              <p class="cc-position">{x.position}</p>
              <p class="cc-counts">{t('claim_this_sentence')}</p>
            </div>
            {x.sides.map((side) => (
              <div class="cc-side" key={side.position}>
                <p class="cc-position">{side.position}</p>
                {side.claims.slice(0, OTHER_CLAIMS_SHOWN).map((cid) => {
                  const other = card.claims[cid];
                  return other ? <ClaimBlock key={cid} claim={other} lang={lang} /> : null;
                })}
                {side.claims.length > OTHER_CLAIMS_SHOWN && (
                  <p class="cc-counts">{t('card_more_claims', String(side.claims.length - OTHER_CLAIMS_SHOWN))}</p>
                )}
              </div>
            ))}
          </div>
        </section>
      ))}
      {contradictions.length === 0 && <p class="cc-counts">{t('claim_no_conflict')}</p>}
      {contradictions.length > CONFLICTS_SHOWN && (
        <p class="cc-counts">{t('claim_more_conflicts', String(contradictions.length - CONFLICTS_SHOWN))}</p>
      )}
      <footer class="cc-foot">
        <button type="button" class="cc-primary" onClick={onOpenPanel}>
          {t('card_open_panel')}
        </button>
        <p class="cc-asof">{t('card_current_as_of', formatIsoDate(card.currentAsOf, lang, 'short'))}</p>
      </footer>
    </div>
  );
}
