// The moderation flow: reports hide a comment (it stays as a placeholder),
// staff unhide it, and it is back for everyone; a hide undone at once from
// the notice left where the item was; the staff console's counts, answers
// and people; the list of proposals waiting for an answer, each with its
// process and date.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, STAFF, apiCall, apiLogin, apiRegister, expectAccessible, itDate, screenshot, setup, signIn } from './harness.mjs';

let h;
before(async () => {
  // Many sign-ups and sign-ins from one address: the limits are raised.
  h = await setup({ env: { EMENDA_RATE_LIMIT_AUTH: '1000', EMENDA_RATE_LIMIT_WRITES: '1000' } });
});
after(async () => h?.stop());

test('moderation flow: three reports hide a comment, staff unhide it', async () => {
  const author = await apiRegister(h.url, 'Giorgio Neri');
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Fontanelle pubbliche nei giardini del quartiere',
    body: 'Proponiamo tre fontanelle di acqua potabile nei giardini pubblici.',
  });
  assert.equal(created.status, 201);
  const ref = created.body.reference;
  const troll = await apiRegister(h.url, 'Troll');
  const comment = await apiCall(h.url, 'POST', `/api/v1/proposals/${created.body.id}/comments`, troll.token, { body: 'Compratevi una bottiglia!' });
  assert.equal(comment.status, 201);

  const page = await h.newPage();
  await page.goto(`/proposte/${ref}`);
  await page.getByText('Compratevi una bottiglia!').waitFor();

  // Three participants report it: the third report hides it.
  for (const name of ['Uno', 'Due', 'Tre']) {
    const reporter = await apiRegister(h.url, name);
    const r = await apiCall(h.url, 'POST', '/api/v1/reports', reporter.token, { target: { kind: 'comment', id: comment.body.id }, reason: 'offensive' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  await page.reload();
  await page.getByText('Commento nascosto dalla moderazione.').waitFor();
  assert.equal(await page.getByText('Compratevi una bottiglia!').count(), 0);
  await expectAccessible(page, 'proposal with a hidden comment');

  // Staff find it among the hidden items and unhide it: it is back.
  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto('/staff/segnalazioni?stato=hidden');
  const entry = desk.locator('.staff-row', { hasText: 'Compratevi una bottiglia!' });
  await entry.getByText('Offensivo — ').first().waitFor();
  await expectAccessible(desk, 'staff report queue');
  await entry.getByRole('button', { name: 'Rendi visibile' }).click();
  await desk.getByText('Fatto: l’elenco è aggiornato.').waitFor();
  await desk.locator('.staff-row', { hasText: 'Compratevi una bottiglia!' }).waitFor({ state: 'detached' });
  await screenshot(desk, 'moderation-flow-staff');
  await page.reload();
  await page.getByText('Compratevi una bottiglia!').waitFor();

  // The public log shows both moderation steps.
  await page.goto('/registro');
  await page.locator('.audit-entry strong', { hasText: /^Contenuto di nuovo visibile$/ }).first().waitFor();
  await page.locator('.audit-entry strong', { hasText: /^Contenuto nascosto$/ }).first().waitFor();
  // In words from the catalogue, not as raw codes.
  assert.equal(await page.getByText('content.hidden').count(), 0);
  assert.equal(await page.getByText('proposal_id:').count(), 0);
  await screenshot(page, 'moderation-flow');
  assert.deepEqual(h.pageErrors, []);
});

test("the staff console's sections say what waits in each, as the server counts it", async () => {
  const token = await apiLogin(h.url, STAFF);
  const counts = async () => (await apiCall(h.url, 'GET', '/api/v1/moderation/summary', token)).body;
  const before = await counts();
  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto('/staff/risposte');
  const nav = desk.getByRole('navigation', { name: 'Sezioni dell’area staff' });
  await nav.getByRole('link', { name: `Emendamenti da decidere (${before.amendments_waiting})` }).waitFor();
  await nav.getByRole('link', { name: `Segnalazioni (${before.reports_open})` }).waitFor();
  await nav.getByRole('link', { name: `Risposte alle proposte (${before.proposals_awaiting_answer})` }).waitFor();
  // A new proposal waits for an answer: the count follows after a reload.
  const author = await apiRegister(h.url, 'Nadia Conti');
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Una fontanella nel parco della Montagnola',
    body: 'Proponiamo una fontanella di acqua potabile vicino ai giochi del parco.',
  });
  assert.equal(created.status, 201);
  await desk.reload();
  await nav.getByRole('link', { name: `Risposte alle proposte (${before.proposals_awaiting_answer + 1})` }).waitFor();
  assert.deepEqual(h.pageErrors, []);
});

