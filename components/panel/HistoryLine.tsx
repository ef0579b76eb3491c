/** "You have met this story on N pages": from the reader's local history (history/summary), when there is any. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { HistorySummary, PanelApi } from './api';
import { formatIsoDate, isoDatePrefix, plural } from './format';

export function HistoryLine({ api, entity, entityName }: { api: PanelApi; entity?: string; entityName?: string }) {
  const [summary, setSummary] = useState<HistorySummary | null>(null);
  useEffect(() => {
    let live = true;
    if (!api.historySummary) return undefined;
    api.historySummary(entity).then(
      (s) => {
        if (live) setSummary(s);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, entity]);
  if (!summary || summary.pages <= 0) return null;
  const sites = plural('panel_n_sites', summary.sites);
  const first = isoDatePrefix(summary.firstSeen);
  const text =
    entity !== undefined && entityName !== undefined
      ? plural('panel_history_entity', summary.pages, sites, entityName)
      : plural('panel_history_pages', summary.pages, sites);
  return (
    <p class="history muted small">
      {text}
      {first ? ` ${t('panel_history_first', formatIsoDate(first))}` : ''}
    </p>
  );
}
