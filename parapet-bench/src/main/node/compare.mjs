// Measures two npm profanity filters the way parapet-bench measures `parapet scan --pipeline rules`:
// throughput over the same JSONL corpus (each line parsed, its "text" checked, one thread), and what
// they find in the project's obfuscated-profanity test set. Prints one JSON object.
// Usage: node compare.mjs CORPUS.jsonl CASES.tsv
import { readFileSync } from 'node:fs';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { profanity } from '@2toad/profanity';

const [corpusPath, casesPath] = process.argv.slice(2);
const corpus = readFileSync(corpusPath);
const lines = corpus.toString('utf8').split('\n').filter((l) => l.length > 0);

// Columns: kind (obfuscated or benign), technique, text; \uXXXX stands for that char.
const cases = readFileSync(casesPath, 'utf8').split('\n')
  .filter((l) => l.length > 0 && !l.startsWith('#') && !l.startsWith('kind\t'))
  .map((l) => {
    const [kind, technique, text] = l.split('\t');
    return { kind, technique, text: text.replace(/\\u([0-9A-Fa-f]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))) };
  });

const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const filters = {
  obscenity: (t) => obscenity.hasMatch(t),
  '@2toad/profanity': (t) => profanity.exists(t),
};

const result = {};
for (const [name, isProfane] of Object.entries(filters)) {
  for (let i = 0; i < Math.min(lines.length, 5000); i++) { // warm-up
    isProfane(JSON.parse(lines[i]).text);
  }
  const t0 = process.hrtime.bigint();
  let flagged = 0;
  for (const line of lines) {
    if (isProfane(JSON.parse(line).text)) flagged++;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const obfuscated = cases.filter((c) => c.kind === 'obfuscated');
  const benign = cases.filter((c) => c.kind === 'benign');
  result[name] = {
    seconds,
    bytes: corpus.length,
    documents: lines.length,
    corpusFlagged: flagged,
    found: obfuscated.filter((c) => isProfane(c.text)).map((c) => c.technique),
    obfuscated: obfuscated.length,
    falsePositives: benign.filter((c) => isProfane(c.text)).map((c) => c.technique),
    benign: benign.length,
  };
}
console.log(JSON.stringify(result));
