// Trunk post-build hook: minifies the shipped JavaScript of a release build with terser.
//
// Trunk's own minifier cannot parse wasm-bindgen's glue and ships it as it is (50 KB); terser
// takes it to about 23 KB (2 KB less after gzip). The page preloads the glue with a
// Subresource Integrity hash, so the hash in index.html is recomputed for the minified file; the
// WebAssembly's hash moves from Trunk's preload tag to the boot script's (see below).
// Debug builds (`trunk serve` without --release) are left readable.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set (this script is a Trunk post_build hook)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');

const files = [
  ...readdirSync(staging).filter((name) => name.endsWith('.js')),
  ...readdirSync(join(staging, 'js')).filter((name) => name.endsWith('.js')).map((name) => join('js', name)),
];
for (const name of files) {
  const path = join(staging, name);
  const source = readFileSync(path, 'utf8');
  const result = await minify(source, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof result.code !== 'string') throw new Error(`minify-js: terser returned nothing for ${name}`);
  const before = sri(Buffer.from(source));
  writeFileSync(path, result.code);
  index = index.split(before).join(sri(Buffer.from(result.code)));
  console.log(`minify-js: ${name} ${source.length} -> ${result.code.length} bytes`);
}
// The WebAssembly: Trunk preloads it (`as=fetch`) with an integrity hash that Chrome ignores for
// that kind of preload, with a console warning (crbug.com/981419). The boot script fetches it
// itself, as early, with the hash moved onto its tag, so the browser does check it.
const wasmPreload = /<link\b[^>]*\bhref="?\/?([^"\s>]+_bg\.wasm)"?[^>]*>/.exec(index);
if (wasmPreload) {
  const hash = /integrity="?([^"\s>]+)/.exec(wasmPreload[0])?.[1];
  if (!hash) throw new Error(`minify-js: the wasm preload has no integrity hash: ${wasmPreload[0]}`);
  index = index.replace(wasmPreload[0], '');
  if (!/data-wasm=/.test(index)) throw new Error('minify-js: no boot script tag with data-wasm');
  index = index.replace(/data-wasm=/, `data-wasm-integrity="${hash}" data-wasm=`);
}
writeFileSync(indexPath, index);

// Every integrity hash in the page must match its file, or the browser refuses to load it.
const tags = index.match(/<link[^>]*integrity[^>]*>/g) ?? [];
for (const tag of tags) {
  const href = /href="?\/?([^"\s>]+)/.exec(tag)?.[1];
  const hash = /integrity="?([^"\s>]+)/.exec(tag)?.[1];
  if (!href || !hash || sri(readFileSync(join(staging, href))) !== hash) {
    throw new Error(`minify-js: the integrity hash does not match its file in ${tag}`);
  }
}
const wasmTag = /<script\b[^>]*data-wasm-integrity="?([^"\s>]+)"?[^>]*data-wasm="?\/?([^"\s>]+)/.exec(index);
if (wasmPreload && (!wasmTag || sri(readFileSync(join(staging, wasmTag[2]))) !== wasmTag[1])) {
  throw new Error('minify-js: the boot script\'s wasm integrity hash does not match the wasm');
}
