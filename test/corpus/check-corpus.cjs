// Checks test/corpus/*.jsonl: every line parses, ids are unique, required fields and enums are valid, each labelled
// evasion is really present in the text; prints counts per family/kind and split. Run from the repo root:
//   node test/corpus/check-corpus.cjs
const fs = require('fs');
const ev = new Set(['none','no-accents','teencode','dotted','zero-width','homoglyph','leet','spaced','emoji-split','fancy-unicode','decomposed','mixed']);
const check = {
  homoglyph: (t) => /[\u0370-\u03ff\u0400-\u04ff]/.test(t),
  'zero-width': (t) => /[\u200b-\u200d\u2060\ufeff]/.test(t),
  'fancy-unicode': (t) => /[\u{1d400}-\u{1d7ff}]/u.test(t),
  decomposed: (t) => t !== t.normalize('NFC'),
  dotted: (t) => /\p{L}\.\p{L}\.\p{L}/u.test(t),
  spaced: (t) => /(?:^|\s)\p{L} \p{L} \p{L}(?:\s|$)/u.test(t),
  leet: (t) => /\p{L}[0-9@]\p{L}|\p{L}[0-9@]\b|(?:^|[^\p{L}\d])[0-9@]\p{Lu}{2,}/u.test(t),
  'no-accents': (t) => !/[\u0300-\u036fàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(t.normalize('NFC')),
};
const ids = new Set(); let bad = 0;
// Every scam*.jsonl / benign*.jsonl of this folder, derived from the names: `scam.jsonl` and `benign.jsonl` hold the
// dev and holdout splits, `<label>-<set>.jsonl` holds split <set> (fresh, tuneN, blindN); scams are grouped by family,
// honest texts by kind. A new set is checked as soon as its files exist.
const files = fs.readdirSync('test/corpus')
  .map((name) => /^(scam|benign)(?:-([a-z0-9]+))?\.jsonl$/.exec(name))
  .filter(Boolean)
  .sort((a, b) => (a[2] ?? '').localeCompare(b[2] ?? '', 'en', { numeric: true }) || a[1].localeCompare(b[1]))
  .map((m) => [m[0].slice(0, -'.jsonl'.length), m[1] === 'scam' ? 'family' : 'kind', m[2] ? [m[2]] : ['dev', 'holdout']]);
if (files.length < 2) { console.log('no corpus files found (run from the repo root)'); bad++; }
const only = process.argv[2];
for (const [file, grp, splits] of files) {
  if (only && file !== only) continue;
  const lines = fs.readFileSync(`test/corpus/${file}.jsonl`, 'utf8').split('\n').filter(Boolean);
  const by = {}, split = {}, lang = {}, eva = {};
  lines.forEach((l, i) => {
    let o; try { o = JSON.parse(l); } catch (e) { console.log(file, i + 1, 'PARSE', e.message); bad++; return; }
    for (const k of ['id', grp, 'text', 'split', 'lang', 'evasion']) if (typeof o[k] !== 'string' || !o[k]) { console.log(file, o.id, 'missing', k); bad++; }
    if (ids.has(o.id)) { console.log('dup', o.id); bad++; } ids.add(o.id);
    if (!splits.includes(o.split) || !['vi', 'en'].includes(o.lang) || !ev.has(o.evasion)) { console.log('enum', o.id); bad++; }
    if (o.links && !(Array.isArray(o.links) && o.links.every((u) => /^https?:\/\//.test(u)))) { console.log('links', o.id); bad++; }
    if (check[o.evasion] && !check[o.evasion](o.text)) { console.log('evasion not present', o.id, o.evasion); bad++; }
    const g = `${o[grp]}${o.lang === 'en' ? '(en)' : ''}`;
    by[g] = by[g] || {}; by[g][o.split] = (by[g][o.split] || 0) + 1;
    split[o.split] = (split[o.split] || 0) + 1; lang[o.lang] = (lang[o.lang] || 0) + 1; eva[o.evasion] = (eva[o.evasion] || 0) + 1;
  });
  const evaded = lines.length - (eva.none || 0);
  console.log(`\n${file}: ${lines.length} items`, JSON.stringify(split), JSON.stringify(lang), `evasion ${evaded} (${(100 * evaded / lines.length).toFixed(0)}%)`);
  console.log(' ', Object.entries(by).map(([k, v]) => `${k} ${Object.values(v).reduce((x, y) => x + y, 0)} (${splits.map((sp) => v[sp] || 0).join('/')})`).join('; '));
  console.log('  evasions', JSON.stringify(eva));
}
const pr = 'test/corpus/press-release-phu-ly-2022-10-14.txt';
const prText = fs.readFileSync(pr, 'utf8');
if (!prText.includes('giả danh Cơ quan điều tra')) { console.log('press release missing or altered'); bad++; }
console.log('problems', bad); process.exitCode = bad ? 1 : 0;
