/** Reading history: by date or by site, per-entry delete, clear all (confirmed), export and import with a report. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural } from '@/components/panel/format';
import { t } from '@/lib/i18n/t';
import { RETENTIONS, type Retention, type Settings } from '@/lib/settings';
import type { HistoryStore, ImportReport, ReadResult } from '@/lib/storage/history';
import { ImportFormatError, MAX_IMPORT_CHARS } from '@/lib/storage/importing';
import type { HistoryEntry } from '@/lib/storage/schema';
import { groupByDate, groupBySite, localDay } from '@/lib/storage/views';
import { downloadFile } from './deps';
import { formatDay, formatPublished, formatVisit } from './format';
import { fileProblemText, reasonsText } from './reasons';

interface Props {
  settings: Settings | undefined;
  history: ReadResult | undefined;
  failed: boolean;
  store: HistoryStore;
  act: (action: () => Promise<string | undefined>) => Promise<void>;
  onSave: (patch: Partial<Settings>) => Promise<boolean>;
  download?: ((filename: string, text: string) => void) | undefined;
  now?: (() => Date) | undefined;
}

const SHOWN_REJECTIONS = 50;

function retentionLabel(retention: Retention): string {
  switch (retention) {
    case 'forever':
      return t('options_retention_forever');
    case '365':
      return t('options_retention_365');
    case '90':
      return t('options_retention_90');
    case '30':
      return t('options_retention_30');
  }
}

/** "Imported: 2 new pages, 0 pages merged, 0 pages already up to date, 1 entry rejected." */
function importSummary(report: ImportReport): string {
  return t(
    'options_import_result',
    plural('options_import_added', report.added),
    plural('options_import_merged', report.merged),
    plural('options_import_unchanged', report.unchanged),
    plural('options_import_rejected', report.rejected.length),
  );
}

