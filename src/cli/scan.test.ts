import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEngine, scanItem } from '../engine/index.ts';
import { MINI_DATABASE } from '../engine/mini-database.fixture.ts';
import { extractHtml } from './scan.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
let dir = '';
let dbFile = '';

function runScan(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'src/cli/scan.ts'), ...args], { cwd: ROOT, input: input ?? '', encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scan-cli-'));
  dbFile = join(dir, 'db.json');
  writeFileSync(dbFile, JSON.stringify(MINI_DATABASE));
});
afterAll(() => {
  // the temp dir is left to the OS; it only holds small fixtures
});

const ITEMS = [
  { id: 'a', text: 'Việc nhẹ lương cao! Nạp tiền 200k để nhận đơn, kết bạn Zalo với mình nhé.' },
  { id: 'b', text: 'Chúc mừng sinh nhật bạn nhé!' },
  { id: 'c', text: 'Cập nhật thông tin', links: ['https://xn--vietcombnk-5ng.com/'] },
  { id: 7, text: 'Truy cập vietcombank-xacminh.com để xác minh.' },
];

interface JsonlResult {
  id: string;
  verdict: string;
  score: number;
  categories: string[];
  indicators: { patternId: string; category: string; start?: number; end?: number; match: string }[];
}

describe('scan CLI', () => {
  it('--jsonl round trip matches the engine in-process', () => {
    const input = ITEMS.map((i) => JSON.stringify(i)).join('\n') + '\n';
    const r = runScan(['--db', dbFile, '--jsonl', '-'], input);
    expect(r.stderr).toBe('');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonlResult);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c', '7']);
    const engine = compileEngine(MINI_DATABASE);
    ITEMS.forEach((item, k) => {
      const out = lines[k];
      const v = scanItem(engine, { text: item.text, ...(item.links ? { links: item.links } : {}) });
      expect(out?.verdict).toBe(v.verdict);
      expect(out?.score).toBe(v.score);
      expect(out?.categories).toEqual(v.categories);
      expect(out?.indicators.map((i) => i.patternId)).toEqual(v.indicators.map((i) => i.patternId));
      for (const ind of out?.indicators ?? []) {
        if (ind.start !== undefined) expect(item.text.slice(ind.start, ind.end)).toBe(ind.match);
      }
    });
    expect(lines.map((l) => l.verdict)).toEqual(['scam', 'clean', 'scam', 'suspicious']);
    expect(lines[2]?.indicators[0]).toEqual({ patternId: 'idn-homograph:vietcombank', category: 'bank-phishing', match: 'https://xn--vietcombnk-5ng.com/' });
  });

  it('--phrases adds custom patterns', () => {
    const phrases = join(dir, 'phrases.txt');
    writeFileSync(phrases, '# my list\nquà tặng bí mật\n\n  hoàn tiền gấp đôi \n');
    const r = runScan(['--db', dbFile, '--phrases', phrases, '--jsonl'], JSON.stringify({ id: 'x', text: 'Nhận QUA TANG BI MAT ngay' }));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as JsonlResult;
    expect(out.verdict).toBe('suspicious');
    expect(out.indicators).toEqual([{ patternId: 'custom-1', category: 'custom', start: 5, end: 20, match: 'QUA TANG BI MAT' }]);
  });

  it('a bad line is reported with its number, the rest is scanned, exit 2', () => {
    const input = [JSON.stringify(ITEMS[0]), '{not json', JSON.stringify({ id: 'n', text: 42 }), '', JSON.stringify(ITEMS[1])].join('\n');
    const r = runScan(['--db', dbFile, '--jsonl'], input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^line 2: not valid JSON/m);
    expect(r.stderr).toMatch(/^line 3: "text" must be a string/m);
    expect(r.stderr).toMatch(/2 of 4 lines were bad/);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as JsonlResult).id)).toEqual(['a', 'b']);
  });

  it('an invalid database is a clear error, exit 1', () => {
    const bad = join(dir, 'bad-db.json');
    writeFileSync(bad, JSON.stringify({ ...MINI_DATABASE, patterns: [{ ...MINI_DATABASE.patterns[0], family: 'nope' }] }));
    const r = runScan(['--db', bad, '--jsonl'], JSON.stringify(ITEMS[0]));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/invalid database .*bad-db\.json/);
    expect(r.stderr).toMatch(/unknown family "nope"/);
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{');
    const r2 = runScan(['--db', notJson, '--jsonl'], JSON.stringify(ITEMS[0]));
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/not valid JSON/);
  });

  it.each([
    [['--db', '/nonexistent/db.json', '-'], /cannot read database/],
    [['--nope'], /Unknown option/],
    [['--lang', 'fr', '-'], /--lang must be vi or en/],
    [['/nonexistent/input.txt'], /cannot read \/nonexistent\/input\.txt: ENOENT/],
  ])('bad input %j → exit 1', (args, message) => {
    const r = runScan(args, 'text');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it('scans an HTML file: title and text, hrefs as links, scripts and styles dropped', () => {
    const html = join(dir, 'page.html');
    writeFileSync(
      html,
      `<!doctype html><html><head><title>Việc nhẹ lương cao</title><style>.x{content:"nạp tiền"}</style>
      <script>var s = "nạp tiền làm nhiệm vụ";</script></head>
      <body><p>Liên hệ &amp; đăng ký <a href="https://vietcombamk.com/login?a=1&amp;b=2">tại đây</a></p></body></html>`,
    );
    const r = runScan(['--db', dbFile, '--lang', 'en', html]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/page\.html: SCAM/);
    expect(r.stdout).toMatch(/“Việc nhẹ lương cao” at 0–18 — job-easy-work/);
    expect(r.stdout).toMatch(/“https:\/\/vietcombamk\.com\/login\?a=1&b=2” in a link — lookalike:vietcombank/);
    expect(r.stdout).not.toMatch(/job-deposit|job-task-topup/);
    expect(r.stdout).toMatch(/Advice: /);
  });

  it('scans a plain text file into a readable report', () => {
    const txt = join(dir, 'post.txt');
    writeFileSync(txt, 'Chúc mừng năm mới cả nhà!');
    const r = runScan(['--db', dbFile, txt]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/post\.txt: CLEAN \(score 0\)/);
    expect(r.stdout).toMatch(/Indicators \(0\):/);
  });
});

