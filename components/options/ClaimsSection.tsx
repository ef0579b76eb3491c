/** Claims you have met: pages per claim, and how often you met the claims that contradict it. */
import { plural } from '@/components/panel/format';
import { t } from '@/lib/i18n/t';
import { claimStats, type ClaimStat } from '@/lib/storage/claims';
import type { HistoryEntry } from '@/lib/storage/schema';
import type { ClaimsKnowledge } from './deps';

const met = (row: ClaimStat) => row.contradicting.filter((c) => c.pages > 0);
const notMet = (row: ClaimStat) => row.contradicting.filter((c) => c.pages === 0);

/** "You have read this claim on 2 pages, and a claim contradicting it on none." */
function claimMet(pages: number, contradicting: number): string {
  const denial = contradicting === 0 ? t('options_on_no_pages') : plural('options_on_pages', contradicting);
  return t('options_claim_met', plural('options_on_pages', pages), denial);
}

interface Props {
  entries: readonly HistoryEntry[] | undefined;
  knowledge: ClaimsKnowledge | undefined;
}

export function ClaimsSection({ entries, knowledge }: Props) {
  const stats = entries ? claimStats(entries, knowledge?.conflicts ?? []) : [];
  return (
    <section id="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">{t('options_claims')}</h2>
      <p>{t('options_claims_intro')}</p>
      {!knowledge && <p class="hint">{t('options_claims_no_pack')}</p>}
      {entries && stats.length === 0 && <p>{t('options_claims_empty')}</p>}
      {stats.length > 0 && (
        <table class="claims" data-testid="claims-table">
          <thead>
            <tr>
              <th scope="col">{t('options_claim_column')}</th>
              <th scope="col">{t('options_pages_column')}</th>
              <th scope="col">{t('options_contradicting_column')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((row) => {
              const statement = knowledge?.statement(row.claim);
              return (
                <tr key={row.claim} data-claim={row.claim}>
                  <th scope="row">
                    <span class="claim-id">{row.claim}</span>
                    {statement && <span class="claim-text"> {statement}</span>}
                  </th>
                  <td>{row.pages}</td>
                  <td>
                    {row.contradicting.length === 0 ? (
                      knowledge && <p>{t('options_claim_no_conflict')}</p>
                    ) : (
                      <>
                        <p>{claimMet(row.pages, row.contradictingPages)}</p>
                        {met(row).length > 0 && (
                          <ul class="contradicting">
                            {met(row).map((c) => (
                              <li key={c.claim}>
                                <span class="claim-id">{t('options_claim_pages', c.claim, plural('options_n_pages', c.pages))}</span>
                                {knowledge?.statement(c.claim) && <span class="claim-text"> {knowledge.statement(c.claim)}</span>}
                              </li>
                            ))}
                          </ul>
                        )}
                        {notMet(row).length > 0 && (
                          <details>
                            <summary>{plural('options_contradicting_not_met', notMet(row).length)}</summary>
                            <ul class="contradicting">
                              {notMet(row).map((c) => (
                                <li key={c.claim}>
                                  <span class="claim-id">{c.claim}</span>
                                  {knowledge?.statement(c.claim) && <span class="claim-text"> {knowledge.statement(c.claim)}</span>}
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
