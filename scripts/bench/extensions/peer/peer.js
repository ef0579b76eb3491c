// The peer: how most highlighters do it, with mark.js (bundled before this file at run time, together with
// `const ALIASES = [...]`, every name of every entity in the knowledge pack, and `const NAIVE = false|true`).
// Default: mark.js's fastest path for a long list, one markRegExp() with all aliases in one alternation (longest
// first, whole words, case-sensitive). NAIVE (--peer-naive): mark(ALIASES), which walks the page once per alias.
// Runs on the body once the page is idle, then on the elements the page adds later.
/* global Mark, ALIASES, NAIVE */
(() => {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sorted = [...ALIASES].sort((a, b) => b.length - a.length);
  // Whole words: no letter, digit or underscore right before or after (mark.js's "exactly" accuracy, Unicode-aware).
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sorted.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const OPTIONS = {
    separateWordSearch: false, // aliases are phrases
    accuracy: 'exactly', // whole words only
    caseSensitive: true, // "IS", "US", "RT" are aliases: case-insensitive would mark every "is" and "us"
    diacritics: false, // the aliases already carry their diacritics
    acrossElements: false,
    exclude: ['script', 'style', 'noscript', 'textarea'],
  };
  let marks = 0;
  let observer;
  const run = (context) => {
    observer?.disconnect();
    const instance = new Mark(context);
    const each = () => marks++;
    if (NAIVE) instance.mark(ALIASES, { ...OPTIONS, each });
    else instance.markRegExp(pattern, { exclude: OPTIONS.exclude, acrossElements: false, each });
    globalThis.__benchPeerMarks = marks;
    observer?.observe(document.body, { childList: true, subtree: true });
  };
  if (!document.body) return;
  run(document.body);
  // Content added later: mark the added elements, in batches (mark.js's own <mark>s are not observed).
  let pending = [];
  let timer;
  observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) pending.push(n);
    timer ??= setTimeout(() => {
      timer = undefined;
      const nodes = pending.filter((n) => n.isConnected);
      pending = [];
      if (nodes.length) run(nodes);
    }, 100);
  });
  observer.observe(document.body, { childList: true, subtree: true });
})();
