/**
 * Summary: what happened, the casualty figures with their whole history, the accused, the proceedings. The first
 * screen (what happened, the current figure) renders at once; the rest after the first paint.
 */
import { currentCasualtyFigure, displayName, indexPack } from '@/lib/knowledge/load';
import type { CasualtyFigure, Fact, KnowledgePack } from '@/lib/knowledge/schema';
import { t } from '@/lib/i18n/t';
import { DateText, Note, PACK_LANG, SourceRefs, usePanel } from './common';
import { formatDateInfo, formatNumber } from './format';
import { usePaintedOnce } from './painted';

function qualified(n: number, qualifier: CasualtyFigure['deadQualifier']): string {
  const num = formatNumber(n);
  if (qualifier === 'about') return t('panel_qual_about', num);
  if (qualifier === 'more than') return t('panel_qual_more_than', num);
  if (qualifier === 'at least') return t('panel_qual_at_least', num);
  return num;
}

/** The parts of a figure as separate phrases: "149 dead", "609 injured", "1 missing", "6 children among the dead". */
export function figureParts(k: CasualtyFigure): string[] {
  const out: string[] = [];
  if (k.dead !== undefined) out.push(t('panel_fig_dead', qualified(k.dead, k.deadQualifier)));
  if (k.injured !== undefined) out.push(t('panel_fig_injured', qualified(k.injured, k.injuredQualifier)));
  if (k.missing !== undefined) out.push(t('panel_fig_missing', formatNumber(k.missing)));
  if (k.children !== undefined) out.push(t('panel_fig_children', formatNumber(k.children)));
  return out;
}

function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <ul class="facts">
      {facts.map((f, i) => (
        <li key={i}>
          <p lang={PACK_LANG}>{f.text}</p>
          <SourceRefs ids={f.sources} />
        </li>
      ))}
    </ul>
  );
}

function CasualtyTable() {
  const { pack } = usePanel();
  const currentId = pack.event.currentCasualtyFigure;
  return (
    <div class="table-scroll" role="region" aria-labelledby="casualty-caption" tabIndex={0}>
      <table class="casualties">
        <caption id="casualty-caption">{t('panel_casualties_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel_col_figure')}</th>
            <th scope="col">{t('panel_col_published_by')}</th>
            <th scope="col">{t('panel_col_as_of')}</th>
            <th scope="col">{t('panel_col_sources')}</th>
          </tr>
        </thead>
        <tbody>
          {pack.event.casualties.map((k) => {
            const current = k.id === currentId;
            return (
              <tr key={k.id} id={`figure-${k.id}`} class={current ? 'current' : undefined} aria-current={current ? 'true' : undefined}>
                <td>
                  {current ? <strong class="badge">{t('panel_current_figure')}</strong> : null}
                  <ul class="plain">
                    {figureParts(k).map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                  <Note text={k.note} />
                </td>
                <td>
                  {displayName(pack, k.publishedBy)}
                  <div class="muted small">{k.official ? t('panel_official') : t('panel_unofficial')}</div>
                </td>
                <td>
                  <DateText info={k.asOf} />
                  <Note text={k.asOf.note} label={t('panel_about_date')} />
                </td>
                <td>
                  <SourceRefs ids={k.sources} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function entityNames(pack: KnowledgePack): (id: string) => string {
  const idx = indexPack(pack);
  return (id) => idx.entities.get(id)?.name ?? id;
}

/** The figure history, the accused, the proceedings and what is unverified. */
function SummaryBelowFold() {
  const { pack } = usePanel();
  const ev = pack.event;
  const name = entityNames(pack);
  return (
    <>
      <CasualtyTable />

      <h2 id="summary-perpetrators">{t('panel_summary_perpetrators')}</h2>
      <ul class="names">
        {ev.perpetrators.people.map((id) => (
          <li key={id}>{name(id)}</li>
        ))}
      </ul>
      <Facts facts={ev.perpetrators.facts} />

      {ev.arrests.length > 0 ? (
        <>
          <h2 id="summary-arrests">{t('panel_summary_arrests')}</h2>
          <Facts facts={ev.arrests} />
        </>
      ) : null}
      {ev.trial.length > 0 ? (
        <>
          <h2 id="summary-trial">{t('panel_summary_trial')}</h2>
          <Facts facts={ev.trial} />
        </>
      ) : null}
      {ev.verdict.length > 0 ? (
        <>
          <h2 id="summary-verdict">{t('panel_summary_verdict')}</h2>
          <Facts facts={ev.verdict} />
        </>
      ) : null}
      {pack.unverified.length > 0 ? (
        <>
          <h2 id="summary-unverified">{t('panel_summary_unverified')}</h2>
          <p class="muted">{t('panel_unverified_intro')}</p>
          <ul class="facts">
            {pack.unverified.map((u) => (
              <li key={u.id}>
                <p lang={PACK_LANG}>{u.text}</p>
                {u.sources ? <SourceRefs ids={u.sources} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function SummarySection() {
  const { pack } = usePanel();
  const ev = pack.event;
  const current = currentCasualtyFigure(pack);
  const name = entityNames(pack);
  const painted = usePaintedOnce();
  return (
    <div class="section summary">
      <h2 id="summary-what">{t('panel_summary_what')}</h2>
      <p class="lede">
        <strong>{name(ev.entity)}</strong>
        {' · '}
        <DateText info={ev.when} />
      </p>
      <Note text={ev.when.note} label={t('panel_about_time')} />
      <p lang={PACK_LANG}>{ev.place.text}</p>
      <SourceRefs ids={ev.place.sources} />
      <Facts facts={ev.summary} />

      <h2 id="summary-casualties">{t('panel_summary_casualties')}</h2>
      <p class="current-figure" id="current-figure">
        <strong>{figureParts(current).join(', ')}</strong>
        <br />
        {t('panel_current_by', displayName(pack, current.publishedBy), formatDateInfo(current.asOf))}
      </p>
      <p class="muted">{t('panel_casualties_intro')}</p>
      {painted ? <SummaryBelowFold /> : null}
    </div>
  );
}
