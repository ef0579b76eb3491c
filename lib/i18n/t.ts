import { browser } from 'wxt/browser';

/**
 * Interface text through the browser's i18n (public/_locales/<lang>/messages.json), following the browser's
 * language, with English as the default locale. Substitutions are `$1`, `$2`, ... in the message.
 * Falls back to the key itself so a missing string shows up instead of an empty label.
 */
export function t(key: string, ...substitutions: (string | number)[]): string {
  try {
    const text = (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, substitutions.map(String));
    return text || key;
  } catch {
    return key;
  }
}

/** The browser UI language ("en", "ru", "uk", ...), for Intl date and number formats. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
