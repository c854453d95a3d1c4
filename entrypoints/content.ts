import { startContentScript } from '@/src/content/load-content-script';

// One content script for every web page; site adapters (src/content/sites/) add Facebook's posts and comments.
// A single script avoids double injection on facebook.com and shares one scanner, one engine and one settings watch.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No window.postMessage announcing the script: nothing may reveal the extension to a page that is clean.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx);
  },
});
