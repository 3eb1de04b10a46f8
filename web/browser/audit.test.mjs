// The public log's filters and an entry's own page: a kind of action and a
// proposal chosen in the form show only their entries, kept in the address
// through a reload; a reference the server refuses is said at its field; a
// row's time leads to its entry, said in the same words; an entry nobody
// may see is the app's "not found". Both languages, desk and 320 px, axe
// and our contrast check.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, apiCall, apiLogin, expectAccessible, screenshot, setup } from './harness.mjs';

let h;
/** A rejected amendment's entry (it has a reason) and its proposal's reference. */
let rejected;
let ref;
before(async () => {
  h = await setup();
  rejected = (await apiCall(h.url, 'GET', '/api/v1/audit?action=amendment.rejected&limit=1')).body.items[0];
  ref = rejected.details.proposal_reference;
  assert.match(ref, /^EMD-PROP-/);
});
after(async () => h?.stop());

/** The ids of the entries the list shows, read from each row's link to its page. */
const shownIds = (page) => page.locator('#audit-list > li time').evaluateAll((ts) => ts.map((t) => t.closest('a').getAttribute('href').split('/').pop()));
/** The ids of the first page the API answers for `query`. */
const apiIds = async (query) => (await apiCall(h.url, 'GET', `/api/v1/audit?limit=50&${query}`)).body.items.map((e) => e.id);

test('filtering by kind of action shows only those entries, kept in the address and through a reload', async () => {
  const page = await h.newPage();
  await page.goto('/registro');
  await page.locator('#audit-list').waitFor();
  await page.locator('#f-action').selectOption({ label: 'Emendamento respinto' });
  await page.getByRole('button', { name: 'Applica' }).click();
  await page.waitForURL((u) => u.searchParams.get('tipo') === 'amendment.rejected');
  await page.locator('.list-count').waitFor();
  const expected = await apiIds('action=amendment.rejected');
  assert.ok(expected.length > 0);
  for (const run of ['filtered', 'reloaded']) {
    assert.deepEqual(await shownIds(page), expected, `${run}: the rejected amendments, and nothing else`);
    assert.deepEqual([...new Set(await page.locator('#audit-list > li strong').allTextContents())], ['Emendamento respinto'], run);
    assert.equal(await page.locator('#f-action').inputValue(), 'amendment.rejected', `${run}: the form says the filter`);
    assert.equal(await page.locator('.list-count').textContent(), `Voci trovate: ${expected.length} · Tutto il registro`);
    await page.reload();
    await page.locator('.list-count').waitFor();
  }
  // The count was said to screen readers too.
  await page.locator('#f-action').selectOption('amendment.accepted');
  await page.getByRole('button', { name: 'Applica' }).click();
  const accepted = await apiIds('action=amendment.accepted');
  await page.locator('#live-message', { hasText: `Voci trovate: ${accepted.length}` }).waitFor();
  assert.deepEqual(await shownIds(page), accepted);
  // "Tutto il registro" clears them.
  await page.getByRole('link', { name: 'Tutto il registro' }).click();
  await page.waitForURL((u) => u.search === '');
  await page.waitForFunction(() => document.querySelectorAll('#audit-list > li').length === 50);
  assert.equal(await page.locator('#f-action').inputValue(), '');
  await page.context().close();
});

test('filtering by proposal shows its entries (with a kind too), kept in the address and through a reload; its page links them', async () => {
  const page = await h.newPage();
  await page.goto(`/proposte/${ref}`);
  await page.getByRole('link', { name: 'Le sue voci nel registro pubblico' }).click();
  await page.waitForURL((u) => u.pathname === '/registro' && u.searchParams.get('proposta') === ref);
  await page.locator('.list-count').waitFor();
  assert.equal(await page.locator('#f-proposal').inputValue(), ref);
  const all = await apiIds(`proposal=${ref}`);
  assert.ok(all.length > 1, `${all.length} entries of ${ref}`);
  assert.deepEqual(await shownIds(page), all);

  // Typed in lower case, with spaces: the reference as written on its page.
  await page.locator('#f-action').selectOption('amendment.rejected');
  await page.locator('#f-proposal').fill(`  ${ref.toLowerCase()} `);
  await page.getByRole('button', { name: 'Applica' }).click();
  await page.waitForURL((u) => u.searchParams.get('tipo') === 'amendment.rejected' && u.searchParams.get('proposta') === ref);
  const both = await apiIds(`proposal=${ref}&action=amendment.rejected`);
  assert.ok(both.includes(rejected.id));
  await page.waitForFunction((n) => document.querySelectorAll('#audit-list > li').length === n, both.length);
  assert.deepEqual(await shownIds(page), both);
  await page.reload();
  await page.locator('.list-count').waitFor();
  assert.deepEqual(await shownIds(page), both, 'the reload keeps both filters');
  assert.deepEqual([await page.locator('#f-action').inputValue(), await page.locator('#f-proposal').inputValue()], ['amendment.rejected', ref]);
  await page.context().close();
});

