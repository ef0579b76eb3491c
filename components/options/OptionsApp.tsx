/** Options page: settings and the reader's local history. */
export function OptionsApp() {
  return (
    <main>
      <h1>Crocus Context — Options</h1>
    </main>
  );
}
