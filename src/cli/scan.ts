/**
 * `npm run scan -- [--db FILE] [--phrases FILE] [--jsonl] [--url URL] [--lang vi|en] [FILE|-]`
 *
 * Scans a text or HTML file (or stdin) with the detection engine and prints a readable report; with `--jsonl`, reads
 * one JSON object per line (`{"id","text","links"?,"url"?}`) and prints one result per line
 * (`{"id","verdict","score","categories","indicators":[{"patternId","category","start","end","match"}]}`; start/end
 * are UTF-16 offsets into `text`, absent for indicators that came from `links`/`url`).
 *
 * Exit codes: 0 done; 1 nothing was scanned (bad options, unreadable file, invalid database); 2 with `--jsonl` when at
 * least one line was bad: every bad line is reported on stderr with its line number, the other lines are still
 * scanned and printed, and the exit code says the output is incomplete.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compileEngine, scanItem, type DatabaseSource, type Engine, type ScanInput, type Verdict } from '../engine/index.ts';

const USAGE = `Usage: npm run scan -- [--db FILE] [--phrases FILE] [--jsonl] [--url URL] [--lang vi|en] [FILE|-]
  FILE|-          a .txt or .html file, or - (default) for stdin
  --db FILE       a pattern database in source format (replaces the bundled one)
  --phrases FILE  newline-separated phrases to flag as "custom" (lines starting with # are comments)
  --jsonl         input is JSON lines {"id","text","links"?,"url"?}; output is one JSON result per line
  --url URL       the page URL of a single text/HTML input (checked like a link)
  --lang vi|en    language of the messages in the readable report (default vi)`;

class UsageError extends Error {}

/** All of stdin, read as a stream: `readFileSync(0)` fails with EAGAIN when stdin is a pipe set non-blocking (a large
 *  input piped through `npm run`). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') {
    if (process.stdin.isTTY) throw new UsageError('no input: give a FILE or pipe text into stdin');
    return readStdin();
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function loadDatabase(dbFile: string | undefined): Promise<DatabaseSource> {
  if (dbFile !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(dbFile, 'utf8'));
    } catch (err) {
      const reason = err instanceof SyntaxError ? `not valid JSON (${err.message})` : ((err as NodeJS.ErrnoException).code ?? String(err));
      throw new UsageError(`cannot read database ${dbFile}: ${reason}`);
    }
    let schema: unknown;
    try {
      schema = await import(new URL('../patterns/database-schema.ts', import.meta.url).href);
    } catch {
      throw new UsageError('cannot validate --db: src/patterns/database-schema.ts is missing');
    }
    const parse = isRecord(schema) ? schema['parseDatabaseSource'] : undefined;
    if (typeof parse !== 'function') throw new UsageError('cannot validate --db: parseDatabaseSource is not exported');
    const result: unknown = parse(json);
    if (isRecord(result) && result['ok'] === true && isRecord(result['db'])) return result['db'] as unknown as DatabaseSource;
    const errors = isRecord(result) && Array.isArray(result['errors']) ? result['errors'].map(String) : ['unknown error'];
    throw new UsageError(`invalid database ${dbFile}:\n  ${errors.slice(0, 20).join('\n  ')}${errors.length > 20 ? `\n  … ${errors.length - 20} more` : ''}`);
  }
  let patterns: unknown;
  try {
    patterns = await import(new URL('../patterns/index.ts', import.meta.url).href);
  } catch (err) {
    throw new UsageError(`the bundled database (src/patterns/index.ts) cannot be loaded (${String(err)}); pass --db FILE`);
  }
  const assemble = isRecord(patterns) ? patterns['assembleDatabase'] : undefined;
  if (typeof assemble !== 'function') throw new UsageError('src/patterns/index.ts does not export assembleDatabase(); pass --db FILE');
  return (await assemble()) as DatabaseSource;
}

function readPhrases(file: string | undefined): string[] {
  if (file === undefined) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read phrases ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16) || 0xfffd);
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10) || 0xfffd);
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** HTML → the text a reader sees (title first), and the link targets. Scripts, styles and comments are dropped. */
export function extractHtml(html: string): { text: string; links: string[] } {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(cleaned)?.[1] ?? '';
  const links: string[] = [];
  for (const m of cleaned.matchAll(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const href = decodeEntities((m[1] ?? m[2] ?? m[3] ?? '').trim());
    if (href !== '' && !href.startsWith('#')) links.push(href);
  }
  const body = cleaned
    .replace(/<title\b[^>]*>[\s\S]*?<\/title\s*>/i, ' ')
    .replace(/<\/?(br|p|div|li|tr|h[1-6]|section|article|header|footer|blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ');
  const text = [decodeEntities(title), decodeEntities(body)]
    .join('\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();
  return { text, links };
}

function formatReport(name: string, input: ScanInput, verdict: Verdict, engine: Engine, lang: 'vi' | 'en'): string {
  const lines: string[] = [];
  lines.push(`${name}: ${verdict.verdict.toUpperCase()} (score ${verdict.score})`);
  const families = verdict.categories.map((id) => {
    const f = Object.hasOwn(engine.families, id) ? engine.families[id] : undefined;
    return f ? `${id} (${f.name[lang]})` : id;
  });
  lines.push(`Families: ${families.length > 0 ? families.join(', ') : '—'}`);
  if (verdict.warningContext) lines.push('Reads as a warning/news about scams: score lowered.');
  if (verdict.allowlisted.length > 0) lines.push(`Allowlisted: ${verdict.allowlisted.join(', ')}`);
  if (input.links && input.links.length > 0) lines.push(`Links: ${input.links.length}`);
  lines.push(`Indicators (${verdict.indicators.length}):`);
  verdict.indicators.forEach((ind, i) => {
    const where = ind.start !== undefined ? `at ${ind.start}–${ind.end ?? ind.start}` : 'in a link';
    lines.push(`  ${i + 1}. “${ind.match}” ${where} — ${ind.patternId} [${ind.family} · ${ind.signal} · ${ind.weight}]`);
    lines.push(`     ${ind.message[lang]}`);
  });
  const top = verdict.categories[0];
  const advice = top && Object.hasOwn(engine.families, top) ? engine.families[top]?.advice[lang] : undefined;
  if (verdict.verdict !== 'clean' && advice) lines.push(`Advice: ${advice}`);
  return lines.join('\n');
}

function readJsonlItem(line: string): { id: string; input: ScanInput } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new Error(`not valid JSON (${(err as Error).message})`);
  }
  if (!isRecord(value)) throw new Error('not a JSON object');
  const { id, text, links, url } = value;
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('"id" must be a string or number');
  if (typeof text !== 'string') throw new Error('"text" must be a string');
  if (links !== undefined && !(Array.isArray(links) && links.every((l) => typeof l === 'string'))) {
    throw new Error('"links" must be an array of strings');
  }
  if (url !== undefined && typeof url !== 'string') throw new Error('"url" must be a string');
  const input: ScanInput = { text };
  if (links !== undefined) input.links = links as string[];
  if (url !== undefined) input.url = url;
  return { id: String(id), input };
}

export function formatJsonlResult(id: string, verdict: Verdict): string {
  return JSON.stringify({
    id,
    verdict: verdict.verdict,
    score: verdict.score,
    categories: verdict.categories,
    indicators: verdict.indicators.map((ind) => ({
      patternId: ind.patternId,
      category: ind.family,
      ...(ind.start !== undefined ? { start: ind.start, end: ind.end } : {}),
      match: ind.match,
    })),
  });
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        phrases: { type: 'string' },
        jsonl: { type: 'boolean', default: false },
        url: { type: 'string' },
        lang: { type: 'string', default: 'vi' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`one input at a time (got ${positionals.length})`);
  const lang = values.lang;
  if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang must be vi or en (got ${lang ?? ''})`);
  if (values.jsonl && values.url !== undefined) throw new UsageError('--url applies to a single text/HTML input, not --jsonl');

  const file = positionals[0];
  const raw = await readInput(file);
  const db = await loadDatabase(values.db);
  const engine = compileEngine(db, { extraPhrases: readPhrases(values.phrases) });
  const unusable = engine.skipped.filter((p) => !p.reason.startsWith('expired'));
  if (unusable.length > 0) {
    const listed = unusable.slice(0, 5).map((p) => `  ${p.id}: ${p.reason}`);
    process.stderr.write(
      `scan: note: ${unusable.length} pattern(s) left out of the engine:\n${listed.join('\n')}${unusable.length > 5 ? `\n  … ${unusable.length - 5} more` : ''}\n`,
    );
  }

  if (!values.jsonl) {
    const isHtml = (file !== undefined && /^\.html?$/i.test(extname(file))) || /^\s*(<!doctype html|<html)/i.test(raw);
    const input: ScanInput = isHtml ? extractHtml(raw) : { text: raw };
    if (values.url !== undefined) input.url = values.url;
    const verdict = scanItem(engine, input);
    process.stdout.write(formatReport(file ?? 'stdin', input, verdict, engine, lang) + '\n');
    return 0;
  }

  const lines = raw.split(/\r?\n/);
  let bad = 0;
  let total = 0;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    total++;
    try {
      const { id, input } = readJsonlItem(line);
      out.push(formatJsonlResult(id, scanItem(engine, input)));
    } catch (err) {
      bad++;
      process.stderr.write(`line ${i + 1}: ${(err as Error).message}\n`);
    }
  });
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  if (bad > 0) process.stderr.write(`${bad} of ${total} lines were bad\n`);
  return bad > 0 ? 2 : 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError) process.stderr.write(`scan: ${err.message}\n${err.message.startsWith('no input') ? USAGE + '\n' : ''}`);
      else process.stderr.write(`scan: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
