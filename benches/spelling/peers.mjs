// Spelling benchmark, the peers' side: nspell + dictionary-en and harper.js on the same typo
// pairs and the same clean social text as Plume, then one side-by-side table.
// Usage: node peers.mjs <pairs.tsv> <clean-en.txt> <clean-fr.txt> <plume.json>   (run.sh installs them)
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import nspell from 'nspell';
import dictionaryEn from 'dictionary-en';
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';

const [pairsPath, enPath, frPath, plumePath] = process.argv.slice(2);
const pairs = fs.readFileSync(pairsPath, 'utf8').trim().split('\n').map((l) => l.split('\t'));
const postsOf = (path) => fs.readFileSync(path, 'utf8').split('\n\n').filter((p) => p.trim());
const tokensOf = (posts) => posts.reduce((n, p) => n + p.split(/\s+/).filter(Boolean).length, 0);
const enPosts = postsOf(enPath);
const frPosts = postsOf(frPath);
const plume = JSON.parse(fs.readFileSync(plumePath, 'utf8'));

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.round((s.length - 1) * p)] ?? 0;
};
const summary = (detected, top1, top5, micros) => ({
  pairs: pairs.length,
  recall: (100 * detected) / pairs.length,
  top1: (100 * top1) / pairs.length,
  top5: (100 * top5) / pairs.length,
  suggest_us_mean: micros.reduce((a, b) => a + b, 0) / micros.length,
  suggest_us_p50: percentile(micros, 0.5),
  suggest_us_p95: percentile(micros, 0.95),
});
const same = (a, b) => a.toLowerCase() === b.toLowerCase();

