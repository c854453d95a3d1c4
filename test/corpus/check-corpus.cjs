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
// The fresh files (split "fresh") were written later, blind to the patterns and to the other corpus texts; report them separately.
const files = [['scam', 'family', ['dev', 'holdout']], ['benign', 'kind', ['dev', 'holdout']], ['scam-fresh', 'family', ['fresh']], ['benign-fresh', 'kind', ['fresh']], ['scam-blind', 'family', ['blind']], ['benign-blind', 'kind', ['blind']], ['scam-blind2', 'family', ['blind2']], ['benign-blind2', 'kind', ['blind2']], ['scam-tune3', 'family', ['tune3']], ['benign-tune3', 'kind', ['tune3']], ['scam-blind3', 'family', ['blind3']], ['benign-blind3', 'kind', ['blind3']], ['scam-tune4', 'family', ['tune4']], ['benign-tune4', 'kind', ['tune4']], ['benign-tune5', 'kind', ['tune5']], ['scam-tune6', 'family', ['tune6']], ['scam-tune7', 'family', ['tune7']], ['benign-tune7', 'kind', ['tune7']], ['benign-tune8', 'kind', ['tune8']], ['scam-blind4', 'family', ['blind4']], ['benign-blind4', 'kind', ['blind4']], ['scam-tune9', 'family', ['tune9']], ['benign-tune9', 'kind', ['tune9']], ['scam-tune10', 'family', ['tune10']], ['benign-tune10', 'kind', ['tune10']], ['scam-tune11', 'family', ['tune11']], ['benign-tune11', 'kind', ['tune11']], ['scam-tune12', 'family', ['tune12']], ['benign-tune12', 'kind', ['tune12']], ['scam-blind5', 'family', ['blind5']], ['benign-blind5', 'kind', ['blind5']], ['scam-tune13', 'family', ['tune13']], ['benign-tune13', 'kind', ['tune13']], ['scam-blind6', 'family', ['blind6']], ['benign-blind6', 'kind', ['blind6']], ['benign-tune14', 'kind', ['tune14']], ['scam-tune15', 'family', ['tune15']], ['benign-tune15', 'kind', ['tune15']], ['scam-blind7', 'family', ['blind7']], ['benign-blind7', 'kind', ['blind7']], ['scam-tune16', 'family', ['tune16']], ['benign-tune16', 'kind', ['tune16']], ['scam-blind8', 'family', ['blind8']], ['benign-blind8', 'kind', ['blind8']], ['scam-tune17', 'family', ['tune17']], ['benign-tune17', 'kind', ['tune17']], ['scam-blind9', 'family', ['blind9']], ['benign-blind9', 'kind', ['blind9']], ['scam-tune18', 'family', ['tune18']], ['benign-tune18', 'kind', ['tune18']], ['scam-tune19', 'family', ['tune19']], ['benign-tune19', 'kind', ['tune19']], ['scam-blind10', 'family', ['blind10']], ['benign-blind10', 'kind', ['blind10']], ['scam-tune20', 'family', ['tune20']], ['benign-tune20', 'kind', ['tune20']], ['scam-tune21', 'family', ['tune21']], ['benign-tune21', 'kind', ['tune21']], ['scam-blind11', 'family', ['blind11']], ['benign-blind11', 'kind', ['blind11']], ['scam-blind12', 'family', ['blind12']], ['benign-blind12', 'kind', ['blind12']], ['scam-tune22', 'family', ['tune22']], ['benign-tune22', 'kind', ['tune22']], ['scam-tune23', 'family', ['tune23']], ['benign-tune23', 'kind', ['tune23']], ['scam-tune24', 'family', ['tune24']], ['benign-tune24', 'kind', ['tune24']], ['scam-tune25', 'family', ['tune25']], ['benign-tune25', 'kind', ['tune25']], ['benign-tune26', 'kind', ['tune26']], ['scam-blind13', 'family', ['blind13']], ['benign-blind13', 'kind', ['blind13']], ['scam-blind14', 'family', ['blind14']], ['benign-blind14', 'kind', ['blind14']], ['scam-tune27', 'family', ['tune27']], ['benign-tune27', 'kind', ['tune27']], ['scam-tune28', 'family', ['tune28']], ['benign-tune28', 'kind', ['tune28']], ['scam-blind15', 'family', ['blind15']], ['benign-blind15', 'kind', ['blind15']], ['scam-blind16', 'family', ['blind16']], ['benign-blind16', 'kind', ['blind16']], ['scam-tune29', 'family', ['tune29']], ['benign-tune29', 'kind', ['tune29']], ['scam-tune30', 'family', ['tune30']], ['benign-tune30', 'kind', ['tune30']], ['benign-tune31', 'kind', ['tune31']], ['scam-blind17', 'family', ['blind17']], ['benign-blind17', 'kind', ['blind17']], ['scam-blind18', 'family', ['blind18']], ['benign-blind18', 'kind', ['blind18']], ['scam-tune32', 'family', ['tune32']], ['benign-tune32', 'kind', ['tune32']], ['scam-blind19', 'family', ['blind19']], ['benign-blind19', 'kind', ['blind19']], ['scam-blind20', 'family', ['blind20']], ['benign-blind20', 'kind', ['blind20']], ['scam-tune33', 'family', ['tune33']], ['benign-tune33', 'kind', ['tune33']], ['scam-tune34', 'family', ['tune34']], ['benign-tune34', 'kind', ['tune34']], ['scam-blind21', 'family', ['blind21']], ['benign-blind21', 'kind', ['blind21']], ['scam-tune35', 'family', ['tune35']], ['benign-tune35', 'kind', ['tune35']], ['scam-tune36', 'family', ['tune36']], ['benign-tune36', 'kind', ['tune36']], ['scam-blind22', 'family', ['blind22']], ['benign-blind22', 'kind', ['blind22']], ['scam-tune37', 'family', ['tune37']], ['benign-tune37', 'kind', ['tune37']], ['scam-tune38', 'family', ['tune38']], ['benign-tune38', 'kind', ['tune38']], ['scam-blind23', 'family', ['blind23']], ['benign-blind23', 'kind', ['blind23']], ['scam-tune39', 'family', ['tune39']], ['benign-tune39', 'kind', ['tune39']], ['scam-tune40', 'family', ['tune40']], ['benign-tune40', 'kind', ['tune40']], ['scam-blind24', 'family', ['blind24']], ['benign-blind24', 'kind', ['blind24']], ['scam-tune41', 'family', ['tune41']], ['benign-tune41', 'kind', ['tune41']], ['scam-blind25', 'family', ['blind25']], ['benign-blind25', 'kind', ['blind25']], ['scam-tune42', 'family', ['tune42']], ['benign-tune42', 'kind', ['tune42']], ['scam-blind26', 'family', ['blind26']], ['benign-blind26', 'kind', ['blind26']], ['scam-tune43', 'family', ['tune43']], ['benign-tune43', 'kind', ['tune43']], ['scam-blind27', 'family', ['blind27']], ['benign-blind27', 'kind', ['blind27']], ['scam-tune44', 'family', ['tune44']], ['benign-tune44', 'kind', ['tune44']]];
const only = process.argv[2];
for (const [file, grp, splits] of files) {
  if (only && file !== only) continue;
  if (!fs.existsSync(`test/corpus/${file}.jsonl`)) { console.log('missing', file); bad++; continue; }
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
