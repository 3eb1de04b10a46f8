// What a first visit costs an anonymous reader on a phone: the bytes on the
// wire (as the browser counts them, after compression) and the API requests
// of each public page, from a cold cache. It prints a table (and writes
// test-results/transfer.json) and asserts what the server promises: the
// app's files and JSON of 1 KiB or more travel compressed; and what the app
// promises: the proposal page, the one most people see, in at most three
// API requests (the proposal with its lists, its comments, the site). The
// log witness on that page, which nothing on it waits for, reads the
// version's leaf and its proofs besides: counted and reported apart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiCall, isWitnessRequest, setup } from './harness.mjs';
import { repo } from '../scripts/server.mjs';

let h;
let ref;
before(async () => {
  h = await setup();
  // The proposal most pages of the demo lead to: with an answer, amendments and supporters.
  const list = await apiCall(h.url, 'GET', '/api/v1/proposals?limit=50&sort=most_supported');
  const full = list.body.items.find((p) => p.answer && p.amendments.evaluating + p.amendments.accepted + p.amendments.rejected > 1);
  ref = (full ?? list.body.items[0]).reference;
});
after(async () => h?.stop());

/** Loads `path` in a fresh phone-sized context and counts what crossed the wire. */
async function visit(path, ready) {
  const page = await h.newPage({ width: 360, height: 740 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const responses = new Map();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const encoding = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '';
    responses.set(requestId, { url: new URL(response.url).pathname, type, encoding, status: response.status, bytes: 0, size: 0 });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = responses.get(requestId);
    if (r) r.bytes = encodedDataLength;
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const r = responses.get(requestId);
    if (r) r.size += dataLength;
  });
  await page.goto(path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.context().close();
  return [...responses.values()];
}

test('public pages travel compressed; bytes and API requests per page', async () => {
  const pages = [
    ['home', '/', 'h1'],
    ['space', '/spazi/bilancio-partecipativo-2026', 'h1'],
    ['proposal', `/proposte/${ref}`, '#comments-title'],
    ['versions', `/proposte/${ref}/versioni`, '.version-timeline-bi'],
    ['compare', `/proposte/${ref}/confronto?da=1&a=2`, '.diff'],
    ['audit', '/registro', '#audit-list'],
  ];
  const report = {};
  const uncompressed = [];
  for (const [name, path, ready] of pages) {
    const seen = await visit(path, ready);
    const api = seen.filter((r) => r.url.startsWith('/api/') && !isWitnessRequest(r.url));
    const witness = seen.filter((r) => isWitnessRequest(r.url) || r.url.startsWith('/log/'));
    const sum = (rs) => rs.reduce((n, r) => n + r.bytes, 0);
    report[name] = {
      path,
      requests: seen.length,
      api_requests: api.length,
      api_paths: api.map((r) => r.url),
      witness_requests: witness.length,
      kb_witness: +(witness.reduce((n, r) => n + r.bytes, 0) / 1024).toFixed(1),
      kb_total: +(sum(seen) / 1024).toFixed(1),
      kb_app: +(sum(seen.filter((r) => !r.url.startsWith('/api/') && !r.url.startsWith('/log/'))) / 1024).toFixed(1),
      kb_api: +(sum(api) / 1024).toFixed(1),
      kb_uncompressed: +(seen.reduce((n, r) => n + r.size, 0) / 1024).toFixed(1),
    };
    for (const r of seen) {
      const text = ['Document', 'Script', 'Stylesheet'].includes(r.type) || (r.url.startsWith('/api/') && r.url !== '/api/v1/auth/refresh');
      if (text && r.size >= 1024 && !r.encoding) uncompressed.push(`${name}: ${r.type} ${r.url} ${r.size} bytes`);
    }
  }
  console.table(Object.fromEntries(Object.entries(report).map(([k, v]) => [k, { ...v, api_paths: undefined }])));
  writeFileSync(join(repo, 'web', 'test-results', 'transfer.json'), JSON.stringify(report, null, 2));
  assert.deepEqual(uncompressed, [], 'text of 1 KiB or more sent without compression');
  assert.ok(report.proposal.api_requests <= 3, `the proposal page made ${report.proposal.api_requests} API requests: ${report.proposal.api_paths.join(', ')}`);
  assert.ok(!report.proposal.api_paths.some((p) => p.startsWith('/api/v1/amendments/')), 'no amendment read one by one');
  assert.ok(report.proposal.witness_requests <= 6, `the log witness made ${report.proposal.witness_requests} requests`);
});