// nspell: words are what a naive integration extracts (letters and apostrophes).
const spell = nspell(dictionaryEn);
function nspellTypos() {
  let detected = 0, top1 = 0, top5 = 0;
  const micros = [];
  for (const [typo, fix] of pairs) {
    if (!spell.correct(typo)) detected++;
    const t = performance.now();
    const s = spell.suggest(typo).slice(0, 5);
    micros.push((performance.now() - t) * 1000);
    if (s[0] && same(s[0], fix)) top1++;
    if (s.some((x) => same(x, fix))) top5++;
  }
  return summary(detected, top1, top5, micros);
}
function nspellClean(posts) {
  let flags = 0;
  const flagged = [];
  for (const post of posts) {
    for (const word of post.match(/[\p{L}][\p{L}\p{M}'’]*/gu) ?? []) {
      const w = word.replace(/’/g, "'").replace(/'$/, '');
      if (!spell.correct(w)) {
        flags++;
        flagged.push(w);
      }
    }
  }
  return { flags, flagged };
}
function nspellLookupNs() {
  const words = pairs.map(([, fix]) => fix);
  let best = Infinity;
  for (let r = 0; r < 20; r++) {
    const t = performance.now();
    for (const w of words) spell.correct(w);
    best = Math.min(best, ((performance.now() - t) * 1e6) / words.length);
  }
  return best;
}

// harper.js: each typo is linted alone; its spelling lint's suggestions are the candidates.
const linter = new LocalLinter({ binary: binaryInlined });
await linter.setup();
const spellingKinds = new Set(['Spelling', 'Typo']);
async function harperTypos() {
  let detected = 0, top1 = 0, top5 = 0;
  const micros = [];
  for (const [typo, fix] of pairs) {
    const t = performance.now();
    const lints = await linter.lint(typo, { language: 'plaintext' });
    micros.push((performance.now() - t) * 1000);
    const lint = lints.find((l) => spellingKinds.has(l.lint_kind()));
    if (!lint) continue;
    detected++;
    const s = lint.suggestions().map((x) => x.get_replacement_text()).slice(0, 5);
    if (s[0] && same(s[0], fix)) top1++;
    if (s.some((x) => same(x, fix))) top5++;
  }
  return summary(detected, top1, top5, micros);
}
async function harperClean(posts) {
  let flags = 0, spelling = 0;
  const flagged = [];
  for (const post of posts) {
    for (const lint of await linter.lint(post, { language: 'plaintext' })) {
      flags++;
      if (spellingKinds.has(lint.lint_kind())) {
        spelling++;
        flagged.push(lint.get_problem_text());
      }
    }
  }
  return { flags, spelling, flagged };
}
async function harperLookupNs() {
  const words = pairs.slice(0, 1000).map(([, fix]) => fix);
  const t = performance.now();
  for (const w of words) await linter.lint(w, { language: 'plaintext' });
  return ((performance.now() - t) * 1e6) / words.length;
}

const enTokens = tokensOf(enPosts);
const frTokens = tokensOf(frPosts);
const perK = (n, tokens = enTokens) => (1000 * n) / tokens;
const ns = { typos: nspellTypos(), clean: nspellClean(enPosts), fr: nspellClean(frPosts), lookup_ns: nspellLookupNs() };
const hp = { typos: await harperTypos(), clean: await harperClean(enPosts), fr: await harperClean(frPosts), lookup_ns: await harperLookupNs() };

const f = (x, d = 1) => (typeof x === 'number' ? x.toFixed(d) : String(x));
const rows = [
  ['', 'Plume', 'Plume (no typo table)', 'nspell + dictionary-en', 'harper.js'],
  ['typo pairs', plume.with_table.pairs, plume.without_table.pairs, ns.typos.pairs, hp.typos.pairs],
  ['detection recall %', f(plume.with_table.recall), f(plume.without_table.recall), f(ns.typos.recall), f(hp.typos.recall)],
  ['top-1 %', f(plume.with_table.top1), f(plume.without_table.top1), f(ns.typos.top1), f(hp.typos.top1)],
  ['top-5 %', f(plume.with_table.top5), f(plume.without_table.top5), f(ns.typos.top5), f(hp.typos.top5)],
  ['false flags / 1,000 tokens, English posts (all rules)', f(plume.en_flags_per_k, 2), '', f(perK(ns.clean.flags), 2), f(perK(hp.clean.flags), 2)],
  ['false flags / 1,000 tokens, English posts (spelling)', f(plume.en_spelling_flags_per_k, 2), '', f(perK(ns.clean.flags), 2), f(perK(hp.clean.spelling), 2)],
  ['false flags / 1,000 tokens, French posts (all rules)¹', f(plume.fr_flags_per_k, 2), '', f(perK(ns.fr.flags, frTokens), 2), f(perK(hp.fr.flags, frTokens), 2)],
  ['lookup (ns / word, fastest of 20 rounds)', f(plume.lookup_ns, 0), '', f(ns.lookup_ns, 0), `${f(hp.lookup_ns, 0)} (a full lint)`],
  ['suggestions (µs / word, mean)', f(plume.with_table.suggest_us_mean), f(plume.without_table.suggest_us_mean), f(ns.typos.suggest_us_mean), `${f(hp.typos.suggest_us_mean)} (a full lint)`],
  ['suggestions (µs / word, p50)', f(plume.with_table.suggest_us_p50), f(plume.without_table.suggest_us_p50), f(ns.typos.suggest_us_p50), f(hp.typos.suggest_us_p50)],
  ['suggestions (µs / word, p95)', f(plume.with_table.suggest_us_p95), f(plume.without_table.suggest_us_p95), f(ns.typos.suggest_us_p95), f(hp.typos.suggest_us_p95)],
];
console.log(`Clean social text: ${enPosts.length} English posts (${enTokens} whitespace-separated tokens), ${frPosts.length} French posts (${frTokens} tokens).`);
console.log('');
console.log(`| ${rows[0].join(' | ')} |`);
console.log(`|${rows[0].map(() => '---').join('|')}|`);
for (const r of rows.slice(1)) console.log(`| ${r.join(' | ')} |`);
console.log('');
const fs_ = plume.french_synthetic;
console.log(`Plume on ${fs_.pairs} synthetic French typos (one slip in each word of the clean French posts: missing accent, swap, dropped letter, neighbouring key): recall ${f(fs_.recall)} %, top-1 ${f(fs_.top1)} %, top-5 ${f(fs_.top5)} %, ${f(fs_.suggest_us_p50)} µs p50.`);
console.log('¹ nspell + dictionary-en and harper.js are English-only: French posts are shown to illustrate what a mixed-language community manager sees, not as a like-for-like comparison.');
console.log(`Plume on English posts without the brand lexicon: ${f(plume.en_no_brands_flags_per_k, 2)} false flags / 1,000 tokens.`);
const top = (xs) => {
  const c = {};
  for (const x of xs) c[x] = (c[x] ?? 0) + 1;
  return Object.entries(c).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([w, n]) => `${w}×${n}`).join(', ');
};
console.log(`nspell's most frequent false flags: ${top(ns.clean.flagged)}`);
console.log(`harper.js's most frequent spelling false flags: ${top(hp.clean.flagged)}`);
