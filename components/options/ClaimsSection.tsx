/** Claims you have met: pages per claim, and how often you met the claims that contradict it. */
import { claimStats, type ClaimStat } from '@/lib/storage/claims';
import type { HistoryEntry } from '@/lib/storage/schema';
import type { ClaimsKnowledge } from './deps';
import { S } from './strings';

const met = (row: ClaimStat) => row.contradicting.filter((c) => c.pages > 0);
const notMet = (row: ClaimStat) => row.contradicting.filter((c) => c.pages === 0);

interface Props {
  entries: readonly HistoryEntry[] | undefined;
  knowledge: ClaimsKnowledge | undefined;
}

export function ClaimsSection({ entries, knowledge }: Props) {
  const stats = entries ? claimStats(entries, knowledge?.conflicts ?? []) : [];
  return (
    <section id="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">{S.claims}</h2>
      <p>{S.claimsIntro}</p>
      {!knowledge && <p class="hint">{S.claimsNoPack}</p>}
      {entries && stats.length === 0 && <p>{S.claimsEmpty}</p>}
      {stats.length > 0 && (
        <table class="claims" data-testid="claims-table">
          <thead>
            <tr>
              <th scope="col">{S.claimColumn}</th>
              <th scope="col">{S.pagesColumn}</th>
              <th scope="col">{S.contradictingColumn}</th>
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
                      knowledge && <p>{S.claimNoConflict}</p>
                    ) : (
                      <>
                        <p>{S.claimMet(row.pages, row.contradictingPages)}</p>
                        {met(row).length > 0 && (
                          <ul class="contradicting">
                            {met(row).map((c) => (
                              <li key={c.claim}>
                                <span class="claim-id">{S.contradictingList(c.claim, c.pages)}</span>
                                {knowledge?.statement(c.claim) && <span class="claim-text"> {knowledge.statement(c.claim)}</span>}
                              </li>
                            ))}
                          </ul>
                        )}
                        {notMet(row).length > 0 && (
                          <details>
                            <summary>{S.contradictingNotMet(notMet(row).length)}</summary>
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
