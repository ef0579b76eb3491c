import { render } from 'preact';
import pack from 'virtual:crocus/pack';
import { PanelApp } from '@/components/panel/PanelApp';
import { openedParams, overlayKey, readPanelParams } from '@/components/panel/params';
import { OVERLAY_READY, readOpenOverlay } from '@/components/panel/overlay-messages';
import { t } from '@/lib/i18n/t';
import '@/components/panel/panel.css';

// Interface language and title follow the messages the browser picked (en, ru or uk).
const lang = t('panel_lang');
if (/^[a-z]{2,3}$/.test(lang)) document.documentElement.lang = lang;
document.title = t('extName');

const app = document.getElementById('app')!;
const initial = readPanelParams(location.search);
const show = (params = initial) => render(<PanelApp pack={pack} params={params} />, app);
show();

// The overlay is loaded ahead, hidden, and opened by its page script's message (components/panel/overlay-messages.ts).
const key = overlayKey(location.search);
if (initial.overlay && key && window.parent !== window) {
  addEventListener('message', (e) => {
    const opening = e.source === window.parent ? readOpenOverlay(e.data, key) : null;
    if (opening) show(openedParams(initial, opening));
  });
  window.parent.postMessage(OVERLAY_READY, '*');
}
