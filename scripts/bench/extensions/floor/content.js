// The floor: what any scanner must at least do. Reads the data of every text node once (TreeWalker over the body),
// and the text of nodes added later (MutationObserver), and nothing else. No DOM writes, no messages.
(() => {
  let total = 0;
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) total += node.data.length;
  };
  if (document.body) walk(document.body);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) total += node.data.length;
        else if (node.nodeType === Node.ELEMENT_NODE) walk(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  // Keep the result reachable so no engine can skip the reads.
  globalThis.__benchFloorChars = total;
})();
