// The public reading pages as the server sends them: read with JavaScript
// off (a proposal, its versions, one old version, a diff, a space), their
// titles and link-preview tags, and Markdown rendered by the server the
// same as by the app (one corpus, web/test/markdown-corpus.json, compared
// as the documents a browser builds from the two).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { apiCall, apiRegister, expectAccessible, screenshot, setup } from './harness.mjs';

const SPACE = 'bilancio-partecipativo-2026';
const corpus = JSON.parse(readFileSync(new URL('../test/markdown-corpus.json', import.meta.url), 'utf8'));

let h;
before(async () => {
  h = await setup();
});
after(async () => h?.stop());

/** A page with JavaScript off: what the server sent is all there is. */
async function withoutScript({ width = 1280 } = {}) {
  const context = await h.browser.newContext({ javaScriptEnabled: false, baseURL: h.url, viewport: { width, height: 900 }, locale: 'it-IT' });
  return context.newPage();
}

/**
 * axe runs as a script, which a page with JavaScript off cannot run: the
 * same address is checked in a page whose scripts run but whose app never
 * loads (its script requests fail), so what is checked is what the server
 * sent.
 */
async function expectAccessibleAsSent(path, label) {
  const context = await h.browser.newContext({ baseURL: h.url, viewport: { width: 1280, height: 900 }, locale: 'it-IT' });
  await context.route('**/assets/*.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(path);
  assert.equal(await page.locator('[data-server-rendered]').count(), 1, `${label}: the server's page, untouched`);
  await expectAccessible(page, label);
  await context.close();
}

/** A demo proposal with at least three versions. */
async function provenProposal() {
  const list = await apiCall(h.url, 'GET', `/api/v1/proposals?space=${SPACE}&limit=100`);
  const found = list.body.items.find((p) => p.current_version >= 3);
  assert.ok(found, 'the demo has a proposal with three versions');
  return (await apiCall(h.url, 'GET', `/api/v1/proposals/${found.reference}`)).body;
}

test('without JavaScript a reader reads a proposal, its versions, an old version and a diff', async () => {
  const proposal = await provenProposal();
  const v1 = (await apiCall(h.url, 'GET', `/api/v1/proposals/${proposal.reference}/versions/1`)).body;
  const page = await withoutScript();

  const answer = await page.goto(`/proposte/${proposal.reference}`);
  assert.equal(answer.status(), 200);
  const site = (await apiCall(h.url, 'GET', '/api/v1/site')).body.owner.name;
  assert.equal(await page.title(), `${proposal.title} · ${site}`);
  assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), proposal.title);
  assert.ok((await page.locator('meta[name="description"]').getAttribute('content')).length > 20);
  assert.equal(await page.locator('main h1').textContent(), proposal.title);
  const firstSentence = proposal.body.split('\n')[0].replace(/[*_#`>]/g, '').trim().slice(0, 40);
  assert.ok((await page.locator('main .markdown').textContent()).includes(firstSentence), `the body is there: ${firstSentence}`);
  await screenshot(page, 'no-script-proposal-desk');
  await expectAccessibleAsSent(`/proposte/${proposal.reference}`, 'proposal as sent');

  await page.getByRole('link', { name: 'Storia delle versioni' }).click();
  assert.equal(new URL(page.url()).pathname, `/proposte/${proposal.reference}/versioni`);
  assert.equal(await page.locator('main ol > li').count(), proposal.current_version);
  await screenshot(page, 'no-script-versions-desk');
  await expectAccessibleAsSent(`/proposte/${proposal.reference}/versioni`, 'versions as sent');

  await page.getByRole('link', { name: 'Versione 1', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, `/proposte/${proposal.reference}/versioni/1`);
  assert.equal(await page.locator('main h1').textContent(), v1.title);
  const v1Sentence = v1.body.split('\n')[0].replace(/[*_#`>]/g, '').trim().slice(0, 40);
  assert.ok((await page.locator('main .markdown').textContent()).includes(v1Sentence), 'version 1 is read whole');
  await expectAccessibleAsSent(`/proposte/${proposal.reference}/versioni/1`, 'an old version as sent');

  await page.goto(`/proposte/${proposal.reference}/versioni`);
  await page.getByRole('link', { name: 'Confronta con la precedente (Versione 2)' }).click();
  const url = new URL(page.url());
  assert.deepEqual([url.pathname, url.searchParams.get('da'), url.searchParams.get('a')], [`/proposte/${proposal.reference}/confronto`, '1', '2']);
  const diff = (await apiCall(h.url, 'GET', `/api/v1/proposals/${proposal.reference}/diff?from=1&to=2`)).body;
  const inserted = diff.body.ops.filter((o) => o.op === 'insert').map((o) => o.text.trim()).filter(Boolean);
  const deleted = diff.body.ops.filter((o) => o.op === 'delete').map((o) => o.text.trim()).filter(Boolean);
  assert.ok(inserted.length + deleted.length > 0, 'versions 1 and 2 differ');
  const shownIns = await page.locator('main .diff ins').allTextContents();
  const shownDel = await page.locator('main .diff del').allTextContents();
  for (const text of inserted) assert.ok(shownIns.some((s) => s.includes(text)), `inserted “${text}” is marked`);
  for (const text of deleted) assert.ok(shownDel.some((s) => s.includes(text)), `deleted “${text}” is marked`);
  await screenshot(page, 'no-script-diff-desk');
  await expectAccessibleAsSent(`/proposte/${proposal.reference}/confronto?da=1&a=2`, 'a diff as sent');

  const phone = await withoutScript({ width: 375 });
  await phone.goto(`/proposte/${proposal.reference}`);
  await screenshot(phone, 'no-script-proposal-phone');
  await phone.context().close();
  await page.context().close();
});

test('without JavaScript a space lists its proposals; missing pages answer 404', async () => {
  const space = (await apiCall(h.url, 'GET', `/api/v1/spaces/${SPACE}`)).body;
  const page = await withoutScript();
  await page.goto(`/spazi/${SPACE}`);
  assert.equal(await page.locator('main h1').textContent(), space.title);
  const links = page.locator('main ul a[href^="/proposte/"]');
  assert.ok((await links.count()) > 0, 'proposals are listed');
  await links.first().click();
  assert.match(new URL(page.url()).pathname, /^\/proposte\/[A-Z0-9-]+$/);
  assert.ok((await page.locator('main h1').textContent()).length > 0);

  for (const path of ['/proposte/EMD-PROP-1999-1-1', '/proposte/EMD-PROP-1999-1-1/versioni', `/spazi/nessuno-spazio`]) {
    const r = await fetch(`${h.url}${path}`);
    assert.equal(r.status, 404, path);
    assert.match(await r.text(), /<div id="app"><\/div>/, `${path}: the app's page, to say what is missing`);
  }
  const proposal = await provenProposal();
  assert.equal((await fetch(`${h.url}/proposte/${proposal.reference}/versioni/99`)).status, 404);
  await page.context().close();
});

test('the app takes over the page the server rendered', async () => {
  const proposal = await provenProposal();
  const page = await h.newPage();
  await page.goto(`/proposte/${proposal.reference}`);
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-server-rendered]'));
  assert.equal(await page.locator('h1').count(), 1, 'one heading: the server rendering is gone');
  assert.equal(await page.locator('main h1').textContent(), proposal.title);
  assert.deepEqual(h.pageErrors, []);
  await page.context().close();
});

/**
 * The canonical form of a document fragment: elements with their
 * attributes sorted, text with its whitespace collapsed and trimmed,
 * whitespace-only text dropped; top-level nodes one per entry.
 */
function canonical(html) {
  const box = document.createElement('div');
  box.innerHTML = html;
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.replace(/\s+/g, ' ').trim();
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attributes = [...node.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
    const children = [...node.childNodes].map(walk).filter(Boolean).join('');
    const name = node.nodeName.toLowerCase();
    return `<${name}${attributes ? ` ${attributes}` : ''}>${children}</${name}>`;
  };
  return [...box.childNodes].map(walk).filter(Boolean);
}

test('Markdown reads the same from the server and from the app', async () => {
  const author = await apiRegister(h.url, 'Marta Verdi');
  const body = corpus.map((c) => c.source).join('\n\n');
  const created = await apiCall(h.url, 'POST', `/api/v1/spaces/${SPACE}/proposals`, author.token, { title: 'Prova di scrittura in Markdown', body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const ref = created.body.reference;

  const plain = await withoutScript();
  await plain.goto(`/proposte/${ref}`);
  const fromServer = await plain.locator('main .markdown').first().innerHTML();
  await plain.context().close();

  const page = await h.newPage();
  await page.goto(`/proposte/${ref}`);
  await page.waitForFunction(() => !document.querySelector('[data-server-rendered]'));
  const fromApp = await page.locator('main .markdown').first().innerHTML();

  const [server, app] = await page.evaluate(
    ([canonicalSource, a, b]) => {
      const canonicalOf = new Function(`return (${canonicalSource})`)();
      return [canonicalOf(a), canonicalOf(b)];
    },
    [canonical.toString(), fromServer, fromApp],
  );
  // Each difference named by the first corpus entry that shows it.
  const firstDifference = server.findIndex((node, i) => node !== app[i]);
  assert.equal(
    firstDifference,
    -1,
    `server and app differ at block ${firstDifference}:\n  server: ${server[firstDifference]}\n  app:    ${app[firstDifference]}`,
  );
  assert.equal(server.length, app.length);
  // Neither lets markup from the text through, and the corpus is all there.
  const unsafe = await page.evaluate((fragments) =>
    fragments.map((html) => {
      const box = document.createElement('div');
      box.innerHTML = html;
      return [...box.querySelectorAll('script, div, span, [onclick], [href^="javascript" i], [src^="javascript" i]')].map((e) => e.outerHTML);
    }),
  [fromServer, fromApp]);
  assert.deepEqual(unsafe, [[], []]);
  assert.ok(server.length >= corpus.length, `${server.length} blocks for ${corpus.length} entries`);
  await page.context().close();
});
