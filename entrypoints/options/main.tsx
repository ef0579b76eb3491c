import { render } from 'preact';
import pack from 'virtual:crocus/pack';
import { optionsLocale } from '@/components/options/format';
import { OptionsApp, type OptionsDeps } from '@/components/options/OptionsApp';
import { t } from '@/lib/i18n/t';
import { sendToBackground } from '@/lib/messages/send';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings';
import { HistoryStore, type StorageStatus } from '@/lib/storage/history';
import './style.css';

// Wiring only: the page opens the history database itself (extension origin) and asks the background about
// problems it met while recording pages.
const statements = new Map(pack.claims.map((c) => [c.id, c.statement]));

const deps: OptionsDeps = {
  store: new HistoryStore(),
  settings: { load: loadSettings, save: saveSettings, watch: watchSettings },
  backgroundStatus: async () => (await sendToBackground({ type: 'history/status' })) as StorageStatus,
  knowledge: { conflicts: pack.conflicts, statement: (id) => statements.get(id) },
};

// The page's title and language follow the messages the browser picked (public/_locales).
document.title = t('options_title');
document.documentElement.lang = optionsLocale();

render(<OptionsApp deps={deps} />, document.getElementById('app')!);
