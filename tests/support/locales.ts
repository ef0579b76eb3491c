// The extension's real messages (public/_locales), served through WXT's fake browser, which has no i18n of its own:
// components under test render the text a reader sees, in the language a test picks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Messages = Record<string, { message: string }>;

const load = (lang: string) => JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Messages;

export const locales = { en: load('en'), ru: load('ru'), uk: load('uk') };

/** Serves one locale's messages through the fake browser, as the real one would for that UI language. */
export function useLocale(lang: keyof typeof locales): void {
  const messages = locales[lang];
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string | string[]) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
    },
    getUILanguage: () => lang,
  });
}
