/** Sources: every page the pack cites, with outlet, title, date, language and a link (https only). */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { DateText, ExternalLink, Note, outletText, usePanel } from './common';
import { languageName, plural } from './format';
import { filterSources } from './model';

export function SourcesSection() {
  const { pack } = usePanel();
  const [query, setQuery] = useState('');
  const shown = filterSources(pack.sources, query);
  return (
    <div class="section sources">
      <h2 id="sources-heading">{t('panel_sources_heading')}</h2>
      <p class="muted">{t('panel_sources_intro')}</p>
      <div class="field">
        <label for="sources-filter">{t('panel_sources_filter')}</label>
        <input
          id="sources-filter"
          type="search"
          value={query}
          autoComplete="off"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <p class="status" role="status" aria-live="polite">
        {query.trim() ? t('panel_sources_showing', shown.length, pack.sources.length) : plural('panel_n_sources', shown.length)}
      </p>
      <ol class="source-list">
        {shown.map((s) => (
          <li key={s.id} id={`source-${s.id}`} tabIndex={-1} class="source">
            <p class="source-outlet">
              <strong>{outletText(s)}</strong>
              {s.stateMedia ? <span class="muted small"> · {t('panel_state_media')}</span> : null}
            </p>
            <p class="source-title">
              <ExternalLink href={s.url}>
                {s.titleIsDescription ? <span>[{s.title}]</span> : <span lang={s.language}>{s.title}</span>}
              </ExternalLink>
            </p>
            <p class="muted small">
              <DateText info={s.date} />
              {' · '}
              {languageName(s.language)}
            </p>
            <Note text={s.dateNote} label={t('panel_about_date')} />
          </li>
        ))}
      </ol>
    </div>
  );
}
