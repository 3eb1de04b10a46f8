// Every list that can grow long is read page by page with "load more":
// the latest proposals (the pages shown kept in the address), a proposal's
// amendments, supporters and comments, its version timeline, and the staff
// amendment and report queues. The lists are made longer than one page
// through the API (with the sign-up limit raised for the many participants,
// and the hourly edit limit lifted for the proposal edited 50 times).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, STAFF, apiCall, apiLogin, apiRegister, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
let long; // a proposal with 21 supporters, 21 amendments and 21 comments
let edited; // a proposal with 51 versions
const SPACE = 'bilancio-partecipativo-2026';
const BODY = 'Proponiamo di piantare alberi lungo il viale, con panchine e fontanelle.\n\nLa manutenzione è affidata al quartiere.';

before(async () => {
  h = await setup({ env: { EMENDA_RATE_LIMIT_AUTH: '1000', EMENDA_RATE_LIMIT_WRITES: '1000', EMENDA_EDITS_PER_HOUR: '0' } });
  const author = await apiRegister(h.url, 'Marta Verdi');
  const create = async (title) => {
    const r = await apiCall(h.url, 'POST', `/api/v1/spaces/${SPACE}/proposals`, author.token, { title, body: BODY });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  long = await create('Alberi, panchine e fontanelle lungo il viale');
  edited = await create('Una proposta riscritta molte volte dalla sua autrice');
  for (let i = 1; i <= 21; i++) {
    const p = await apiRegister(h.url, `Partecipante ${String(i).padStart(2, '0')}`);
    const s = await apiCall(h.url, 'PUT', `/api/v1/proposals/${long.id}/support`, p.token);
    assert.ok(s.status < 300, JSON.stringify(s.body));
    const a = await apiCall(h.url, 'POST', `/api/v1/proposals/${long.id}/amendments`, p.token, {
      title: long.title,
      body: BODY.replace('alberi', `${i} alberi`),
      rationale: `Un numero preciso di alberi: ${i}.`,
      base_version: 1,
    });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    const c = await apiCall(h.url, 'POST', `/api/v1/proposals/${long.id}/comments`, author.token, { body: `Commento numero ${i}`, alignment: 'neutral' });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const r = await apiCall(h.url, 'POST', '/api/v1/reports', p.token, { target: { kind: 'comment', id: c.body.id }, reason: 'spam' });
    assert.ok(r.status < 300, JSON.stringify(r.body));
  }
  for (let v = 2; v <= 51; v++) {
    const r = await apiCall(h.url, 'POST', `/api/v1/proposals/${edited.id}/versions`, author.token, {
      title: edited.title,
      body: `${BODY}\n\nRevisione numero ${v}.`,
      base_version: v - 1,
    });
    assert.ok(r.status < 300, JSON.stringify(r.body));
  }
});
after(async () => h?.stop());

/** Clicks "load more" and waits until `locator` counts more than `before`. */
async function loadMore(page, name, locator, before) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [locator, before]);
  return page.locator(locator).count();
}

for (const lang of ['it', 'en']) {
  test(`the latest proposals load more, and the address keeps how many pages are shown (${lang})`, async () => {
    const total = (await apiCall(h.url, 'GET', '/api/v1/proposals?limit=100')).body.items.length;
    assert.ok(total > 10, `${total} proposals`);
    const page = await h.newPage({ lang });
    await page.goto('/');
    const cards = '#latest-list .proposal-list > li';
    await page.locator(cards).first().waitFor();
    assert.equal(await page.locator(cards).count(), 10);
    const shown = await loadMore(page, lang === 'it' ? 'Carica altre proposte' : 'Load more proposals', cards, 10);
    assert.equal(shown, Math.min(total, 20));
    await page.waitForURL(/[?&]pagine=2\b/);
    await expectAccessible(page, `home with more proposals (${lang})`);
    // A reload (or the link shared) shows the same list.
    await page.reload();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [cards, shown]);
    await screenshot(page, `paging-home-${lang}`);
    await page.context().close();
  });
}