test('staff answer a proposal, and verify and block a user, from the console', async () => {
  const author = await apiRegister(h.url, 'Rita Bianchi');
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Un orto condiviso dietro la biblioteca',
    body: 'Proponiamo un orto condiviso nel cortile dietro la biblioteca comunale.',
  });
  assert.equal(created.status, 201);
  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto(`/proposte/${created.body.reference}`);
  await desk.getByRole('link', { name: 'Rispondi a questa proposta' }).click();
  await desk.locator('#answer-text').waitFor();
  await desk.locator('#answer-state').selectOption('accepted');
  await desk.locator('#answer-text').fill('Accolta: i lavori partiranno in primavera.');
  await desk.getByRole('button', { name: 'Pubblica la risposta' }).click();
  await desk.getByText('Risposta pubblicata.').waitFor();
  await desk.goto(`/proposte/${created.body.reference}`);
  await desk.getByRole('heading', { name: /Risposta ufficiale/ }).waitFor();
  await desk.getByText('Accolta: i lavori partiranno in primavera.').waitFor();

  // An administrator finds the author by name, verifies, then blocks them
  // with a public justification.
  await desk.getByRole('button', { name: 'Esci' }).click();
  await signIn(desk, ADMIN);
  await desk.goto('/staff/utenti');
  // The search is tried again when its address does not change: once in
  // a few full runs the typed words were gone when "Cerca" was pressed
  // (the screen drawn again as the session's data arrived, not yet pinned
  // down), and the search went out empty.
  for (let attempt = 1; ; attempt++) {
    await desk.locator('#user-search').fill('rita bian');
    await desk.getByRole('button', { name: 'Cerca', exact: true }).click();
    try {
      await desk.waitForURL(/[?&]q=rita/, { timeout: 5000, waitUntil: 'commit' });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const row = desk.locator('.staff-row', { hasText: `@${author.nickname}` });
  await row.getByText('Identità non verificata').waitFor();
  await row.getByRole('button', { name: `Verifica l’identità di ${author.nickname}` }).click();
  await row.getByRole('button', { name: `Conferma: ${author.nickname} ha un’identità verificata` }).click();
  await row.getByText(new RegExp(`Identità verificata ${itDate('il')}`)).waitFor();
  // The button is gone: the focus is on the person's name, not lost.
  await desk.waitForFunction(() => document.activeElement?.tagName === 'H2');
  assert.match(await desk.evaluate(() => document.activeElement?.textContent ?? ''), /Rita Bianchi/);
  assert.equal((await apiCall(h.url, 'GET', '/api/v1/me', author.token)).body.verified, true);
  await row.getByText('Blocca l’utente').click();
  await row.getByLabel(/Motivazione del blocco/).fill('Messaggi ripetuti fuori tema.');
  await row.getByRole('button', { name: `Blocca ${author.nickname}` }).click();
  await row.getByText(new RegExp(`Account bloccato ${itDate('dal')}`)).waitFor();
  await row.getByRole('button', { name: `Sblocca ${author.nickname}` }).waitFor();
  assert.equal((await apiCall(h.url, 'GET', '/api/v1/me', author.token)).body.code, 'account_blocked');
  await screenshot(desk, 'staff-answer-and-users');
  assert.deepEqual(h.pageErrors, []);
});

