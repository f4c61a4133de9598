// After `vite build`: writes .br and .gz beside every text asset (the API serves them as they are,
// apps/api/src/console/serve-console.ts) and reports what the first page costs over the wire.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = join(process.cwd(), 'dist', 'console');
const TEXT = /\.(js|css|html|svg|json)$/;

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (TEXT.test(name) && !name.endsWith('weight.json')) yield p;
  }
}

const wire = {};
for (const file of files(dir)) {
  const raw = readFileSync(file);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(file + '.br', br);
  writeFileSync(file + '.gz', gzipSync(raw, { level: 9 }));
  wire[relative(dir, file)] = { raw: raw.length, br: br.length };
}

// What a page loads: the entry chunk, the page's own chunk, and every chunk they import statically.
const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
function filesOf(keys) {
  const seen = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const css of chunk.css ?? []) seen.add(css);
    for (const k of chunk.imports ?? []) walk(k);
  };
  keys.forEach(walk);
  return [...seen];
}
const bytes = (files, kind) =>
  files.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + (wire[f]?.[kind] ?? 0), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
// The login page is the entry alone; the grid worker's first page is the entry and the queue.
const pages = { login: [entryKey], gridWorkerList: [entryKey, 'src/pages/QueuePage.tsx'] };
const weight = {};
for (const [page, keys] of Object.entries(pages)) {
  const files = filesOf(keys);
  weight[page] = { files, jsBrotli: bytes(files, 'br'), jsRaw: bytes(files, 'raw') };
  console.log(
    `console: ${page} loads ${kb(weight[page].jsBrotli)} of JavaScript over the wire (brotli; ${kb(weight[page].jsRaw)} raw)`,
  );
}
writeFileSync(join(dir, 'weight.json'), JSON.stringify(weight, null, 2));
