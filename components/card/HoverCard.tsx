import type { CardData, CardEntity, CardEvent } from '@/lib/knowledge/card';
import { formatIsoDate, formatNumber } from '@/lib/i18n/format';
import { t } from '@/lib/i18n/t';

export interface CardMention {
  kind: string;
  entity: string;
  text: string;
}

export interface HoverCardProps {
  card: CardData;
  mention: CardMention;
  lang: string;
  onOpenPanel: (entity: string) => void;
  onDisableSite: () => void;
  onClose: () => void;
}

/** Claims listed in the card before "and N more in the panel". */
const CLAIMS_SHOWN = 3;

function casualtyLine(ev: CardEvent, lang: string): string {
  const k = ev.casualties;
  const parts: string[] = [];
  if (k.dead !== undefined) parts.push(t('card_dead', formatNumber(k.dead, lang)));
  if (k.injured !== undefined) parts.push(t('card_injured', formatNumber(k.injured, lang)));
  return parts.join(', ');
}

function EventBody({ ev, lang }: { ev: CardEvent; lang: string }) {
  return (
    <>
      <p class="cc-meta">
        {formatIsoDate(ev.date, lang, 'short')}
        {ev.time ? `, ${ev.time}` : ''} · {ev.place}
      </p>
      <p class="cc-figure">
        <strong>{casualtyLine(ev, lang)}</strong>{' '}
        <span class="cc-attrib">{t('card_figure_by', ev.casualties.publishedBy, formatIsoDate(ev.casualties.asOf, lang, 'short'))}</span>
      </p>
      <p class="cc-line">{ev.attribution}.</p>
      <p class="cc-counts">{t('card_counts', String(ev.counts.claims), String(ev.counts.timeline), String(ev.counts.conflicts))}</p>
    </>
  );
}

function EntityBody({ entity, card, lang }: { entity: CardEntity; card: CardData; lang: string }) {
  const shown = entity.claims
    .slice(-CLAIMS_SHOWN)
    .reverse()
    .flatMap((id) => {
      const c = card.claims[id];
      return c ? [{ id, date: c.date, statement: c.statement }] : [];
    });
  const more = entity.claims.length - shown.length;
  return (
    <>
      <p class="cc-line">{entity.description}</p>
      {shown.length > 0 && (
        <>
          <h3 class="cc-sub">{t('card_claims_heading')}</h3>
          <ul class="cc-claims">
            {shown.map((c) => (
              <li key={c.id}>
                <time dateTime={c.date}>{formatIsoDate(c.date, lang, 'short')}</time> {c.statement}
              </li>
            ))}
          </ul>
          {more > 0 && <p class="cc-counts">{t('card_more_claims', String(more))}</p>}
        </>
      )}
    </>
  );
}

/**
 * The hover card: the gist of a highlighted mention. For the event or the venue: date, place, current casualty
 * figure with who gave it and when, the state of attribution, counts; for an entity: who it is and its claims.
 */
export function HoverCard({ card, mention, lang, onOpenPanel, onDisableSite, onClose }: HoverCardProps) {
  const isEvent = mention.entity === card.event.id || mention.entity === card.event.venueId;
  const entity = card.entities[mention.entity];
  const title = isEvent ? (mention.entity === card.event.venueId ? card.event.venueName : card.event.name) : (entity?.name ?? mention.text);
  return (
    <div class="cc-card" role="dialog" aria-labelledby="cc-title" data-testid="crocus-card">
      <header class="cc-head">
        <h2 id="cc-title" class="cc-title">
          {title}
        </h2>
        <button type="button" class="cc-x" aria-label={t('card_close')} onClick={onClose}>
          ×
        </button>
      </header>
      {isEvent || !entity ? <EventBody ev={card.event} lang={lang} /> : <EntityBody entity={entity} card={card} lang={lang} />}
      <footer class="cc-foot">
        <button type="button" class="cc-primary" onClick={() => onOpenPanel(mention.entity)}>
          {t('card_open_panel')}
        </button>
        <button type="button" class="cc-quiet" onClick={onDisableSite}>
          {t('card_disable_site')}
        </button>
        <p class="cc-asof">{t('card_current_as_of', formatIsoDate(card.currentAsOf, lang, 'short'))}</p>
      </footer>
    </div>
  );
}
