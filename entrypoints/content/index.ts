import { sendToBackground } from '@/lib/messages/send';

// Provisional wiring (foundation): counts the venue's name and reports it to the background, which sets the
// toolbar badge. The recognizer and page adapter replace this.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const count = (document.body?.textContent?.match(/Crocus City Hall/g) ?? []).length;
    void sendToBackground({ type: 'mentions/report', count, entities: count ? ['crocus-city-hall'] : [] }).catch(() => {
      // The background may be restarting; the badge is cosmetic.
    });
  },
});
