/** Settings: global on/off, highlight style, and the sites where the extension stays off. */
import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { HIGHLIGHT_STYLES, normaliseSite, type HighlightStyle, type Settings } from '@/lib/settings';

interface Props {
  settings: Settings | undefined;
  onSave: (patch: Partial<Settings>) => Promise<boolean>;
}

function styleLabel(style: HighlightStyle): string {
  switch (style) {
    case 'underline':
      return t('options_style_underline');
    case 'background':
      return t('options_style_background');
    case 'outline':
      return t('options_style_outline');
  }
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
      setSiteError(t('options_bad_site', site.trim()));
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
      <h2 id="settings-title">{t('options_settings')}</h2>
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
              {t('options_enabled')}
            </label>
            <p id="enabled-hint" class="hint">{t('options_enabled_hint')}</p>
          </div>

          <fieldset>
            <legend>{t('options_highlight_style')}</legend>
            {HIGHLIGHT_STYLES.map((style) => (
              <label key={style} class="choice">
                <input
                  type="radio"
                  name="highlight-style"
                  value={style}
                  checked={settings.highlightStyle === style}
                  onChange={() => void onSave({ highlightStyle: style })}
                />{' '}
                {styleLabel(style)}{' '}
                <span class={`preview preview-${style}`} aria-hidden="true">
                  {t('options_style_preview')}
                </span>
              </label>
            ))}
          </fieldset>

          <fieldset>
            <legend>{t('options_sites')}</legend>
            <p class="hint">{t('options_sites_hint')}</p>
            {settings.disabledSites.length === 0 ? (
              <p>{t('options_no_sites')}</p>
            ) : (
              <ul id="site-list" class="site-list">
                {settings.disabledSites.map((s, i) => (
                  <li key={s}>
                    <span>{s}</span>{' '}
                    <button type="button" aria-label={t('options_remove_site', s)} onClick={() => void removeSite(s, i)}>
                      {t('options_remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form class="inline" onSubmit={(e) => void addSite(e)}>
              <label for="site-input">{t('options_add_site_label')}</label>
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
              <button type="submit">{t('options_add_site')}</button>
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
