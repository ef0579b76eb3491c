/** Options page: settings, the reader's local history, the claims met, and the storage status. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import type { Settings } from '@/lib/settings';
import { StorageError } from '@/lib/storage/errors';
import type { ReadResult, StorageStatus } from '@/lib/storage/history';
import { ClaimsSection } from './ClaimsSection';
import type { OptionsDeps } from './deps';
import { HistorySection } from './HistorySection';
import { SettingsSection } from './SettingsSection';
import { StorageSection } from './StorageSection';

export type { OptionsDeps } from './deps';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const { store } = deps;
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [history, setHistory] = useState<ReadResult | undefined>(undefined);
  const [historyFailed, setHistoryFailed] = useState(false);
  const [status, setStatus] = useState<StorageStatus>(store.status());
  const [background, setBackground] = useState<StorageStatus | undefined>(undefined);
  const [notice, setNotice] = useState('');

  const reload = useCallback(async () => {
    try {
      setHistory(await store.readAll());
      setHistoryFailed(false);
    } catch (err) {
      // The status section explains StorageErrors; anything else is logged.
      if (!(err instanceof StorageError)) console.error('crocus options: reading the history failed', err);
      setHistoryFailed(true);
    }
  }, [store]);

  const refreshBackground = useCallback(async () => {
    try {
      setBackground(await deps.backgroundStatus?.());
    } catch {
      setBackground(undefined);
    }
  }, [deps]);

  useEffect(() => {
    let alive = true;
    void deps.settings.load().then((s) => alive && setSettings(s));
    const unwatch = deps.settings.watch((s) => setSettings(s));
    const unstatus = store.onStatus(setStatus);
    void reload();
    void refreshBackground();
    // Pages recorded while this page was in the background show up when the reader comes back to it.
    const onFocus = () => {
      void reload();
      void refreshBackground();
    };
    window.addEventListener('focus', onFocus);
    return () => {
      alive = false;
      unwatch();
      unstatus();
      window.removeEventListener('focus', onFocus);
    };
  }, [deps, store, reload, refreshBackground]);

  /** Runs a storage action, then re-reads the history; failures go to the live region (the status section says more). */
  const act = useCallback(
    async (action: () => Promise<string | undefined>) => {
      try {
        const done = await action();
        if (done) setNotice(done);
      } catch (err) {
        setNotice(t('options_action_failed', message(err)));
      }
      await reload();
    },
    [reload],
  );

  const saveSettings = useCallback(
    async (patch: Partial<Settings>) => {
      try {
        setSettings(await deps.settings.save(patch));
        setNotice(t('options_settings_saved'));
        // A shorter retention applies at once here too (the background also prunes when the setting changes).
        if (patch.retention) await act(async () => (await store.prune(patch.retention!), undefined));
        return true;
      } catch (err) {
        setNotice(t('options_settings_failed', message(err)));
        return false;
      }
    },
    [deps, store, act],
  );

  return (
    <>
      <header class="page-header">
        <h1>{t('options_title')}</h1>
        <p>{t('options_intro')}</p>
        <nav aria-label={t('options_nav_label')}>
          <ul class="toc">
            <li><a href="#settings">{t('options_settings')}</a></li>
            <li><a href="#history">{t('options_history')}</a></li>
            <li><a href="#claims">{t('options_claims')}</a></li>
            <li><a href="#storage">{t('options_storage')}</a></li>
          </ul>
        </nav>
      </header>
      <main>
        <p role="status" aria-live="polite" class="notice" data-testid="notice">
          {notice}
        </p>
        <SettingsSection settings={settings} onSave={saveSettings} />
        <HistorySection
          settings={settings}
          history={history}
          failed={historyFailed}
          store={store}
          act={act}
          onSave={saveSettings}
          download={deps.download}
          now={deps.now}
        />
        <ClaimsSection entries={history?.entries} knowledge={deps.knowledge} />
        <StorageSection status={status} background={background} damaged={history?.damaged ?? []} store={store} act={act} />
      </main>
    </>
  );
}
