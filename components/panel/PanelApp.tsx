/** The side panel app (native side panel / sidebar, and later the in-page overlay). */
export function PanelApp() {
  return (
    <main aria-labelledby="panel-title">
      <h1 id="panel-title">Crocus Context</h1>
      <p>The Crocus City Hall attack, 22 March 2024: attributions, timeline and conflicting claims.</p>
    </main>
  );
}
