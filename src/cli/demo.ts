/**
 * `npm run demo`: opens the demo Facebook-like feed (test/fixtures/pages/facebook) served on loopback as
 * https://www.facebook.com/ in headless Chromium with the built extension (.output/chrome-mv3) and its bundled
 * database, expands a "Xem thêm" post and loads more comments, then prints what the extension flagged, post by post
 * (verdict from the page's warning hosts, family and indicator words from the background's tab state), and saves a
 * screenshot. Nothing leaves the machine: the only server is the local fixture server.
 *
 *   npm run demo                 # Vietnamese UI
 *   npm run demo -- --lang=en    # English UI
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleDatabase } from '@/src/patterns';
import { FeedPage, patchSettings, readTabState, type StoredFindings } from '@/test/e2e/content-pages';
import { CHROMIUM_PATH, EXTENSION_DIR, FIXTURE_PAGES, ROOT, launchExtension, startTlsFixtureServer, waitFor } from '@/test/e2e/harness';

interface PageItem {
  postId: string;
  commentId: string | null;
  author: string;
  snippet: string;
  verdict: string | null;
}

/** Runs in the page: each post and comment with its warning host's data-verdict (all the page can see of ours). */
const READ_PAGE_ITEMS = `(() => {
  const text = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const verdictOf = (root, inComment) =>
    [...root.querySelectorAll('canhgiac-warning')].find((w) => (w.closest('[data-fixture-comment]') ?? null) === inComment)?.getAttribute('data-verdict') ?? null;
  const out = [];
  for (const wrapper of document.querySelectorAll('[data-fixture-post]')) {
    const message = wrapper.querySelector('[data-ad-preview=message] div[dir=auto]');
    const shared = wrapper.querySelector('.xshared div[dir=auto]');
    const alt = wrapper.querySelector('img[alt]')?.getAttribute('alt') ?? '';
    out.push({ postId: wrapper.getAttribute('data-fixture-post'), commentId: null, author: text(wrapper.querySelector('h4')),
      snippet: text(message) || text(shared) || alt, verdict: verdictOf(wrapper, null) });
    for (const comment of wrapper.querySelectorAll('[data-fixture-comment]')) {
      out.push({ postId: wrapper.getAttribute('data-fixture-post'), commentId: comment.getAttribute('data-fixture-comment'),
        author: text(comment.querySelector('a')), snippet: text(comment.querySelector('div[dir=auto]')), verdict: verdictOf(comment, comment) });
    }
  }
  return out;
})()`;

const language = process.argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length) === 'en' ? 'en' : 'vi';
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium not found at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` (npm run demo does it).`);
    process.exit(1);
  }
  const families = Object.fromEntries(assembleDatabase().families.map((f) => [f.id, f.name[language]]));
  const server = await startTlsFixtureServer(join(FIXTURE_PAGES, 'facebook'));
  const session = await launchExtension({ facebookPort: server.port });
  try {
    await patchSettings(session, { language });
    const feed = new FeedPage(await session.context.newPage());
    await feed.page.setViewportSize({ width: 900, height: 1400 });
    await feed.open('https://www.facebook.com', '?initial=10&virtualize=0');
    console.log(`Opened https://www.facebook.com/ (fixture served on 127.0.0.1:${server.port}) with the extension from ${EXTENSION_DIR}`);
    await waitFor(async () => (await feed.mountedPosts()).some((p) => p.warning), 30_000, 'the first warning (engine compiled by the background)');
    await feed.expandSeeMore('p-see-more');
    await feed.loadComments('p-pho');
    await feed.page.waitForTimeout(1_500);

    // What the page shows: the warning hosts (only their data-verdict is visible to the page).
    // (Passed as source text: tsx would wrap named functions in a helper that does not exist in the page.)
    const items = (await feed.page.evaluate(READ_PAGE_ITEMS)) as PageItem[];

    // What the background knows (the popup and badge read the same): families and indicators per flagged item.
    const tabId = await session.tabIdOf(feed.page);
    const state = await waitFor(async () => {
      const s = await readTabState(session, tabId);
      return s.findings && s.findings.items.length >= items.filter((i) => i.verdict).length ? s : null;
    }, 10_000, 'the tab state in the background');
    const findings = state.findings as StoredFindings;
    const findingFor = (item: PageItem) => {
      const probe = collapse(item.snippet).slice(0, 40);
      return findings.items.find((f) => probe && collapse(f.excerpt).includes(probe));
    };

    console.log(`\nTab verdict: ${findings.verdict}   badge: "${state.badge}"   flagged items: ${findings.items.length}\n`);
    let n = 0;
    for (const item of items) {
      const label = item.commentId ? `   └ comment ${item.commentId}` : `#${++n} ${item.postId}`;
      const head = `${label.padEnd(28)} ${item.author.slice(0, 28).padEnd(30)}`;
      if (!item.verdict) {
        console.log(`${head} ✓ no warning   “${item.snippet.slice(0, 60)}${item.snippet.length > 60 ? '…' : ''}”`);
        continue;
      }
      const finding = findingFor(item);
      const family = finding?.categories.filter((c) => c !== 'generic').map((c) => families[c] ?? c).join(', ') || '—';
      const words = [...new Set(finding?.indicators.map((i) => collapse(i.match)) ?? [])].slice(0, 6).map((w) => `“${w}”`).join(', ');
      console.log(`${head} ⚠ ${item.verdict.toUpperCase().padEnd(10)} ${family}`);
      console.log(`${' '.repeat(30)}   signs: ${words || '(see the page)'}`);
    }

    const outDir = join(ROOT, '.output/demo');
    mkdirSync(outDir, { recursive: true });
    const shot = join(outDir, `demo-feed-${language}.png`);
    await feed.page.screenshot({ path: shot, fullPage: true, caret: 'initial' });
    console.log(`\nScreenshot: ${shot}`);
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