for (const lang of ['it', 'en']) {
  test(`a proposal's amendments, supporters and comments load more (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await page.goto(`/proposte/${long.reference}`);
    const amendments = '#amendment-list > li';
    const supporters = '#supporter-list > li';
    const comments = '#comment-list > li';
    await page.locator(amendments).first().waitFor();
    await page.locator(supporters).first().waitFor();
    await page.locator(comments).first().waitFor();
    assert.equal(await page.locator(amendments).count(), 20);
    assert.equal(await page.locator(supporters).count(), 20);
    assert.equal(await page.locator(comments).count(), 20);
    await expectAccessible(page, `proposal with long lists (${lang})`);
    const it = lang === 'it';
    assert.equal(await loadMore(page, it ? 'Carica altri emendamenti' : 'Load more amendments', amendments, 20), 21);
    assert.equal(await loadMore(page, it ? 'Mostra altri sostenitori' : 'Show more supporters', supporters, 20), 21);
    assert.equal(await loadMore(page, it ? 'Carica altri commenti' : 'Load more comments', comments, 20), 21);
    await page.getByText('Commento numero 21').waitFor();
    // The lists are complete: no button is left, and the focus is on the last list.
    assert.equal(await page.locator('button.load-more').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'comment-list');
    await expectAccessible(page, `proposal with every page shown (${lang})`);
    await screenshot(page, `paging-proposal-${lang}`);
    await page.context().close();
  });

  test(`the version timeline loads the later versions (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await page.goto(`/proposte/${edited.reference}/versioni`);
    const items = '#version-list > li';
    await page.locator(items).first().waitFor();
    assert.equal(await page.locator(items).count(), 50);
    await expectAccessible(page, `version timeline, first page (${lang})`);
    assert.equal(await loadMore(page, lang === 'it' ? 'Carica le versioni successive' : 'Load later versions', items, 50), 51);
    // Oldest first: the last one is the current version.
    await page.locator(items).last().locator('.it-now').getByText(lang === 'it' ? /Versione 51/ : /Version 51/).waitFor();
    await page.context().close();
  });

  test(`the staff queues load more (${lang})`, async () => {
    const staff = await apiLogin(h.url, STAFF);
    const queued = (await apiCall(h.url, 'GET', '/api/v1/moderation/amendments?limit=100', staff)).body.items.length;
    const reported = (await apiCall(h.url, 'GET', '/api/v1/moderation/reports?limit=100', staff)).body.items.length;
    assert.ok(queued > 20 && reported > 20, `${queued} amendments, ${reported} reports`);
    const page = await h.newPage({ lang });
    await signIn(page, STAFF);
    const it = lang === 'it';
    await page.goto('/staff/emendamenti');
    const rows = '#amendment-queue > li';
    await page.locator(rows).first().waitFor();
    assert.equal(await page.locator(rows).count(), 20);
    assert.equal(await loadMore(page, it ? 'Carica altri emendamenti' : 'Load more amendments', rows, 20), Math.min(queued, 40));
    await expectAccessible(page, `amendment queue, two pages (${lang})`);
    await page.goto('/staff/segnalazioni');
    const entries = '#report-queue > li';
    await page.locator(entries).first().waitFor();
    assert.equal(await page.locator(entries).count(), 20);
    assert.equal(await loadMore(page, it ? 'Carica altre segnalazioni' : 'Load more reports', entries, 20), Math.min(reported, 40));
    await expectAccessible(page, `report queue, two pages (${lang})`);
    await screenshot(page, `paging-reports-${lang}`);
    await page.context().close();
  });
}

test('the people an admin finds load more, a search at a time', async () => {
  const admin = await apiLogin(h.url, ADMIN);
  const found = (await apiCall(h.url, 'GET', '/api/v1/moderation/users?q=partecipante&limit=100', admin)).body.items.length;
  assert.equal(found, 21, 'the 21 participants of this run match their name');
  const page = await h.newPage();
  await signIn(page, ADMIN);
  await page.goto('/staff/utenti?q=partecipante');
  const rows = '#user-list > li';
  await page.locator(rows).first().waitFor();
  assert.equal(await page.locator(rows).count(), 20);
  assert.equal(await loadMore(page, 'Carica altre persone', rows, 20), 21);
  assert.equal(await page.getByRole('button', { name: 'Carica altre persone' }).count(), 0, 'the list ends');
  await expectAccessible(page, 'people found, two pages');
  await page.context().close();
});

test('the public audit log loads more', async () => {
  const total = (await apiCall(h.url, 'GET', '/api/v1/audit?limit=100')).body.items.length;
  assert.ok(total > 50, `${total} entries`);
  const page = await h.newPage();
  await page.goto('/registro');
  const rows = '#audit-list > li';
  await page.locator(rows).first().waitFor();
  assert.equal(await page.locator(rows).count(), 50);
  assert.ok((await loadMore(page, 'Carica altri', rows, 50)) > 50);
  await page.context().close();
});

test('a decision in the queue keeps the pages shown', async () => {
  const staff = await apiLogin(h.url, STAFF);
  const reported = (await apiCall(h.url, 'GET', '/api/v1/moderation/reports?limit=100', staff)).body.items.length;
  const page = await h.newPage();
  await signIn(page, STAFF);
  await page.goto('/staff/segnalazioni');
  const entries = '#report-queue > li';
  await page.locator(entries).first().waitFor();
  await loadMore(page, 'Carica altre segnalazioni', entries, 20);
  // Dismissing the last entry shown reads the two pages again: it is gone, the rest still there.
  const last = page.locator(entries).last();
  const id = await last.getAttribute('id');
  await last.getByRole('button', { name: 'Archivia le segnalazioni' }).click();
  await page.waitForFunction((sel) => !document.getElementById(sel), id);
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [entries, Math.min(reported - 1, 40)]);
  await page.context().close();
});

test('no script errors while paging', () => {
  assert.deepEqual(h.pageErrors, []);
});
