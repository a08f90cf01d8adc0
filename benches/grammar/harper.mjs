// Harper's side of the grammar benchmark: lints each sentence of the English set alone with npm
// harper.js (default rules, plain text), writes the scorer's findings (score.py) to stdout and the
// time per sentence (microseconds, linting only) to stderr as `us_per_post <n>`.
// Spelling lints are `spelling`; formatting, capitalisation, punctuation and style lints are `other`
// (the set drops casing-only, punctuation-only and style items); every other lint is `grammar`.
//   node harper.mjs <en.tsv> > findings.jsonl
import { readFileSync } from 'node:fs';
import { LocalLinter } from 'harper.js';
import { binaryInlined } from 'harper.js/binaryInlined';

const [header, ...lines] = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l);
const columns = header.split('\t');
const linter = new LocalLinter({ binary: binaryInlined });
await linter.setup();
await linter.lint('A sentence to warm the linter up.', { language: 'plaintext' });
const spellingKinds = new Set(['Spelling']);
const otherKinds = new Set(['Formatting', 'Capitalization', 'Punctuation', 'Style', 'Readability', 'Enhancement']);
let elapsed = 0;
const out = [];
for (const [row, line] of lines.entries()) {
  const fields = Object.fromEntries(line.split('\t').map((v, i) => [columns[i], v]));
  const started = performance.now();
  const lints = await linter.lint(fields.sentence, { language: 'plaintext' });
  elapsed += performance.now() - started;
  const findings = lints.map((lint) => {
    const span = lint.span();
    return {
      start: span.start,
      end: span.end,
      suggestions: lint.suggestions().map((s) => s.get_replacement_text()),
      kind: spellingKinds.has(lint.lint_kind()) ? 'spelling' : otherKinds.has(lint.lint_kind()) ? 'other' : 'grammar',
      rule: lint.lint_kind(),
    };
  });
  out.push(JSON.stringify({ row, findings }));
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`us_per_post ${Math.round((1000 * elapsed) / lines.length)}\n`);
