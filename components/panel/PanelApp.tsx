/**
 * The side panel app: one Preact app shown as the browser's side panel (Chrome) / sidebar (Firefox), and inside
 * the page as an overlay frame (components/panel/params.ts).
 *
 * It takes no orders from the page it is shown over: the app never listens to window messages (the overlay's
 * "open" message, which needs a key the page cannot read, is its entry's business: overlay-messages.ts); what it
 * sends to its parent frame is the close request.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import { t } from '@/lib/i18n/t';
import { backgroundApi, type PanelApi } from './api';
import { AttributionsSection as AttributionsSectionView } from './AttributionsSection';
import { pure } from './pure';
import { CLOSE_OVERLAY } from './overlay-messages';
import { PanelContext, PACK_LANG, type PanelContextValue, type TabId } from './common';
import { ConflictsSection as ConflictsSectionView } from './ConflictsSection';
import { EntityFocus } from './EntityFocus';
import { formatIsoDate, isoDatePrefix } from './format';
import { HistoryLine } from './HistoryLine';
import { MentionsSection as MentionsSectionView, type PageState } from './MentionsSection';
import { entityFocus } from './model';
import type { PanelParams } from './params';
import { SourcesSection as SourcesSectionView } from './SourcesSection';
import { SummarySection as SummarySectionView } from './SummarySection';
import { Tabs } from './Tabs';
import { TimelineSection as TimelineSectionView, type TimelineFilter } from './TimelineSection';

// Sections re-render only when their props or the panel context change, not on every tab switch.
const SummarySection = pure(SummarySectionView);
const AttributionsSection = pure(AttributionsSectionView);
const TimelineSection = pure(TimelineSectionView);
const ConflictsSection = pure(ConflictsSectionView);
const SourcesSection = pure(SourcesSectionView);
const MentionsSection = pure(MentionsSectionView);

export interface PanelAppProps {
  pack: KnowledgePack;
  params?: PanelParams;
  api?: PanelApi;
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Scrolls to an element, opens it when it is a <details>, focuses it (or its summary) and flashes it. */
function bringIntoView(el: HTMLElement) {
  if (el instanceof HTMLDetailsElement) el.open = true;
  el.scrollIntoView?.({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  const focusable = el instanceof HTMLDetailsElement ? el.querySelector<HTMLElement>('summary') : el;
  focusable?.focus({ preventScroll: true });
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
}

function closeOverlay() {
  // The page's content script checks that the message comes from this frame; '*' because the page's origin is
  // whatever site the reader is on. The message carries no data.
  window.parent.postMessage(CLOSE_OVERLAY, '*');
}

export function PanelApp({ pack, params = { overlay: false }, api = backgroundApi }: PanelAppProps) {
  const [tab, setTab] = useState<TabId>('summary');
  const [target, setTarget] = useState<{ id: string; seq: number } | null>(null);
  const [filter, setFilter] = useState<TimelineFilter>({ actor: '', type: '' });
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [showFocus, setShowFocus] = useState(true);
  const seq = useRef(0);
  const request = useRef(0);

  const focus = useMemo(() => {
    if (!params.entity || params.entity === pack.event.entity || params.entity === pack.event.venue) return undefined;
    return entityFocus(pack, params.entity);
  }, [pack, params.entity]);

  const navigate = useCallback((next: TabId, id?: string) => {
    setTab(next);
    if (id !== undefined) setTarget({ id, seq: ++seq.current });
    else setTarget({ id: `panel-${next}`, seq: ++seq.current });
  }, []);

  const ctx = useMemo<PanelContextValue>(
    () => ({ pack, navigate, ...(focus ? { focusEntity: focus.entity.id } : {}) }),
    [pack, navigate, focus],
  );

  const loadPage = useCallback(async () => {
    const mine = ++request.current;
    let context = null;
    try {
      context = await api.pageContext(params.tabId);
    } catch {
      context = null;
    }
    if (mine === request.current) setPage({ status: 'ready', context });
  }, [api, params.tabId]);

  // Each opening of the overlay (a new visit) reads the page again: it may have changed since the panel loaded.
  useEffect(() => {
    void loadPage();
    // The native panel follows the active tab; the overlay belongs to one tab.
    if (params.tabId === undefined && api.watchTabs) return api.watchTabs(() => void loadPage());
    return undefined;
  }, [api, loadPage, params.tabId, params.visit]);

  // ... and starts afresh: the summary (under the entity's card, if any) from the top. Not on the first visit: the
  // panel is fresh then, and a frame opened before it was ready was shown, and may have been used, before the
  // message naming that visit arrived.
  const lastVisit = useRef(params.visit);
  useEffect(() => {
    if (params.visit === lastVisit.current) return;
    const first = lastVisit.current === undefined;
    lastVisit.current = params.visit;
    if (first) return;
    setTab('summary');
    setFilter({ actor: '', type: '' });
    setShowFocus(true);
    window.scrollTo?.(0, 0);
  }, [params.visit]);

  // After a navigation has rendered, bring its target into view.
  useEffect(() => {
    if (!target) return;
    const el = document.getElementById(target.id);
    if (el) bringIntoView(el);
  }, [target]);

  // Opened for an entity: bring its card into view (again on each visit, and when it is shown again).
  useEffect(() => {
    if (!focus) return;
    const heading = document.getElementById('focus-title');
    if (heading) {
      heading.scrollIntoView?.({ block: 'start' });
      heading.focus({ preventScroll: true });
    }
  }, [focus, params.visit, showFocus]);

  // In the overlay, Escape closes the panel (the page gets focus back from the content script).
  useEffect(() => {
    if (!params.overlay) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) closeOverlay();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [params.overlay]);

  const reveal = useCallback((index: number) => api.reveal(index, params.tabId), [api, params.tabId]);
  const refresh = useCallback(() => void loadPage(), [loadPage]);

  const showTimeline = useCallback(
    (actor: string) => {
      setFilter({ actor, type: '' });
      navigate('timeline', 'timeline-heading');
    },
    [navigate],
  );

  const context = page.status === 'ready' ? page.context : null;
  const published = isoDatePrefix(context?.published);
  const mentionCount = context?.mentions.length ?? 0;
  const claimsOnPage = useMemo(() => new Set(context?.claims?.map((c) => c.claim) ?? []), [context]);

  const skipToSections = (e: Event) => {
    e.preventDefault();
    document.getElementById(`tab-${tab}`)?.focus();
  };

  return (
    <PanelContext.Provider value={ctx}>
      <div class={`panel${params.overlay ? ' overlay' : ''}`}>
        <a class="skip-link" href={`#tab-${tab}`} onClick={skipToSections}>
          {t('panel_skip_to_sections')}
        </a>
        <header class="panel-header">
          <div class="panel-heading">
            <h1>{t('extName')}</h1>
            <p class="muted small">
              <span lang={PACK_LANG}>{pack.title}</span>
              {' · '}
              {t('panel_current_as_of', formatIsoDate(pack.currentAsOf))}
            </p>
            <HistoryLine api={api} />
          </div>
          {params.overlay ? (
            <button type="button" class="close" onClick={closeOverlay}>
              <span aria-hidden="true">✕ </span>
              {t('panel_close')}
            </button>
          ) : null}
        </header>
        <main class="panel-main">
          {focus && showFocus ? (
            <EntityFocus data={focus} api={api} onClose={() => setShowFocus(false)} onShowTimeline={showTimeline} />
          ) : null}
          <Tabs<TabId>
            label={t('panel_sections')}
            selected={tab}
            onSelect={setTab}
            tabs={[
              { id: 'summary', label: t('panel_tab_summary'), content: <SummarySection /> },
              { id: 'attributions', label: t('panel_tab_attributions'), content: <AttributionsSection /> },
              {
                id: 'timeline',
                label: t('panel_tab_timeline'),
                content: <TimelineSection filter={filter} onFilter={setFilter} {...(published ? { published } : {})} />,
              },
              { id: 'conflicts', label: t('panel_tab_conflicts'), content: <ConflictsSection onPage={claimsOnPage} /> },
              { id: 'sources', label: t('panel_tab_sources'), content: <SourcesSection /> },
              {
                id: 'page',
                label: mentionCount > 0 ? t('panel_tab_page_count', mentionCount) : t('panel_tab_page'),
                content: <MentionsSection page={page} onReveal={reveal} onRefresh={refresh} />,
              },
            ]}
          />
        </main>
        <footer class="panel-footer muted small">
          <p>{t('panel_footer', pack.version, formatIsoDate(pack.currentAsOf))}</p>
          <p>{t('panel_footer_local')}</p>
        </footer>
      </div>
    </PanelContext.Provider>
  );
}
