// The proposal page reads its answers and the first page of its supporters
// and amendments with the proposal (`include`), never each amendment: an
// amendment card says what it changes in its sentence ("Proponiamo di
// piantare ~~dieci~~ dodici alberi…") from the list's `excerpt`, and so
// does the staff queue. A support, an amendment and an answer made in the
// app show on the page when the reader comes back to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { STAFF, apiCall, apiRegister, expectAccessible, isWitnessRequest, screenshot, setup, signIn } from './harness.mjs';

const SPACE = 'bilancio-partecipativo-2026';
const TITLE = 'Alberi e panchine nei giardini di via Libia';
const BODY = 'Proponiamo di piantare dieci alberi nei giardini di via Libia, lungo il vialetto.\n\nLe panchine nuove saranno sei, tutte all’ombra.';

let h;
let proposal;
let amendment;
before(async () => {
  h = await setup({ env: { EMENDA_RATE_LIMIT_AUTH: '1000', EMENDA_RATE_LIMIT_WRITES: '1000' } });
  const author = await apiRegister(h.url, 'Elena Costa');
  const r = await apiCall(h.url, 'POST', `/api/v1/spaces/${SPACE}/proposals`, author.token, { title: TITLE, body: BODY });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  proposal = r.body;
  const amender = await apiRegister(h.url, 'Marco Riva');
  const a = await apiCall(h.url, 'POST', `/api/v1/proposals/${proposal.id}/amendments`, amender.token, {
    title: TITLE,
    body: BODY.replace('dieci alberi', 'dodici alberi').replace('saranno sei', 'saranno otto'),
    rationale: 'Lo spazio basta per dodici alberi e otto panchine.',
    base_version: 1,
  });
  assert.equal(a.status, 201, JSON.stringify(a.body));
  amendment = a.body;
});
after(async () => h?.stop());

/** The API paths a page asks for from now on. */
function apiRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) seen.push(u.pathname + u.search);
  });
  return seen;
}

for (const lang of ['it', 'en']) {
  for (const [device, width] of [
    ['desk', 1280],
    ['phone', 360],
  ]) {
    test(`an amendment card shows its change in its sentence, from the page's three requests (${lang}, ${device})`, async () => {
      const page = await h.newPage({ lang, width });
      const api = apiRequests(page);
      await page.goto(`/proposte/${proposal.reference}`);
      await page.locator('#comments-title').waitFor();
      const card = page.locator('#amendment-list > li').filter({ has: page.locator(`a[href="/emendamenti/${amendment.id}"]`) });
      const excerpt = card.locator('.amendment-excerpt');
      await excerpt.waitFor();
      assert.equal(await excerpt.locator('del').count(), 1);
      assert.equal(await excerpt.locator('ins').count(), 1);
      // The visible words: struck "dieci", underlined "dodici", in their sentence.
      const visible = await excerpt.evaluate((p) => {
        const clone = p.cloneNode(true);
        for (const hidden of clone.querySelectorAll('.visually-hidden')) hidden.remove();
        return clone.textContent.replace(/\s+/g, ' ').trim();
      });
      const more = lang === 'it' ? "e un'altra modifica" : 'and one other change';
      assert.equal(visible, `Proponiamo di piantare diecidodici alberi nei giardini di via Libia, lungo il vialetto. ${more}`);
      assert.match(await excerpt.locator('del').textContent(), new RegExp(`\\[${lang === 'it' ? 'rimosso' : 'removed'}: dieci ?\\]`));
      assert.match(await excerpt.locator('ins').textContent(), new RegExp(`\\[${lang === 'it' ? 'inserito' : 'inserted'}: dodici ?\\]`));
      if (lang === 'en') assert.equal(await excerpt.locator('[lang="it"]').first().textContent().then((t) => t.startsWith('Proponiamo')), true);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(
        api.filter((p) => p.startsWith('/api/v1/amendments/')),
        [],
        'no amendment read one by one',
      );
      const own = api.filter((p) => !isWitnessRequest(p));
      assert.ok(own.length <= 3, `at most 3 API requests, made ${own.length}: ${own.join(', ')}`);
      assert.ok(api.length - own.length <= 3, `the log witness made ${api.length - own.length} API requests: ${api.join(', ')}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px`);
      await expectAccessible(page, `amendment excerpts (${lang}, ${device})`);
      await card.screenshot({ path: new URL(`../test-results/amendment-excerpt-${lang}-${device}.png`, import.meta.url).pathname });
      await screenshot(page, `proposal-lists-${lang}-${device}`);
      await page.context().close();
    });
  }
}

