/** Pieces every section shares: the panel context, dates, source citations, claims. All text is rendered as text. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { indexPack } from '@/lib/knowledge/load';
import type { Claim, DateInfo, KnowledgePack, Source } from '@/lib/knowledge/schema';
import { t } from '@/lib/i18n/t';
import { formatDateInfo, formatIsoDate } from './format';
import { claimantLabel, conflictNumber, safeHttpsUrl, sourceOutlet } from './model';

/** The language the pack's own text is written in (the interface may be in another). */
export const PACK_LANG = 'en';

export type TabId = 'summary' | 'attributions' | 'timeline' | 'conflicts' | 'sources' | 'page';

export interface PanelContextValue {
  pack: KnowledgePack;
  /** Switches to `tab` and, when given, scrolls to, opens and focuses the element with id `target`. */
  navigate(tab: TabId, target?: string): void;
  /** The entity the panel was opened for, if any. */
  focusEntity?: string;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

export function usePanel(): PanelContextValue {
  const ctx = useContext(PanelContext);
  if (!ctx) throw new Error('PanelContext missing');
  return ctx;
}

/** A date of any precision in a <time> element. */
export function DateText({ info, style = 'long' }: { info: DateInfo | string; style?: 'long' | 'short' }) {
  const when = typeof info === 'string' ? { date: info } : info;
  return <time dateTime={when.date}>{formatDateInfo(when, style)}</time>;
}

/** Text only screen readers announce. */
export function SrOnly({ children }: { children: ComponentChildren }) {
  return <span class="sr-only">{children}</span>;
}

/** A link that opens in a new tab, only for https addresses; anything else is plain text. */
export function ExternalLink({ href, children, title }: { href: string; children: ComponentChildren; title?: string }) {
  const url = safeHttpsUrl(href);
  if (!url) return <span>{children}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" title={title}>
      {children}
      <SrOnly> {t('panel_new_tab')}</SrOnly>
    </a>
  );
}

/** "Reuters, via Yahoo News" as text. */
export function outletText(source: Source): string {
  const { outlet, via } = sourceOutlet(source);
  return via ? t('panel_source_via', outlet, via) : outlet;
}

/** The sources of an item as a short list of links: outlet and date, the title in the link's tooltip. */
export function SourceRefs({ ids }: { ids: readonly string[] }) {
  const { pack } = usePanel();
  const sources = ids.map((id) => indexPack(pack).sources.get(id)).filter((s): s is Source => s !== undefined);
  if (sources.length === 0) return null;
  return (
    <div class="refs">
      <span class="refs-label">{t('panel_sources_label')}</span>{' '}
      <ul class="refs-list">
        {sources.map((s) => (
          <li key={s.id}>
            <ExternalLink href={s.url} title={s.title}>
              {outletText(s)}
            </ExternalLink>{' '}
            <span class="muted">
              (<DateText info={s.date} style="short" />
              {s.stateMedia ? `, ${t('panel_state_media')}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A note that stays folded until asked for. */
export function Note({ text, label }: { text?: string; label?: string }) {
  if (!text) return null;
  return (
    <details class="note">
      <summary>{label ?? t('panel_note')}</summary>
      <p lang={PACK_LANG}>{text}</p>
    </details>
  );
}

/** One claim: who said it and when, what they said, the quotes, where, and the sources. */
export function ClaimView({
  claim,
  headingLevel = 4,
  showConflicts = true,
  compact = false,
}: {
  claim: Claim;
  headingLevel?: 3 | 4 | 5;
  showConflicts?: boolean;
  /** Statement, claimant, date and sources only (quotes and venue are in the Attributions section). */
  compact?: boolean;
}) {
  const { pack, navigate } = usePanel();
  const who = claimantLabel(pack, claim.claimant);
  const H = `h${headingLevel}` as 'h3' | 'h4' | 'h5';
  const conflicts = indexPack(pack).conflictsByClaim.get(claim.id) ?? [];
  return (
    <article class="claim" aria-label={t('panel_claim_by', who.name, formatIsoDate(claim.when.date))}>
      <H class="claim-head">
        <span class="claimant">{who.name}</span>
        {who.partOf ? <span class="claimant-body">, {who.partOf}</span> : null}
        <span class="claim-date">
          {' · '}
          <DateText info={claim.when} />
        </span>
      </H>
      <p class="statement" lang={PACK_LANG}>
        {claim.statement}
      </p>
      {!compact && claim.quotes && claim.quotes.length > 0 ? (
        <div class="quotes">
          {claim.quotes.map((q, i) => (
            <figure key={i} class="quote">
              <blockquote lang={q.lang}>
                <p>{q.text}</p>
              </blockquote>
              {q.translation ? (
                <figcaption>
                  {t('panel_translation')}: <span lang="en">{q.translation}</span>
                  {q.translatedBy ? ` (${q.translatedBy})` : ''}
                </figcaption>
              ) : q.translatedBy ? (
                <figcaption>{t('panel_translated_by', q.translatedBy)}</figcaption>
              ) : null}
            </figure>
          ))}
        </div>
      ) : null}
      {!compact && claim.venue ? (
        <p class="muted small">
          {t('panel_claim_venue')}: <span lang={PACK_LANG}>{claim.venue}</span>
        </p>
      ) : null}
      <SourceRefs ids={claim.sources} />
      {compact ? null : <Note text={[claim.when.note, claim.note].filter(Boolean).join(' ') || undefined} />}
      {showConflicts && conflicts.length > 0 ? (
        <p class="small">
          {conflicts.map((x) => (
            <button key={x.id} type="button" class="link-button" onClick={() => navigate('conflicts', `conflict-${x.id}`)}>
              {t('panel_claim_see_conflict', conflictNumber(pack, x.id))}
            </button>
          ))}
        </p>
      ) : null}
    </article>
  );
}
