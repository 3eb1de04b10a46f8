// The proposal page's copy: "Creato il" with its date, "Hai sostenuto la
// versione N" (not the button's words again), and the earlier official
// answers only when the answer was revised.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { STAFF, apiCall, apiLogin, apiRegister, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(async () => h?.stop());

test('created date, own support and earlier answers on the proposal page', async () => {
  const author = await apiRegister(h.url, 'Paolo Gialli');
  const create = async (title) => {
    const r = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
      title,
      body: 'Un testo abbastanza lungo per essere accettato come proposta di prova.',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const once = await create('Una proposta con una sola risposta ufficiale');
  const twice = await create('Una proposta con la risposta ufficiale rivista');
  const staff = await apiLogin(h.url, STAFF);
  const answer = (p, state, text) => apiCall(h.url, 'POST', `/api/v1/moderation/proposals/${p.id}/answer`, staff, { state, answer: text });
  assert.equal((await answer(once, 'evaluating', 'La stiamo valutando.')).status < 300, true);
  assert.equal((await answer(twice, 'evaluating', 'Prima risposta: la valutiamo.')).status < 300, true);
  assert.equal((await answer(twice, 'evaluating', 'Seconda risposta: serve un sopralluogo.')).status < 300, true);

  const page = await h.newPage();
  await page.goto(`/proposte/${once.reference}`);
  await page.getByText('La stiamo valutando.').waitFor();
  // "Creato il" is a label followed by the date itself.
  const created = page.locator('.proposal-meta div', { has: page.locator('dt', { hasText: 'Creato il' }) });
  assert.match(await created.locator('dd').textContent(), /\d{4}/);
  // The answer history is fetched after the page; with one answer nothing appears.
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByText('Risposte precedenti').count(), 0, 'no earlier answers, no section');

  await page.goto(`/proposte/${twice.reference}`);
  await page.getByText('Seconda risposta: serve un sopralluogo.').waitFor();
  await page.getByText('Risposte precedenti (1)').click();
  await page.getByText('Prima risposta: la valutiamo.').waitFor();
  await expectAccessible(page, 'proposal with a revised answer');

  // Supporting shows "Hai sostenuto la versione 1", not the button's label.
  await signIn(page, author.email);
  await page.goto(`/proposte/${once.reference}`);
  await page.getByRole('button', { name: 'Sostieni questa proposta' }).click();
  await page.getByText('Hai sostenuto la versione 1.', { exact: true }).waitFor();
  assert.equal(await page.getByText('Sostieni questa proposta', { exact: false }).count(), 0);
  // The author's own actions, as the server gives them to a signed-in
  // reader after a reload (never the anonymous copy the browser kept).
  await page.getByRole('button', { name: 'Ritira la proposta' }).waitFor();
  await screenshot(page, 'proposal-page-copy');
  // The supporter's receipt: their support's entry in the public log (once
  // the log has sequenced it: about a tenth of a second), the pseudonym it
  // is logged under, and the salt only they are shown.
  const receipt = page.locator('details', { hasText: 'La ricevuta del tuo sostegno' });
  for (let attempt = 0; ; attempt++) {
    await page.reload();
    await receipt.locator('summary').click();
    if ((await receipt.getByText(/Voce \d+ del registro pubblico/).count()) > 0) break;
    assert.ok(attempt < 20, 'the support reaches the log');
    await page.waitForTimeout(250);
  }
  const [pseudonym, salt] = await receipt.locator('code').allTextContents();
  assert.match(pseudonym, /^sha256:[0-9a-f]{64}$/);
  assert.match(salt, /^[0-9a-f]{32,}$/);
  await screenshot(page, 'proposal-support-receipt');
  await page.context().close();
});

test('the proposal and its first comments are all the page needs before its actions work', async () => {
  const author = await apiRegister(h.url, 'Sara Neri');
  const reader = await apiRegister(h.url, 'Luca Verdi');
  const r = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Una fontanella nel parco della stazione',
    body: 'Proponiamo una fontanella di acqua potabile vicino ai giochi del parco.',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const page = await h.newPage();
  await signIn(page, reader.email);
  // Every other API request is held: the supporters, the amendments, any
  // space or answer read. The page must still be whole and its actions live.
  const base = `/api/v1/proposals/${r.body.reference}`;
  const held = [];
  const requested = [];
  await page.route('**/api/v1/**', (route) => {
    const url = new URL(route.request().url());
    requested.push(url.pathname);
    const proposal = [base, `/api/v1/proposals/${r.body.id}`];
    const needed = proposal.some((p) => url.pathname === p || url.pathname === `${p}/comments`) || url.pathname === '/api/v1/auth/refresh';
    if (needed) return route.continue();
    held.push(route);
  });
  await page.goto(`/proposte/${r.body.reference}`);
  await page.getByRole('heading', { name: 'Una fontanella nel parco della stazione' }).waitFor();
  await page.getByRole('button', { name: 'Sostieni questa proposta' }).waitFor();
  await page.locator('#new-comment-body').waitFor();
  await page.getByRole('progressbar').waitFor();
  await page.getByRole('link', { name: 'Bilancio partecipativo 2026 – Quartiere Navile' }).first().waitFor();
  assert.equal(requested.filter((p) => p.startsWith('/api/v1/spaces/')).length, 0, `no space read: ${requested.join(', ')}`);
  for (const route of held) await route.continue();
  await page.unroute('**/api/v1/**');
  await page.context().close();
});

test('no script errors on the proposal page', () => {
  assert.deepEqual(h.pageErrors, []);
});
