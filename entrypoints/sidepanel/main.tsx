import { render } from 'preact';
import pack from 'virtual:crocus/pack';
import { PanelApp } from '@/components/panel/PanelApp';
import { readPanelParams } from '@/components/panel/params';
import { t } from '@/lib/i18n/t';
import '@/components/panel/panel.css';

// Interface language and title follow the messages the browser picked (en, ru or uk).
const lang = t('panel_lang');
if (/^[a-z]{2,3}$/.test(lang)) document.documentElement.lang = lang;
document.title = t('extName');

render(<PanelApp pack={pack} params={readPanelParams(window.location.search)} />, document.getElementById('app')!);