// What the report queue and its notices say, in each language.
const WORDS = {
  it: { hide: 'Nascondi', confirm: 'Nascondi a tutti', hidden: 'Contenuto nascosto.', notice: 'Proposta nascosta:', undo: 'Annulla', shown: 'Contenuto di nuovo visibile.', more: 'Carica altre segnalazioni', open: 'Segnalazioni aperte: 1', state: 'Mostra', apply: 'Applica' },
  en: { hide: 'Hide', confirm: 'Hide from everyone', hidden: 'Content hidden.', notice: 'Proposal hidden:', undo: 'Undo', shown: 'Content visible again.', more: 'Load more reports', open: 'Open reports: 1', state: 'Show', apply: 'Apply' },
};
const SIZES = [
  ['it', 1280],
  ['en', 1280],
  ['it', 375],
  ['en', 375],
];

/** A new proposal reported once (for `reason`): an item of the open report queue. */
async function reportedProposal(title, reason = 'spam') {
  const author = await apiRegister(h.url, 'Marta Galli');
  const p = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title,
    body: 'Proponiamo panchine all’ombra degli alberi lungo il viale.',
  });
  assert.equal(p.status, 201, JSON.stringify(p.body));
  const reporter = await apiRegister(h.url, 'Luca Ferri');
  const r = await apiCall(h.url, 'POST', '/api/v1/reports', reporter.token, { target: { kind: 'proposal', id: p.body.id }, reason });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return p.body;
}

/** How an anonymous reader's read of the proposal answers: 200 visible, 404 hidden. */
const readable = async (id) => (await apiCall(h.url, 'GET', `/api/v1/proposals/${id}`, null)).status;

/** Waits until the live region's message says `words`. */
const said = (page, words) => page.waitForFunction((w) => document.querySelector('#live-message')?.textContent === w, words);

/** The queue entry showing `title`, reading further pages until it is there. */
async function entryOf(page, title, more) {
  await page.locator('#report-queue > li').first().waitFor();
  const entry = page.locator('.staff-row', { hasText: title });
  while (!(await entry.count())) await page.getByRole('button', { name: more }).click();
  return entry;
}

for (const [lang, width] of SIZES) {
  test(`a hide is undone from the notice where the item was, which takes the focus; its reports are open again (${lang}, ${width} px)`, async () => {
    const w = WORDS[lang];
    const p = await reportedProposal(`Panchine all’ombra sul viale (${lang}, ${width})`);
    const desk = await h.newPage({ lang, width, height: width < 500 ? 812 : 900 });
    await signIn(desk, STAFF);
    await desk.goto('/staff/segnalazioni');
    const entry = await entryOf(desk, p.title, w.more);
    const row = await entry.getAttribute('id');
    await entry.getByRole('button', { name: w.hide, exact: true }).click();
    await entry.getByRole('button', { name: w.confirm }).click();
    // Its reports upheld, it leaves the list of those to review; the
    // notice stays where it was, with the focus, and the undo after it.
    await entry.waitFor({ state: 'detached' });
    const notice = desk.locator('#report-queue .hidden-notice', { hasText: p.title });
    await notice.waitFor();
    assert.equal(await notice.locator('p').textContent(), `${w.notice} «${p.title}»`);
    await desk.waitForFunction(() => document.activeElement?.classList.contains('hidden-notice'));
    // The live region says it too, with nothing to press up there.
    await said(desk, w.hidden);
    assert.equal(await desk.locator('.live-region button').count(), 0);
    assert.equal(await readable(p.id), 404);
    await expectAccessible(desk, `the notice offering to undo a hide (${lang}, ${width} px)`);
    await screenshot(desk, `moderation-undo-offered-${lang}-${width}`);

    // From the notice, one Tab reaches the undo.
    await desk.keyboard.press('Tab');
    assert.equal(await desk.evaluate(() => document.activeElement?.textContent), w.undo);
    await desk.keyboard.press('Enter');
    await said(desk, w.shown);
    assert.equal(await notice.count(), 0);
    // Back in the list of those to review, its report open again: it has the focus.
    await desk.waitForFunction((id) => document.activeElement?.id === id, row);
    await entry.getByText(w.open, { exact: true }).waitFor();
    assert.equal(await readable(p.id), 200);
    await expectAccessible(desk, `the item back after an undo (${lang}, ${width} px)`);
    await screenshot(desk, `moderation-undone-${lang}-${width}`);
    await desk.context().close();
  });
}

