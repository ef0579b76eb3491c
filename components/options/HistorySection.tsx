/** Reading history: by date or by site, per-entry delete, clear all (confirmed), export and import with a report. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { RETENTIONS, type Retention, type Settings } from '@/lib/settings';
import type { HistoryStore, ImportReport, ReadResult } from '@/lib/storage/history';
import { ImportFormatError, MAX_IMPORT_CHARS } from '@/lib/storage/importing';
import type { HistoryEntry } from '@/lib/storage/schema';
import { groupByDate, groupBySite, localDay } from '@/lib/storage/views';
import { downloadFile } from './deps';
import { S, formatDay, formatPublished, formatVisit } from './strings';

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

function Entry({ entry, onDelete }: { entry: HistoryEntry; onDelete: (e: HistoryEntry) => void }) {
  const title = entry.title || S.untitled;
  return (
    <li class="entry" data-url={entry.url}>
      <a href={entry.url} target="_blank" rel="noopener noreferrer" class="entry-title">
        {title}
      </a>
      <span class="entry-site">{entry.site}</span>
      <dl class="entry-meta">
        <div>
          <dt>{S.firstVisit}</dt>
          <dd>
            <time dateTime={entry.firstVisit}>{formatVisit(entry.firstVisit)}</time>
          </dd>
        </div>
        <div>
          <dt>{S.lastVisit}</dt>
          <dd>
            <time dateTime={entry.lastVisit}>{formatVisit(entry.lastVisit)}</time>
          </dd>
        </div>
        {entry.published && (
          <div>
            <dt>{S.published}</dt>
            <dd>
              <time dateTime={entry.published}>{formatPublished(entry.published)}</time>
            </dd>
          </div>
        )}
      </dl>
      <span class="entry-counts">
        {S.visits(entry.visits)} · {S.entitiesCount(entry.entities.length)} · {S.claimsCount(entry.claims.length)}
      </span>
      <button type="button" class="entry-delete" aria-label={S.deleteEntry(title)} onClick={() => onDelete(entry)}>
        {S.delete}
      </button>
    </li>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const shown = report.rejected.slice(0, SHOWN_REJECTIONS);
  return (
    <div class="import-report" data-testid="import-report">
      <p>{S.importResult(report.added, report.merged, report.unchanged, report.rejected.length)}</p>
      {shown.length > 0 && (
        <details open>
          <summary>{S.rejectedTitle}</summary>
          <ul>
            {shown.map((r) => (
              <li key={r.index}>
                {S.rejectedEntry(r.index, r.url)}: {r.reasons.join('; ')}
              </li>
            ))}
          </ul>
          {report.rejected.length > shown.length && <p>{S.rejectedMore(report.rejected.length - shown.length)}</p>}
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
      return S.deleted(entry.title || entry.url);
    });

  const clear = () =>
    void act(async () => {
      await store.clear();
      setConfirming(false);
      return S.cleared;
    });

  const cancelClear = () => {
    setConfirming(false);
    requestAnimationFrame(() => clearButton.current?.focus());
  };

  const exportAll = () =>
    void act(async () => {
      const { file, damaged } = await store.exportHistory();
      download(`crocus-context-history-${localDay(now().toISOString())}.json`, JSON.stringify(file, null, 2));
      return damaged > 0 ? `${S.exported(file.entries.length)} ${S.exportedDamaged(damaged)}` : S.exported(file.entries.length);
    });

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImportState({ busy: true });
    try {
      if (file.size > MAX_IMPORT_CHARS * 4) throw new ImportFormatError('the file is too large');
      const report = await store.importHistory(await file.text());
      setImportState({ busy: false, report });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setImportState({ busy: false, error: err instanceof ImportFormatError ? S.importFileRejected(reason) : S.actionFailed(reason) });
    }
    if (fileInput.current) fileInput.current.value = '';
    await act(async () => undefined);
  };

  return (
    <section id="history" aria-labelledby="history-title">
      <h2 id="history-title">{S.history}</h2>
      <p>{S.historyIntro}</p>

      {settings && (
        <div class="field-row">
          <label>
            <input type="checkbox" checked={settings.history} onChange={(e) => void onSave({ history: e.currentTarget.checked })} />{' '}
            {S.recordHistory}
          </label>
          <label>
            {S.retention}{' '}
            <select value={settings.retention} onChange={(e) => void onSave({ retention: e.currentTarget.value as Retention })}>
              {RETENTIONS.map((r) => (
                <option key={r} value={r}>
                  {S.retentions[r]}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      <div class="toolbar">
        <fieldset class="segmented">
          <legend>{S.groupBy}</legend>
          <label>
            <input type="radio" name="group-by" value="date" checked={groupBy === 'date'} onChange={() => setGroupBy('date')} /> {S.byDate}
          </label>
          <label>
            <input type="radio" name="group-by" value="site" checked={groupBy === 'site'} onChange={() => setGroupBy('site')} /> {S.bySite}
          </label>
        </fieldset>
        <button type="button" onClick={exportAll} disabled={!history}>
          {S.exportButton}
        </button>
        <div class="import">
          <label for="import-file">{S.importLabel}</label>
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
            {S.importHint}
          </p>
        </div>
      </div>

      <div aria-live="polite">
        {importState.busy && <p>{S.importing}</p>}
        {importState.error && (
          <p class="error" data-testid="import-error">
            {importState.error}
          </p>
        )}
        {importState.report && <ImportResult report={importState.report} />}
      </div>

      {failed && !history ? (
        <p class="error">{S.historyUnavailable}</p>
      ) : !history ? (
        <p>{S.historyLoading}</p>
      ) : entries.length === 0 ? (
        <p data-testid="history-empty">{S.historyEmpty}</p>
      ) : (
        <>
          <p data-testid="history-count">{S.historyCount(entries.length, sites)}</p>
          <div class="groups" data-testid="history-list">
            {groups.map((g) => (
              <section key={g.key} class="group" aria-labelledby={`group-${groupBy}-${g.key}`}>
                <h3 id={`group-${groupBy}-${g.key}`}>
                  {groupBy === 'date' ? <time dateTime={g.key}>{formatDay(g.key)}</time> : g.key}{' '}
                  <span class="group-count">({S.pagesCount(g.entries.length)})</span>
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
            <p id="clear-question">{S.clearConfirm(entries.length)}</p>
            <button type="button" class="danger" ref={confirmButton} onClick={clear}>
              {S.clearYes}
            </button>{' '}
            <button type="button" onClick={cancelClear}>
              {S.clearNo}
            </button>
          </div>
        ) : (
          <button type="button" class="danger" ref={clearButton} onClick={() => setConfirming(true)}>
            {S.clearAll}
          </button>
        ))}
    </section>
  );
}
