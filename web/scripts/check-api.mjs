// Regenerates the API types from the server's OpenAPI document and fails
// when the committed src/api/schema.ts is stale (--write updates it).
// The document comes from EMENDA_URL when set, else from a server started
// from the emenda binary (see server.mjs).
import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const target = fileURLToPath(new URL('../src/api/schema.ts', import.meta.url));
const write = process.argv.includes('--write');

let doc;
let server;
try {
  let base = process.env.EMENDA_URL;
  if (!base) {
    server = await startServer();
    base = server.url;
  }
  const response = await fetch(`${base}/api/openapi.json`);
  if (!response.ok) throw new Error(`GET /api/openapi.json: ${response.status}`);
  doc = await response.json();
} finally {
  await server?.stop();
}

// A $ref to a schema the document does not define would stop the generator
// with a cryptic message: name it instead (the server's own test,
// tests/tests/openapi.rs `every_reference_resolves`, checks the same).
const schemas = doc.components?.schemas ?? {};
const dangling = new Set();
(function visit(node) {
  if (Array.isArray(node)) return node.forEach(visit);
  if (!node || typeof node !== 'object') return;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const name = ref.slice('#/components/schemas/'.length);
    if (!(name in schemas)) dangling.add(name);
  }
  Object.values(node).forEach(visit);
})(doc);
if (dangling.size) {
  console.error(`the OpenAPI document refers to undefined schemas: ${[...dangling].join(', ')}`);
  process.exit(1);
}

const header = '// Generated from the server\'s /api/openapi.json by `npm run gen:api`: do not edit.\n// `npm run check:api` fails when this file no longer matches the server.\n\n';
const generated = header + astToString(await openapiTS(doc));
let committed = '';
try {
  committed = readFileSync(target, 'utf8');
} catch {
  /* missing */
}
if (write) {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
} else if (committed !== generated) {
  console.error('src/api/schema.ts is stale: the API changed. Run `npm run gen:api` and commit the result.');
  process.exit(1);
} else {
  console.log('api types: up to date');
}
