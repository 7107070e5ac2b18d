// Prints the gzipped size of the built UI (ui/dist): run `npm run build` first.
// Usage: node ui/scripts/bundle-size.mjs  →  a Markdown table row per file and a total.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const assets = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
const rows = [['index.html', readFileSync(join(dist, 'index.html'))], ...assets.map((f) => [`assets/${f}`, readFileSync(join(dist, 'assets', f))])];
let total = 0;
console.log('| file | bytes | gzipped |\n|---|---:|---:|');
for (const [name, bytes] of rows) {
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`| ${name} | ${bytes.length} | ${(gz / 1024).toFixed(1)} KB |`);
}
console.log(`| **total** | | **${(total / 1024).toFixed(1)} KB** (aim: under 100 KB) |`);
