// The amendment flow: a participant amends a proposal in the editor (with
// its live diff), staff accept it, and the new version shows the amender as
// editor; a second amendment now conflicts, its page shows the conflict, and
// staff resolve it by giving the final text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { STAFF, apiCall, apiRegister, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(async () => h?.stop());

const BODY = 'Chiediamo una biblioteca di quartiere aperta la sera.\n\nSarà gestita con le associazioni del territorio.\n\nCosto stimato: 30.000 euro.';

test('amendment flow: amend, accept, new version by the amender; a conflict resolved by hand', async () => {
  const author = await apiRegister(h.url, 'Elena Blu');
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Una biblioteca di quartiere aperta la sera',
    body: BODY,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const ref = created.body.reference;

  // A participant amends through the editor.
  const amender = await apiRegister(h.url, 'Luca Rosa');
  const page = await h.newPage();
  await signIn(page, amender.email);
  await page.goto(`/proposte/${ref}`);
  await page.getByRole('link', { name: 'Proponi un emendamento' }).click();
  await page.locator('#am-body').waitFor();
  await page.locator('#am-body').fill(BODY.replace('aperta la sera', 'aperta la sera e la domenica'));
  await page.locator('.diff ins', { hasText: 'domenica' }).first().waitFor();
  await page.locator('#am-rationale').fill('La domenica molte famiglie sono libere.');
  await expectAccessible(page, 'amendment editor');
  await page.getByRole('button', { name: "Invia l'emendamento" }).click();
  await page.waitForURL(/\/emendamenti\//);
  const amendmentId = new URL(page.url()).pathname.split('/')[2];
  await page.getByText('Basato sulla versione attuale: si applica così com’è.').waitFor();
  await page.locator('.diff ins', { hasText: 'domenica' }).first().waitFor();
  await expectAccessible(page, 'amendment page');

  // A second participant amends the same sentence on the same base.
  const other = await apiRegister(h.url, 'Sara Viola');
  const second = await apiCall(h.url, 'POST', `/api/v1/proposals/${created.body.id}/amendments`, other.token, {
    title: 'Una biblioteca di quartiere aperta la sera',
    body: BODY.replace('aperta la sera', 'aperta anche il sabato mattina'),
    rationale: 'Il sabato mattina è il momento delle famiglie.',
    base_version: 1,
  });
  assert.equal(second.status, 201, JSON.stringify(second.body));

  // Staff accept the first from the queue, after looking at its diff in place.
  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto('/staff/emendamenti');
  const row = desk.locator(`#emendamento-${amendmentId}`);
  await row.getByRole('button', { name: 'Mostra le modifiche' }).click();
  await row.locator('ins', { hasText: 'domenica' }).first().waitFor();
  await expectAccessible(desk, 'staff amendment queue');
  await row.getByRole('button', { name: 'Accetta', exact: true }).click();
  await row.getByRole('button', { name: 'Accetta e pubblica la nuova versione' }).click();
  await desk.getByText('Emendamento accettato: la proposta è alla versione 2.').waitFor();

  await page.goto(`/proposte/${ref}`);
  await page.getByText('Versione 2 di 2').waitFor();
  await page.locator('.proposal-meta').getByText('Luca Rosa').waitFor();
  await page.getByText('aperta la sera e la domenica').first().waitFor();
  await page.locator('.amendment-list').getByText('Accettato').waitFor();
  await page.getByRole('link', { name: 'vedi le altre versioni' }).click();
  await page.getByText('Emendamento accettato').waitFor();
  await page.getByRole('link', { name: "dall'emendamento" }).waitFor();

  // The second amendment now conflicts: its page says so and shows each side.
  await page.goto(`/emendamenti/${second.body.id}`);
  await page.getByText('In conflitto con la versione attuale').waitFor();
  await page.getByText('Testo attuale', { exact: true }).first().waitFor();
  await page.locator('.conflict').getByText('sabato mattina').first().waitFor();
  await expectAccessible(page, 'conflicting amendment');

  // Staff resolve it by hand: accepting as is meets the conflict, the editor
  // is prefilled with the merge, the final text goes through.
  await desk.goto('/staff/emendamenti');
  const conflicted = desk.locator(`#emendamento-${second.body.id}`);
  await conflicted.getByText('In conflitto con la versione attuale').waitFor();
  await conflicted.getByRole('button', { name: 'Accetta', exact: true }).click();
  await conflicted.getByRole('button', { name: 'Accetta e pubblica la nuova versione' }).click();
  await conflicted.getByRole('heading', { name: 'Risolvi i conflitti' }).waitFor();
  const finalBody = conflicted.locator('textarea[id^="final-body-"]');
  assert.match(await finalBody.inputValue(), /aperta anche il sabato mattina\./);
  await conflicted.getByRole('button', { name: 'Tieni il testo attuale' }).click();
  assert.match(await finalBody.inputValue(), /aperta anche il sabato sera e la domenica\./);
  await expectAccessible(desk, 'staff conflict resolution');
  await finalBody.fill(BODY.replace('aperta la sera', 'aperta la sera, la domenica e il sabato mattina'));
  await conflicted.getByRole('button', { name: 'Accetta con questo testo' }).click();
  await desk.getByText('Emendamento accettato: la proposta è alla versione 3.').waitFor();
  await screenshot(desk, 'amendment-flow-staff');

  await page.goto(`/proposte/${ref}`);
  await page.getByText('Versione 3 di 3').waitFor();
  await page.getByText('aperta la sera, la domenica e il sabato mattina').first().waitFor();
  await page.locator('.proposal-meta').getByText('Sara Viola').waitFor();
  await screenshot(page, 'amendment-flow');
  assert.deepEqual(h.pageErrors, []);
});
