// Unit tests render in English unless a test picks another locale (tests/support/locales.ts).
import { useLocale } from './locales';

useLocale('en');
