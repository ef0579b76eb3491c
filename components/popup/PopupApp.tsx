import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/messages/send';
import { disableSite, enableSite, isSiteEnabled, loadSettings, saveSettings, type Settings } from '@/lib/settings';
import { t } from '@/lib/i18n/t';

type SidebarAction = { open(): Promise<void> };

function hostOf(url: string | undefined): string | undefined {
  try {
    const u = url ? new URL(url) : undefined;
    return u && /^https?:$/.test(u.protocol) ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Toolbar popup: the number of mentions on this tab, on/off everywhere and on this site, and the button that
 * opens the browser's own side panel (Chrome) or sidebar (Firefox).
 */
export function PopupApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [host, setHost] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    void sendToBackground({ type: 'page/context' })
      .then((ctx) => {
        setCount(ctx ? ctx.mentions.length : 0);
        setHost(hostOf(ctx?.url));
      })
      .catch(() => setCount(0));
  }, []);

  const update = (change: Promise<Settings>) =>
    change.then(setSettings, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));

  const openPanel = () => {
    // Synchronous in the click handler: both browsers only open their panel in response to a user action. The
    // popup's window by its constant, not by an id looked up when the popup opened: a click before that answer
    // came opened nothing.
    if (import.meta.env.FIREFOX) void (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction.open();
    else void browser.sidePanel.open({ windowId: browser.windows.WINDOW_ID_CURRENT });
    window.close();
  };

  const siteOn = settings && host ? isSiteEnabled({ enabled: true, disabledSites: settings.disabledSites }, host) : true;

  return (
    <main class="popup" aria-labelledby="popup-title">
      <h1 id="popup-title">{t('extName')}</h1>
      <p class="count" role="status">
        {count === null ? t('popup_counting') : count === 0 ? t('popup_no_mentions') : t('popup_mentions', String(count))}
      </p>
      {settings && (
        <fieldset>
          <legend class="visually-hidden">{t('popup_settings')}</legend>
          <label>
            <input type="checkbox" checked={settings.enabled} onChange={(e) => update(saveSettings({ enabled: e.currentTarget.checked }))} />
            {t('popup_enabled')}
          </label>
          {host && (
            <label>
              <input
                type="checkbox"
                checked={siteOn}
                disabled={!settings.enabled}
                onChange={(e) => update(e.currentTarget.checked ? enableSite(host) : disableSite(host))}
              />
              {t('popup_site_enabled', host)}
            </label>
          )}
        </fieldset>
      )}
      {error && <p role="alert">{error}</p>}
      <button type="button" class="primary" onClick={openPanel}>
        {t('popup_open_panel')}
      </button>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popup_options')}
      </button>
    </main>
  );
}
