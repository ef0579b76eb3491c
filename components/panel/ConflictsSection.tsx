/**
 * Conflicts: contradicting claims side by side, every side styled the same (no verdict), then the reported facts
 * that differ between sources.
 */
import { indexPack } from '@/lib/knowledge/load';
import type { Claim } from '@/lib/knowledge/schema';
import { t } from '@/lib/i18n/t';
import { ClaimView, Note, PACK_LANG, SourceRefs, usePanel } from './common';

/** `onPage`: ids of claims that sentences on the current page report (claims on the page). */
const EMPTY: ReadonlySet<string> = new Set();

export function ConflictsSection({ onPage = EMPTY }: { onPage?: ReadonlySet<string> }) {
  const { pack } = usePanel();
  const claims = indexPack(pack).claims;
  const involved = pack.conflicts.filter((x) => x.sides.some((side) => side.claims.some((id) => onPage.has(id))));
  return (
    <div class="section conflicts">
      <h2 id="conflicts-heading">{t('panel_conflicts_heading')}</h2>
      <p class="muted">{t('panel_conflicts_intro')}</p>
      {involved.length > 0 ? (
        <nav class="on-page-note" aria-label={t('panel_conflicts_on_page')} data-testid="conflicts-on-page">
          <p>{t('panel_conflicts_on_page')}</p>
          <ul>
            {involved.map((x) => (
              <li key={x.id}>
                <a href={`#conflict-${x.id}`} lang={PACK_LANG}>
                  {x.subject}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {pack.conflicts.length === 0 ? <p class="empty">{t('panel_conflicts_empty')}</p> : null}
      {pack.conflicts.map((x, n) => (
        <article key={x.id} id={`conflict-${x.id}`} class="conflict" tabIndex={-1} aria-labelledby={`conflict-${x.id}-title`}>
          <h3 id={`conflict-${x.id}-title`} lang={PACK_LANG}>
            {`${n + 1}. ${x.subject}`}
          </h3>
          <div class="sides">
            {x.sides.map((side, i) => {
              const sideClaims = side.claims.map((id) => claims.get(id)).filter((c): c is Claim => c !== undefined);
              const headId = `conflict-${x.id}-side-${i + 1}`;
              return (
                <div key={i} class="side">
                  <h4 id={headId} class="side-title">
                    {t('panel_conflict_side', i + 1)}
                  </h4>
                  <p class="position" lang={PACK_LANG}>
                    {side.position}
                  </p>
                  <ol class="claims">
                    {sideClaims.map((c) => (
                      <li key={c.id} class={onPage.has(c.id) ? 'on-page' : undefined} data-claim={c.id}>
                        {onPage.has(c.id) ? <p class="tag">{t('panel_claim_on_page')}</p> : null}
                        <ClaimView claim={c} headingLevel={5} showConflicts={false} compact />
                      </li>
                    ))}
                  </ol>
                </div>
              );
            })}
          </div>
          <Note text={x.note} />
        </article>
      ))}

      <h2 id="discrepancies-heading">{t('panel_discrepancies_heading')}</h2>
      <p class="muted">{t('panel_discrepancies_intro')}</p>
      {pack.discrepancies.map((d) => (
        <article key={d.id} id={`discrepancy-${d.id}`} class="discrepancy" tabIndex={-1} aria-labelledby={`discrepancy-${d.id}-title`}>
          <h3 id={`discrepancy-${d.id}-title`} lang={PACK_LANG}>
            {d.topic}
          </h3>
          <ul class="variants">
            {d.variants.map((v, i) => (
              <li key={i} class="variant">
                <p class="variant-value" lang={PACK_LANG}>
                  {v.value}
                </p>
                <p class="muted small">{t('panel_reported_by', v.reportedBy)}</p>
                <SourceRefs ids={v.sources} />
              </li>
            ))}
          </ul>
          <Note text={d.note} />
        </article>
      ))}
    </div>
  );
}