test('the staff queue shows the same excerpt without reading each amendment', async () => {
  const page = await h.newPage();
  await signIn(page, STAFF);
  const api = apiRequests(page);
  await page.goto('/staff/emendamenti');
  const row = page.locator(`#emendamento-${amendment.id}`);
  await row.waitFor();
  await row.locator('.amendment-excerpt del', { hasText: 'dieci' }).waitFor();
  await row.locator('.amendment-excerpt ins', { hasText: 'dodici' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(
    api.filter((p) => p.startsWith('/api/v1/amendments/')),
    [],
  );
  await expectAccessible(page, 'staff queue with excerpts');
  await screenshot(page, 'staff-queue-excerpt');
  await page.context().close();
});

test('a support, an amendment and an answer made in the app show on the page', async () => {
  const reader = await apiRegister(h.url, 'Giorgio Ferri');
  const page = await h.newPage();
  await signIn(page, reader.email);
  await page.goto(`/proposte/${proposal.reference}`);
  await page.locator('#comments-title').waitFor();
  const supporters = page.locator('#supporters-title + *');
  await page.getByRole('button', { name: 'Sostieni questa proposta' }).click();
  await page.locator('#supporter-list li', { hasText: 'Giorgio Ferri' }).waitFor();
  await page.getByRole('button', { name: 'Ritira il sostegno' }).click();
  await page.getByRole('button', { name: 'Sostieni questa proposta' }).waitFor();
  await page.waitForFunction(() => ![...document.querySelectorAll('#supporter-list li')].some((li) => li.textContent.includes('Giorgio Ferri')));
  assert.ok(!(await supporters.textContent()).includes('Giorgio Ferri'));
  // An amendment sent from the page is on it when the reader comes back.
  await page.getByRole('link', { name: 'Proponi un emendamento' }).click();
  const body = page.locator('#am-body');
  await body.waitFor();
  await body.fill((await body.inputValue()).replace('lungo il vialetto', 'lungo il vialetto alberato'));
  await page.locator('#am-rationale').fill('Il vialetto ha già degli alberi.');
  await page.getByRole('button', { name: "Invia l'emendamento" }).click();
  await page.getByRole('link', { name: 'Torna alla proposta' }).click();
  await page.locator('#amendments-title', { hasText: '(2)' }).waitFor();
  await page.locator('#amendment-list .amendment-excerpt ins', { hasText: 'alberato' }).waitFor();
  await page.context().close();

  // An answer published in the staff console is on the page the staff member goes back to.
  const staff = await h.newPage();
  await signIn(staff, STAFF);
  await staff.goto(`/proposte/${proposal.reference}`);
  await staff.locator('#comments-title').waitFor();
  assert.equal(await staff.locator('#answer-title').count(), 0);
  await staff.getByRole('link', { name: 'Rispondi a questa proposta' }).click();
  await staff.locator('#answer-text').fill('Valuteremo la proposta con il settore verde pubblico.');
  await staff.getByRole('button', { name: 'Pubblica la risposta' }).click();
  await staff.getByText('Risposta pubblicata', { exact: false }).first().waitFor();
  await staff.goBack();
  await staff.locator('#answer-title').waitFor();
  await staff.getByText('Valuteremo la proposta con il settore verde pubblico.').waitFor();
  await staff.context().close();
});

test('no script errors on the proposal lists', () => {
  assert.deepEqual(h.pageErrors, []);
});