test('a reference the server refuses, or no proposal has, is said at its field', async () => {
  const page = await h.newPage();
  await page.goto('/registro');
  await page.locator('#audit-list').waitFor();
  for (const [typed, said] of [
    ['EMD-XX', 'Formato non valido.'],
    ['EMD-PROP-2026-12-999', 'Non trovato.'],
  ]) {
    await page.locator('#f-proposal').fill(typed);
    await page.getByRole('button', { name: 'Applica' }).click();
    // The message of this reference, not the one before it.
    await page.waitForURL((u) => u.searchParams.get('proposta') === typed);
    await page.locator('#f-proposal-error', { hasText: said }).waitFor();
    assert.equal(await page.locator('#f-proposal-error').textContent(), said, typed);
    assert.equal(await page.locator('#f-proposal').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#f-proposal').getAttribute('aria-describedby'), /\bf-proposal-error\b/);
    assert.equal(await page.locator('#audit-list').count(), 0, `${typed}: no list`);
    assert.equal(await page.getByRole('alert').count(), 1, `${typed}: said as an alert`);
  }
  // A kind typed into the address that is none: said at the kind's field.
  await page.goto('/registro?tipo=nessuno');
  assert.equal(await page.locator('#f-action-error').textContent(), 'Scelta non valida.');
  await page.context().close();
});

test('a row leads to its entry, said in the same words; the server draws the same entry first', async () => {
  const page = await h.newPage();
  await page.goto(`/registro?tipo=amendment.rejected&proposta=${ref}`);
  const row = page.locator('#audit-list > li').filter({ has: page.locator(`a[href="/registro/${rejected.id}"]`) });
  const words = await row.innerText();
  assert.match(words, /motivazione: /, 'the row has its reason');
  await row.locator('time').click();
  await page.waitForURL((u) => u.pathname === `/registro/${rejected.id}`);
  await page.locator('h1', { hasText: 'Voce del registro pubblico' }).waitFor();
  assert.equal(await page.locator('main .audit-entry').innerText(), words);
  assert.equal(await page.title(), 'Voce del registro pubblico: Emendamento respinto · Emenda');
  assert.equal(await page.locator('main .audit-entry time').evaluate((t) => t.closest('a')), null, 'the time is not a link to the page itself');

  // As the server sent it (no script), then as the app draws it: the same action, on the same proposal, with the same reason.
  const plain = await h.browser.newContext({ javaScriptEnabled: false, baseURL: h.url });
  const sent = await plain.newPage();
  await sent.goto(`/registro/${rejected.id}`);
  const server = await sent.locator('main').evaluate((m) => [m.querySelector('h1').textContent, m.querySelector('p strong').textContent, m.querySelector('a[href^="/proposte/"]').textContent]);
  await plain.close();
  const app = await page.locator('main').evaluate((m) => [m.querySelector('h1').textContent, m.querySelector('.audit-entry strong').textContent, m.querySelector('.audit-entry a[href^="/proposte/"]').textContent]);
  assert.deepEqual(app, server);
  assert.deepEqual(server, ['Voce del registro pubblico', 'Emendamento respinto', ref]);

  await page.getByRole('link', { name: 'Tutto il registro' }).click();
  await page.waitForURL((u) => u.pathname === '/registro' && u.search === '');
  await page.locator('#audit-list').waitFor();
  await page.context().close();
});

test('an entry the reader may not see, or no entry at all, is the app’s “not found”', async () => {
  // A report is in the log for staff only.
  const admin = await apiLogin(h.url, ADMIN);
  const staffOnly = (await apiCall(h.url, 'GET', '/api/v1/audit?action=report.created&limit=1', admin)).body.items[0];
  assert.equal(staffOnly.visibility, 'staff');
  const page = await h.newPage();
  for (const id of [staffOnly.id, '01a24f9f-0000-7000-8000-000000000000', 'nessuna-voce']) {
    const answer = await page.goto(`/registro/${id}`);
    assert.equal(answer.status(), 404, id);
    await page.locator('h1', { hasText: 'Pagina non trovata' }).waitFor();
    assert.equal(await page.locator('.audit-entry').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Torna alla pagina iniziale' }).count(), 1);
  }
  await page.context().close();
});

for (const lang of ['it', 'en']) {
  test(`the filtered log, a refused reference and an entry's page are accessible at desk and 320 px (${lang})`, async () => {
    for (const width of [1280, 320]) {
      const page = await h.newPage({ lang, width });
      for (const [name, path, ready] of [
        ['filtered', `/registro?tipo=amendment.rejected&proposta=${ref}`, '#audit-list'],
        ['refused', '/registro?proposta=EMD-XX', '#f-proposal-error'],
        ['entry', `/registro/${rejected.id}`, 'main .audit-entry'],
      ]) {
        await page.goto(path);
        await page.locator(ready).waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${name} (${lang}, ${width}): horizontal scroll of ${overflow}px`);
        await expectAccessible(page, `audit ${name} (${lang}, ${width} px)`);
        await screenshot(page, `audit-${name}-${lang}-${width}`);
      }
      await page.context().close();
    }
  });
}

test('no script errors on the log’s screens', () => {
  assert.deepEqual(h.pageErrors, []);
});
