/**
 * Timeline: chronological (the pack's order), filterable by actor and by type, with a marker where the page's
 * article was published and a count of what happened since.
 */
import type { TimelineType } from '@/lib/knowledge/schema';
import { t } from '@/lib/i18n/t';
import { DateText, Note, PACK_LANG, SourceRefs, usePanel } from './common';
import { formatIsoDate, plural } from './format';
import { filterTimeline, nameOf, publishedMarker, timelineActors, timelineTypes } from './model';

export interface TimelineFilter {
  actor: string;
  type: string;
}

export function typeLabel(type: TimelineType): string {
  return t(`panel_type_${type.replace(/-/g, '_')}`);
}

function focusMarker() {
  const el = document.getElementById('published-marker');
  if (!el) return;
  const reduce = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  el.focus({ preventScroll: true });
}

export function TimelineSection({
  published,
  filter,
  onFilter,
}: {
  /** The page's declared publication date (ISO, any precision), when there is one. */
  published?: string;
  filter: TimelineFilter;
  onFilter: (f: TimelineFilter) => void;
}) {
  const { pack } = usePanel();
  const actors = timelineActors(pack);
  const types = timelineTypes(pack);
  const entries = filterTimeline(pack.timeline, { actor: filter.actor || undefined, type: filter.type || undefined });
  const marker = published ? publishedMarker(entries, published) : undefined;
  const filtered = filter.actor !== '' || filter.type !== '';
  const publishedText = published ? formatIsoDate(published) : '';

  const items = entries.map((e) => (
    <li key={e.id} id={`timeline-${e.id}`} tabIndex={-1} class={`entry type-${e.type}`}>
      <p class="entry-when">
        <DateText info={e.when} />
        <span class="entry-type">{typeLabel(e.type)}</span>
      </p>
      <p class="entry-text" lang={PACK_LANG}>
        {e.text}
      </p>
      {e.actors.length > 0 ? (
        <p class="muted small">
          {t('panel_timeline_actors')}: {e.actors.map((a) => nameOf(pack, a)).join(', ')}
        </p>
      ) : null}
      <SourceRefs ids={e.sources} />
      <Note text={e.when.note} label={t('panel_about_date')} />
    </li>
  ));
  if (marker) {
    items.splice(
      marker.index,
      0,
      <li key="published-marker" id="published-marker" tabIndex={-1} class="published-marker">
        <span>{t('panel_published_here', publishedText)}</span>
      </li>,
    );
  }

  return (
    <div class="section timeline">
      <h2 id="timeline-heading">{t('panel_timeline_heading')}</h2>
      <fieldset class="filters">
        <legend>{t('panel_filter_legend')}</legend>
        <div class="field">
          <label for="filter-actor">{t('panel_filter_actor')}</label>
          <select id="filter-actor" value={filter.actor} onChange={(e) => onFilter({ ...filter, actor: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('panel_filter_all_actors')}</option>
            {actors.map((a) => (
              <option key={a.value} value={a.value}>
                {`${a.label} (${a.count})`}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-type">{t('panel_filter_type')}</label>
          <select id="filter-type" value={filter.type} onChange={(e) => onFilter({ ...filter, type: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('panel_filter_all_types')}</option>
            {types.map((x) => (
              <option key={x.value} value={x.value}>
                {`${typeLabel(x.value)} (${x.count})`}
              </option>
            ))}
          </select>
        </div>
        {filtered ? (
          <button type="button" class="secondary" onClick={() => onFilter({ actor: '', type: '' })}>
            {t('panel_filter_clear')}
          </button>
        ) : null}
      </fieldset>
      <p class="status" role="status" aria-live="polite">
        {filtered ? t('panel_timeline_showing', entries.length, pack.timeline.length) : plural('panel_n_events', entries.length)}
      </p>
      {marker ? (
        <p class="since">
          <button type="button" class="link-button" onClick={focusMarker}>
            {marker.since > 0 ? plural('panel_events_since', marker.since, publishedText) : t('panel_events_since_none', publishedText)}
          </button>
        </p>
      ) : null}
      {entries.length === 0 ? <p class="empty">{t('panel_timeline_empty')}</p> : <ol class="timeline-list">{items}</ol>}
    </div>
  );
}
