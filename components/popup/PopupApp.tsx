import { browser } from 'wxt/browser';

/** Toolbar popup: opens the browser's own side panel (Chrome) or sidebar (Firefox) from a user click. */
export function PopupApp() {
  const openPanel = () => {
    // Must run synchronously inside the click handler: both browsers require a user gesture.
    if (import.meta.env.FIREFOX) {
      void (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    } else {
      void browser.windows.getCurrent().then((w) => browser.sidePanel.open({ windowId: w.id! }));
    }
  };
  return (
    <main>
      <h1>Crocus Context</h1>
      <button type="button" onClick={openPanel}>
        Open panel
      </button>
    </main>
  );
}