test('among all items the notice follows the item; another list withdraws the undo', async () => {
  const w = WORDS.it;
  const p = await reportedProposal('Una rastrelliera per le bici davanti al mercato');
  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto('/staff/segnalazioni?stato=all');
  const entry = await entryOf(desk, p.title, w.more);
  const id = await entry.getAttribute('id');
  await entry.getByRole('button', { name: w.hide, exact: true }).click();
  await entry.getByRole('button', { name: w.confirm }).click();
  // Still in this list, hidden: the notice is right after it.
  await entry.getByText('Nascosto', { exact: true }).waitFor();
  const notice = desk.locator('.hidden-notice', { hasText: p.title });
  await notice.waitFor();
  const next = await entry.evaluate((li) => li.nextElementSibling?.querySelector('.hidden-notice')?.id);
  assert.equal(next, await notice.getAttribute('id'));
  await notice.getByRole('button', { name: w.undo, exact: true }).click();
  await said(desk, w.shown);
  await desk.waitForFunction((row) => document.activeElement?.id === row, id);
  await entry.getByRole('button', { name: w.hide, exact: true }).waitFor();
  assert.equal(await entry.getByText('Nascosto', { exact: true }).count(), 0);
  assert.equal(await readable(p.id), 200);

  // Hidden again, then another list chosen: the undo goes, the item stays hidden.
  await entry.getByRole('button', { name: w.hide, exact: true }).click();
  await entry.getByRole('button', { name: w.confirm }).click();
  await notice.getByRole('button', { name: w.undo, exact: true }).waitFor();
  await desk.getByLabel(w.state, { exact: true }).selectOption('hidden');
  await desk.getByRole('button', { name: w.apply, exact: true }).click();
  await desk.waitForURL(/stato=hidden/);
  await desk.locator('#report-queue > li').first().waitFor();
  assert.equal(await desk.locator('.hidden-notice').count(), 0);
  assert.equal(await desk.getByRole('button', { name: w.undo, exact: true }).count(), 0);
  assert.equal(await readable(p.id), 404);
  assert.deepEqual(h.pageErrors, []);
  await desk.context().close();
});

for (const [lang, width] of SIZES) {
  test(`each proposal waiting for an answer says how long it has waited (${lang}, ${width} px)`, async () => {
    const desk = await h.newPage({ lang, width, height: width < 500 ? 812 : 900 });
    await signIn(desk, STAFF);
    await desk.goto('/staff/risposte');
    const rows = desk.locator('#waiting-list > li');
    await rows.first().waitFor();
    const date = new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    for (const row of (await rows.all()).slice(0, 3)) {
      const p = (await apiCall(h.url, 'GET', `/api/v1/proposals/${(await row.getAttribute('id')).slice('waiting-'.length)}`, null)).body;
      const days = Math.floor((Date.now() - new Date(p.created_at).getTime()) / 86_400_000);
      const words = {
        it: days < 1 ? 'in attesa di risposta da oggi' : `in attesa di risposta da ${days} ${days === 1 ? 'giorno' : 'giorni'}`,
        en: days < 1 ? 'awaiting an answer since today' : `awaiting an answer for ${days} ${days === 1 ? 'day' : 'days'}`,
      };
      const line = row.locator('.waiting-where time');
      assert.equal(await line.textContent(), words[lang]);
      // The day it was published, for whoever wants it.
      assert.equal(await line.getAttribute('datetime'), p.created_at);
      assert.equal(await line.getAttribute('title'), date.format(new Date(p.created_at)));
      // One line of small text under the title, at desk width.
      if (width > 1000) assert.ok(await line.evaluate((e) => e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).lineHeight)), 'one line');
    }
    await expectAccessible(desk, `the proposals waiting for an answer (${lang}, ${width} px)`);
    await screenshot(desk, `staff-answers-waiting-${lang}-${width}`);
    assert.deepEqual(h.pageErrors, []);
    await desk.context().close();
  });
}
