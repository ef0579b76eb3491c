// Present only so the runner can inject the content script after the page settles (chrome.scripting from here).
