// Prints the gzip size of the built app's JS and CSS and fails over the
// budget (100 KB gzip for every file together, both languages and the
// staff console included: the app must be fast on a phone). It also says
// what a citizen reading Italian downloads of it (no English catalogue, no
// staff console).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 100 * 1024;
const dir = fileURLToPath(new URL('../dist/assets/', import.meta.url));
let total = 0;
let citizen = 0;
for (const name of readdirSync(dir).filter((n) => /\.(js|css)$/.test(n)).sort()) {
  const raw = readFileSync(dir + name);
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  if (!/^(staff-|i18n-en-|i18n-it-staff-)/.test(name)) citizen += gz;
  console.log(`${name.padEnd(32)} ${(raw.length / 1024).toFixed(1).padStart(7)} KB  ${(gz / 1024).toFixed(1).padStart(6)} KB gzip`);
}
console.log(`a citizen in Italian downloads at most: ${(citizen / 1024).toFixed(1)} KB gzip`);
console.log(`total JS+CSS: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error('over budget');
  process.exit(1);
}
