// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the
// build, at the highest levels: the server sends the copy the browser
// accepts (crates/server/src/web_assets.rs), so no request spends time
// compressing and every visitor gets the smallest file. Fonts (woff2) and
// images are compressed already and are left alone; a copy that would not
// be smaller is not written.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TEXT = /\.(html|js|mjs|css|json|svg|txt|map)$/;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Every file under `dir`, as absolute paths. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let plain = 0;
let brotli = 0;
for (const path of files(dist).filter((p) => TEXT.test(p))) {
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  if (br.length < raw.length) writeFileSync(`${path}.br`, br);
  if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
  plain += raw.length;
  brotli += Math.min(br.length, raw.length);
}
console.log(`compressed copies written: ${(plain / 1024).toFixed(1)} KB of text served as ${(brotli / 1024).toFixed(1)} KB brotli`);