function Entry({ entry, onDelete }: { entry: HistoryEntry; onDelete: (e: HistoryEntry) => void }) {
  const title = entry.title || t('options_untitled');
  return (
    <li class="entry" data-url={entry.url}>
      <a href={entry.url} target="_blank" rel="noopener noreferrer" class="entry-title">
        {title}
      </a>
      <span class="entry-site">{entry.site}</span>
      <dl class="entry-meta">
        <div>
          <dt>{t('options_first_visit')}</dt>
          <dd>
            <time dateTime={entry.firstVisit}>{formatVisit(entry.firstVisit)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('options_last_visit')}</dt>
          <dd>
            <time dateTime={entry.lastVisit}>{formatVisit(entry.lastVisit)}</time>
          </dd>
        </div>
        {entry.published && (
          <div>
            <dt>{t('options_published')}</dt>
            <dd>
              <time dateTime={entry.published}>{formatPublished(entry.published)}</time>
            </dd>
          </div>
        )}
      </dl>
      <span class="entry-counts">
        {plural('options_n_visits', entry.visits)} · {plural('options_n_names', entry.entities.length)} · {plural('options_n_claims', entry.claims.length)}
      </span>
      <button type="button" class="entry-delete" aria-label={t('options_delete_entry', title)} onClick={() => onDelete(entry)}>
        {t('options_delete')}
      </button>
    </li>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const shown = report.rejected.slice(0, SHOWN_REJECTIONS);
  return (
    <div class="import-report" data-testid="import-report">
      <p>{importSummary(report)}</p>
      {shown.length > 0 && (
        <details open>
          <summary>{t('options_rejected_title')}</summary>
          <ul>
            {shown.map((r) => (
              <li key={r.index}>
                {r.url ? t('options_rejected_entry_url', r.index + 1, r.url) : t('options_rejected_entry', r.index + 1)}: {reasonsText(r.reasons)}
              </li>
            ))}
          </ul>
          {report.rejected.length > shown.length && <p>{plural('options_rejected_more', report.rejected.length - shown.length)}</p>}
        </details>
      )}
    </div>
  );
}

export function HistorySection({ settings, history, failed, store, act, onSave, download = downloadFile, now = () => new Date() }: Props) {
  const [groupBy, setGroupBy] = useState<'date' | 'site'>('date');
  const [confirming, setConfirming] = useState(false);
  const [importState, setImportState] = useState<{ busy: boolean; report?: ImportReport; error?: string }>({ busy: false });
  const confirmButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const entries = history?.entries ?? [];
  const sites = new Set(entries.map((e) => e.site)).size;
  const groups = groupBy === 'date' ? groupByDate(entries) : groupBySite(entries);

  const remove = (entry: HistoryEntry) =>
    void act(async () => {
      await store.remove(entry.url);
      return t('options_deleted', entry.title || entry.url);
    });

  const clear = () =>
    void act(async () => {
      await store.clear();
      setConfirming(false);
      return t('options_cleared');
    });

  const cancelClear = () => {
    setConfirming(false);
    requestAnimationFrame(() => clearButton.current?.focus());
  };

  const exportAll = () =>
    void act(async () => {
      const { file, damaged } = await store.exportHistory();
      download(`crocus-context-history-${localDay(now().toISOString())}.json`, JSON.stringify(file, null, 2));
      const exported = plural('options_exported', file.entries.length);
      return damaged > 0 ? `${exported} ${plural('options_exported_damaged', damaged)}` : exported;
    });

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImportState({ busy: true });
    try {
      if (file.size > MAX_IMPORT_CHARS * 4) throw new ImportFormatError('too_large');
      const report = await store.importHistory(await file.text());
      setImportState({ busy: false, report });
    } catch (err) {
      const error =
        err instanceof ImportFormatError
          ? t('options_import_file_rejected', fileProblemText(err))
          : t('options_action_failed', err instanceof Error ? err.message : String(err));
      setImportState({ busy: false, error });
    }
    if (fileInput.current) fileInput.current.value = '';
    await act(async () => undefined);
  };

  return (
    <section id="history" aria-labelledby="history-title">
      <h2 id="history-title">{t('options_history')}</h2>
      <p>{t('options_history_intro')}</p>

      {settings && (
        <div class="field-row">
          <label>
            <input type="checkbox" checked={settings.history} onChange={(e) => void onSave({ history: e.currentTarget.checked })} />{' '}
            {t('options_record_history')}
          </label>
          <label>
            {t('options_retention')}{' '}
            <select value={settings.retention} onChange={(e) => void onSave({ retention: e.currentTarget.value as Retention })}>
              {RETENTIONS.map((r) => (
                <option key={r} value={r}>
                  {retentionLabel(r)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      <div class="toolbar">
        <fieldset class="segmented">
          <legend>{t('options_group_by')}</legend>
          <label>
            <input type="radio" name="group-by" value="date" checked={groupBy === 'date'} onChange={() => setGroupBy('date')} /> {t('options_by_date')}
          </label>
          <label>
            <input type="radio" name="group-by" value="site" checked={groupBy === 'site'} onChange={() => setGroupBy('site')} /> {t('options_by_site')}
          </label>
        </fieldset>
        <button type="button" onClick={exportAll} disabled={!history}>
          {t('options_export')}
        </button>
        <div class="import">
          <label for="import-file">{t('options_import_label')}</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            aria-describedby="import-hint"
            disabled={importState.busy || failed}
            onChange={(e) => void importFile(e.currentTarget.files?.[0])}
          />
          <p id="import-hint" class="hint">
            {t('options_import_hint')}
          </p>
        </div>
      </div>

      <div aria-live="polite">
        {importState.busy && <p>{t('options_importing')}</p>}
        {importState.error && (
          <p class="error" data-testid="import-error">
            {importState.error}
          </p>
        )}
        {importState.report && <ImportResult report={importState.report} />}
      </div>

      {failed && !history ? (
        <p class="error">{t('options_history_unavailable')}</p>
      ) : !history ? (
        <p>{t('options_history_loading')}</p>
      ) : entries.length === 0 ? (
        <p data-testid="history-empty">{t('options_history_empty')}</p>
      ) : (
        <>
          <p data-testid="history-count">{plural('options_history_count', entries.length, plural('options_on_sites', sites))}</p>
          <div class="groups" data-testid="history-list">
            {groups.map((g) => (
              <section key={g.key} class="group" aria-labelledby={`group-${groupBy}-${g.key}`}>
                <h3 id={`group-${groupBy}-${g.key}`}>
                  {groupBy === 'date' ? <time dateTime={g.key}>{formatDay(g.key)}</time> : g.key}{' '}
                  <span class="group-count">({plural('options_n_pages', g.entries.length)})</span>
                </h3>
                <ul class="entries">
                  {g.entries.map((e) => (
                    <Entry key={e.url} entry={e} onDelete={remove} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}

      {entries.length > 0 &&
        (confirming ? (
          <div class="confirm" role="group" aria-labelledby="clear-question" onKeyDown={(e) => e.key === 'Escape' && cancelClear()}>
            <p id="clear-question">{plural('options_clear_confirm', entries.length)}</p>
            <button type="button" class="danger" ref={confirmButton} onClick={clear}>
              {t('options_clear_yes')}
            </button>{' '}
            <button type="button" onClick={cancelClear}>
              {t('options_clear_no')}
            </button>
          </div>
        ) : (
          <button type="button" class="danger" ref={clearButton} onClick={() => setConfirming(true)}>
            {t('options_clear_all')}
          </button>
        ))}
    </section>
  );
}