describe('extractHtml', () => {
  it('keeps visible text, decodes entities, collects hrefs', () => {
    const { text, links } = extractHtml(
      '<title>A &amp; B</title><!-- hidden --><p>Xin&nbsp;chào</p><a href=\'https://x.vn/\'>x</a><a href="#top">top</a><a href=https://y.vn>y</a>',
    );
    expect(text).toBe('A & B\nXin chào\nx top y');
    expect(links).toEqual(['https://x.vn/', 'https://y.vn']);
  });
});

describe('stdin that arrives in pieces, after the CLI started reading', () => {
  it('reads it all (readFileSync(0) failed with EAGAIN on such a pipe)', async () => {
    const child = spawn(TSX, [join(ROOT, 'src/cli/scan.ts'), '--db', dbFile, '--jsonl', '-'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => {}); // a CLI that quits early closes the pipe: the test fails on its output, not on EPIPE
    const line = `${JSON.stringify({ id: 'x', text: 'Việc nhẹ lương cao, nạp tiền 200k' })}\n`;
    let sent = 0;
    const write = (): void => {
      while (sent < 2000) {
        sent++;
        if (!child.stdin.write(line)) {
          child.stdin.once('drain', write);
          return;
        }
      }
      child.stdin.end();
    };
    setTimeout(write, 1500);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(/EAGAIN/);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(2000);
  }, 30_000);
});
