// Going from one proposal straight to another (a link in the text, back and
// forward) shows the second one's own data: title, comments, supporters,
// amendments; nothing of the first carries over. The same for the other
// screens bound to an address parameter (versions, compare, amendment, space).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, apiRegister, expectAccessible, screenshot, setup } from './harness.mjs';

let h;
let a;
let b;
before(async () => {
  h = await setup();
  const author = await apiRegister(h.url, 'Marta Verdi');
  const create = async (title, body) => {
    const r = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, { title, body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  b = await create('Una fontanella in piazza del mercato', 'Una fontanella di acqua potabile accanto ai banchi del mercato.');
  a = await create('Rastrelliere per le biciclette alla stazione', `Trenta posti bici coperti. Vedi anche [la fontanella](/proposte/${b.reference}).`);
  for (const [p, text] of [
    [a, 'Commento sulle biciclette.'],
    [b, 'Commento sulla fontanella.'],
  ]) {
    const r = await apiCall(h.url, 'POST', `/api/v1/proposals/${p.id}/comments`, author.token, { body: text });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  const edited = await apiCall(h.url, 'POST', `/api/v1/proposals/${b.id}/versions`, author.token, {
    title: b.title,
    body: 'Una fontanella di acqua potabile accanto ai banchi del mercato, con una ciotola per i cani.',
    summary: 'La ciotola',
    base_version: 1,
  });
  assert.equal(edited.status, 201, JSON.stringify(edited.body));
});
after(async () => h?.stop());

/** Navigates inside the app (as a link would), without reloading the page. */
function go(page, path) {
  return page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

test('a link from one proposal to another, then back and forward, shows each its own data', async () => {
  const page = await h.newPage();
  await page.goto(`/proposte/${a.reference}`);
  await page.getByText('Commento sulle biciclette.').waitFor();
  await page.getByRole('link', { name: 'la fontanella' }).click();
  await page.waitForURL((u) => u.pathname === `/proposte/${b.reference}`);
  await page.getByRole('heading', { level: 1, name: b.title }).waitFor();
  await page.getByText('Commento sulla fontanella.').waitFor();
  assert.equal(await page.getByText('Commento sulle biciclette.').count(), 0, "A's comments are not shown on B");
  assert.equal(await page.getByText('Versione 2 di 2').count(), 1);

  await page.goBack();
  await page.getByRole('heading', { level: 1, name: a.title }).waitFor();
  await page.getByText('Commento sulle biciclette.').waitFor();
  assert.equal(await page.getByText('Commento sulla fontanella.').count(), 0, "B's comments are not shown on A");

  await page.goForward();
  await page.getByRole('heading', { level: 1, name: b.title }).waitFor();
  await page.getByText('Commento sulla fontanella.').waitFor();
  assert.equal(await page.getByText('Commento sulle biciclette.').count(), 0);
  await expectAccessible(page, 'proposal after navigating');
  await page.context().close();
});

test('versions, compare and space screens follow their address parameter', async () => {
  const page = await h.newPage();
  await page.goto(`/proposte/${b.reference}/versioni`);
  await page.getByText('La ciotola').first().waitFor();
  await go(page, `/proposte/${a.reference}/versioni`);
  await page.locator('main').getByText(a.title).first().waitFor();
  assert.equal(await page.getByText('La ciotola').count(), 0, "B's history is not shown for A");

  await page.goto(`/proposte/${b.reference}/confronto?da=1&a=2`);
  await page.locator('ins', { hasText: 'ciotola' }).first().waitFor();
  await go(page, `/proposte/${a.reference}/confronto?da=1&a=1`);
  await page.locator('main').getByText(a.title).first().waitFor();
  assert.equal(await page.locator('ins', { hasText: 'ciotola' }).count(), 0, "B's diff is not shown for A");

  await page.goto('/spazi/bilancio-partecipativo-2026');
  await page.locator('.proposal-list').waitFor();
  const first = await page.locator('h1').textContent();
  const spaces = await apiCall(h.url, 'GET', '/api/v1/spaces');
  const other = (spaces.body.items ?? spaces.body).find((s) => s.slug !== 'bilancio-partecipativo-2026');
  if (other) {
    await go(page, `/spazi/${other.slug}`);
    await page.getByRole('heading', { level: 1, name: other.title }).waitFor();
    assert.notEqual(await page.locator('h1').textContent(), first);
  }
  await screenshot(page, 'navigation');
  await page.context().close();
});

test('no script errors while navigating', () => {
  assert.deepEqual(h.pageErrors, []);
});
