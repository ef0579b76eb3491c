/**
 * Mentions on this page: the highlighted mentions as buttons. Activating one asks the page to scroll to and flash
 * it, which is how keyboard and screen-reader users reach the highlights.
 */
import { useState } from 'preact/hooks';
import type { PageContext } from '@/lib/messages/contract';
import { t } from '@/lib/i18n/t';
import { SrOnly, usePanel } from './common';
import { formatIsoDate, isoDatePrefix, plural } from './format';
import { nameOf } from './model';

/** True when the mention's text already reads as the entity's name. */
function sameName(text: string, name: string): boolean {
  return text.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();
}

export type PageState = { status: 'loading' } | { status: 'ready'; context: PageContext | null };

export function MentionsSection({
  page,
  onReveal,
  onRefresh,
}: {
  page: PageState;
  onReveal: (index: number) => Promise<boolean>;
  onRefresh: () => void;
}) {
  const { pack } = usePanel();
  const [message, setMessage] = useState('');
  const context = page.status === 'ready' ? page.context : null;

  const reveal = async (index: number, text: string) => {
    setMessage('');
    let ok = false;
    try {
      ok = await onReveal(index);
    } catch {
      ok = false;
    }
    setMessage(ok ? t('panel_mention_revealed', text) : t('panel_mention_not_revealed'));
  };

  const published = isoDatePrefix(context?.published);
  return (
    <div class="section mentions">
      <h2 id="mentions-heading">{t('panel_mentions_heading')}</h2>
      {page.status === 'loading' ? (
        <p class="status" role="status">
          {t('panel_loading')}
        </p>
      ) : !context ? (
        <div class="empty">
          <p>{t('panel_no_page')}</p>
          <p class="muted">{t('panel_no_page_hint')}</p>
        </div>
      ) : (
        <>
          <p class="page-title">
            <span class="muted">{t('panel_page_label')}</span> <span>{context.title || context.url}</span>
          </p>
          {published ? <p class="muted small">{t('panel_page_published', formatIsoDate(published))}</p> : null}
          {context.mentions.length === 0 ? (
            <p class="empty">{t('panel_no_mentions')}</p>
          ) : (
            <>
              <p class="muted">{plural('panel_n_mentions', context.mentions.length)}</p>
              <ul class="mention-list">
                {context.mentions.map((m) => (
                  <li key={m.index}>
                    <button type="button" class="mention" data-testid="mention-item" onClick={() => void reveal(m.index, m.text)}>
                      <span class="mention-text">{m.text}</span>
                      {sameName(m.text, nameOf(pack, m.entity)) ? null : (
                        <>
                          <SrOnly>, </SrOnly>
                          <span class="mention-entity">{nameOf(pack, m.entity)}</span>
                        </>
                      )}
                      {m.context ? (
                        <>
                          <SrOnly>: </SrOnly>
                          <span class="mention-context">{m.context}</span>
                        </>
                      ) : null}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
      <button type="button" class="secondary" onClick={onRefresh}>
        {t('panel_refresh')}
      </button>
    </div>
  );
}
