// What a browser downloads: the catalogue of its own language only, and
// the staff console's code and messages only on a staff screen, in the
// language in use; a change of language downloads the other catalogue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { STAFF, apiCall, setup, signIn } from './harness.mjs';

let h;
let ref;
before(async () => {
  h = await setup();
  ref = (await apiCall(h.url, 'GET', '/api/v1/proposals?sort=most_commented&limit=1')).body.items[0].reference;
});
after(async () => h?.stop());

/** Keeps the scripts the page downloads: their addresses and texts. */
function recordScripts(page) {
  const scripts = [];
  const reading = [];
  page.on('response', (r) => {
    if (!new URL(r.url()).pathname.endsWith('.js')) return;
    reading.push(r.text().then((text) => scripts.push({ url: r.url(), text }), () => scripts.push({ url: r.url(), text: '' })));
  });
  return {
    /** Waits for the scripts that arrived to be read (a chunk's text comes after the page has used it). */
    settled: () => Promise.all(reading),
    all: () => scripts.map((s) => s.text).join('\n'),
    names: () => scripts.map((s) => new URL(s.url).pathname.split('/').pop()),
    clear: () => (scripts.length = 0),
  };
}

// One message of each part in each language (the home's title, the staff queue's title).
const IT = 'Processi di partecipazione';
const EN = 'Participation processes';
const IT_STAFF = 'Emendamenti da decidere';
const EN_STAFF = 'Amendments to decide';

test('a citizen downloads one language and nothing of the staff console', async () => {
  const page = await h.newPage({ lang: 'it' });
  const scripts = recordScripts(page);
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: IT }).waitFor();
  await page.goto(`/proposte/${ref}`);
  await page.locator('#comments-title').waitFor();
  await page.waitForLoadState('networkidle');
  await scripts.settled();
  const text = scripts.all();
  assert.ok(text.includes(IT), 'the Italian catalogue is downloaded');
  assert.ok(!text.includes(EN), `no English catalogue: ${scripts.names().join(', ')}`);
  assert.ok(!text.includes(IT_STAFF) && !text.includes(EN_STAFF), 'no staff messages');
  assert.deepEqual(
    scripts.names().filter((n) => /staff/.test(n)),
    [],
    'no staff chunk',
  );

  // Switching language downloads the English catalogue, and only then changes the page.
  scripts.clear();
  await page.getByRole('button', { name: 'Read in English' }).click();
  await page.getByRole('button', { name: 'Leggi in italiano' }).waitFor();
  await page.locator('html[lang="en"]').waitFor();
  await scripts.settled();
  assert.ok(scripts.all().includes(EN), 'the English catalogue arrived with the switch');
  assert.ok(!scripts.all().includes(EN_STAFF), 'still no staff messages');
  await page.context().close();
});

test('a staff screen downloads the staff chunk and its messages, in the language in use only', async () => {
  const page = await h.newPage({ lang: 'en' });
  await signIn(page, STAFF);
  const scripts = recordScripts(page);
  await page.goto('/staff/emendamenti');
  await page.locator('.staff-nav').waitFor();
  await page.getByRole('heading', { level: 1, name: EN_STAFF }).waitFor();
  await page.waitForLoadState('networkidle');
  await scripts.settled();
  const text = scripts.all();
  assert.ok(text.includes(EN_STAFF), 'the English staff messages');
  assert.ok(!text.includes(IT_STAFF) && !text.includes(IT), `no Italian messages: ${scripts.names().join(', ')}`);
  assert.ok(
    scripts.names().some((n) => /^staff-/.test(n)),
    `the staff chunk: ${scripts.names().join(', ')}`,
  );

  // In Italian, the staff messages follow: the Italian staff part is downloaded before the switch.
  await page.getByRole('button', { name: 'Leggi in italiano' }).click();
  await page.getByRole('heading', { level: 1, name: IT_STAFF }).waitFor();
  await scripts.settled();
  assert.ok(scripts.all().includes(IT_STAFF));
  await page.context().close();
});

test('no script errors while chunks load', () => {
  assert.deepEqual(h.pageErrors, []);
});
