/** Settings: global on/off, highlight style, and the sites where the extension stays off. */
import { useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_STYLES, normaliseSite, type Settings } from '@/lib/settings';
import { S } from './strings';

interface Props {
  settings: Settings | undefined;
  onSave: (patch: Partial<Settings>) => Promise<boolean>;
}

export function SettingsSection({ settings, onSave }: Props) {
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const addSite = async (e: Event) => {
    e.preventDefault();
    if (!settings) return;
    const normal = normaliseSite(site);
    if (!normal) {
      setSiteError(S.badSite(site.trim()));
      input.current?.focus();
      return;
    }
    setSiteError('');
    if (await onSave({ disabledSites: [...settings.disabledSites, normal] })) setSite('');
  };

  const removeSite = async (target: string, index: number) => {
    if (!settings) return;
    await onSave({ disabledSites: settings.disabledSites.filter((s) => s !== target) });
    // Keep keyboard focus in the list: on the next remove button, else the input.
    requestAnimationFrame(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>('#site-list button');
      (buttons[Math.min(index, buttons.length - 1)] ?? input.current)?.focus();
    });
  };

  return (
    <section id="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{S.settings}</h2>
      {settings && (
        <>
          <div class="field">
            <label>
              <input
                type="checkbox"
                checked={settings.enabled}
                aria-describedby="enabled-hint"
                onChange={(e) => void onSave({ enabled: e.currentTarget.checked })}
              />{' '}
              {S.enabled}
            </label>
            <p id="enabled-hint" class="hint">{S.enabledHint}</p>
          </div>

          <fieldset>
            <legend>{S.highlightStyle}</legend>
            {HIGHLIGHT_STYLES.map((style) => (
              <label key={style} class="choice">
                <input
                  type="radio"
                  name="highlight-style"
                  value={style}
                  checked={settings.highlightStyle === style}
                  onChange={() => void onSave({ highlightStyle: style })}
                />{' '}
                {S.styles[style]}{' '}
                <span class={`preview preview-${style}`} aria-hidden="true">
                  {S.stylePreview}
                </span>
              </label>
            ))}
          </fieldset>

          <fieldset>
            <legend>{S.sites}</legend>
            <p class="hint">{S.sitesHint}</p>
            {settings.disabledSites.length === 0 ? (
              <p>{S.noSites}</p>
            ) : (
              <ul id="site-list" class="site-list">
                {settings.disabledSites.map((s, i) => (
                  <li key={s}>
                    <span>{s}</span>{' '}
                    <button type="button" aria-label={S.removeSite(s)} onClick={() => void removeSite(s, i)}>
                      {S.remove}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form class="inline" onSubmit={(e) => void addSite(e)}>
              <label for="site-input">{S.addSiteLabel}</label>
              <input
                id="site-input"
                ref={input}
                type="text"
                inputMode="url"
                autoComplete="off"
                spellcheck={false}
                value={site}
                aria-invalid={siteError ? 'true' : undefined}
                aria-describedby={siteError ? 'site-error' : undefined}
                onInput={(e) => setSite(e.currentTarget.value)}
              />
              <button type="submit">{S.addSite}</button>
              {siteError && (
                <p id="site-error" class="error" role="alert">
                  {siteError}
                </p>
              )}
            </form>
          </fieldset>
        </>
      )}
    </section>
  );
}
