// The staff queues' filter forms: the report queue by reason and in either
// order, the amendment queue by proposal, both kept in the address (a
// reload, back and a shared link keep them) and used from the keyboard
// alone; and the undo of a hide made far down the queue, found right where
// the keyboard was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { STAFF, apiCall, apiRegister, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
const SPACE = 'bilancio-partecipativo-2026';
// Titles of this run, so the lists are told apart from the demo's and other tests'.
const run = Date.now().toString(36).slice(-5);
let offTopic = [];
let amended;
let amendments = [];

async function publish(title) {
  const author = await apiRegister(h.url, 'Marta Galli');
  const p = await apiCall(h.url, 'POST', `/api/v1/spaces/${SPACE}/proposals`, author.token, {
    title,
    body: 'Proponiamo panchine all’ombra degli alberi lungo il viale.',
  });
  assert.equal(p.status, 201, JSON.stringify(p.body));
  return p.body;
}

async function report(proposal, reason) {
  const reporter = await apiRegister(h.url, 'Luca Ferri');
  const body = { target: { kind: 'proposal', id: proposal.id }, reason, details: 'Non c’entra con il processo.' };
  const r = await apiCall(h.url, 'POST', '/api/v1/reports', reporter.token, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

async function amend(proposal, n) {
  const amender = await apiRegister(h.url, `Emendatrice ${n}`);
  const r = await apiCall(h.url, 'POST', `/api/v1/proposals/${proposal.id}/amendments`, amender.token, {
    title: proposal.title,
    body: `Proponiamo panchine all’ombra degli alberi lungo il viale, e ${n + 2} fontanelle.`,
    rationale: 'Serve anche l’acqua per chi si siede.',
    base_version: 1,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

before(async () => {
  h = await setup({ env: { EMENDA_RATE_LIMIT_AUTH: '1000', EMENDA_RATE_LIMIT_WRITES: '1000' } });
  for (const n of [1, 2, 3]) {
    const p = await publish(`Un chiosco di gelati nel parco ${run}-${n}`);
    await report(p, 'does_not_belong');
    offTopic.push(p);
  }
  amended = await publish(`Panchine e fontanelle sul viale ${run}`);
  const other = await publish(`Un’altra proposta sul viale ${run}`);
  amendments = [await amend(amended, 1), await amend(amended, 2)];
  await amend(other, 3);
});
after(async () => h?.stop());

const WORDS = {
  it: { reason: 'Motivo', offTopic: 'Fuori tema', order: 'Ordine', newest: 'Prima i più recenti', apply: 'Applica', three: '3 elementi in coda.', two: '2 elementi in coda.', proposal: 'Riferimento della proposta' },
  en: { reason: 'Reason', offTopic: 'Off topic', order: 'Order', newest: 'Newest first', apply: 'Apply', three: '3 items waiting.', two: '2 items waiting.', proposal: 'Proposal reference' },
};
const SIZES = [
  ['it', 1280],
  ['en', 1280],
  ['it', 375],
  ['en', 375],
];

/** The titles the report queue shows, in order. */
const titles = (page) => page.locator('#report-queue .report-preview').allTextContents();
/** The value of a form field. */
const valueOf = (page, id) => page.locator(`#${id}`).inputValue();
/** Waits until the live region's message says `words`. */
const said = (page, words) => page.waitForFunction((w) => document.querySelector('#live-message')?.textContent === w, words);

test('the report queue is filtered by reason and read newest first from the keyboard; the address keeps it', async () => {
  const w = WORDS.it;
  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto('/staff/segnalazioni');
  await desk.locator('#report-queue > li').first().waitFor();
  const form = desk.getByRole('form', { name: 'Filtra le segnalazioni' });
  // Each control has its label; the arrows choose, and nothing moves until "Applica".
  await form.getByLabel(w.reason, { exact: true }).focus();
  for (let i = 0; i < 3; i++) await desk.keyboard.press('ArrowDown');
  assert.equal(await valueOf(desk, 'report-reason'), 'does_not_belong');
  await desk.keyboard.press('Tab');
  assert.equal(await desk.evaluate(() => document.activeElement?.id), 'report-sort');
  await desk.keyboard.press('ArrowDown');
  assert.equal(await valueOf(desk, 'report-sort'), 'newest');
  assert.equal(new URL(desk.url()).search, '', 'the list waits for the form to be applied');
  await desk.keyboard.press('Tab');
  assert.equal(await desk.evaluate(() => document.activeElement?.textContent), w.apply);
  await desk.keyboard.press('Enter');
  await desk.waitForURL(/motivo=does_not_belong/);
  assert.equal(new URL(desk.url()).search, '?motivo=does_not_belong&ordine=newest');
  // Newest first: the last reported first. The count stays, and is said.
  const expected = offTopic.map((p) => p.title).reverse();
  await desk.waitForFunction((first) => document.querySelector('#report-queue .report-preview')?.textContent === first, expected[0]);
  assert.deepEqual(await titles(desk), expected);
  await desk.locator('.queue-count', { hasText: w.three }).waitFor();
  await said(desk, w.three);
  await expectAccessible(desk, 'the report queue filtered by reason');

  // A reload (or the same address shared) opens the same list and form.
  await desk.reload();
  await desk.locator('#report-queue > li').first().waitFor();
  assert.deepEqual(await titles(desk), expected);
  assert.equal(await valueOf(desk, 'report-reason'), 'does_not_belong');
  assert.equal(await valueOf(desk, 'report-sort'), 'newest');
  // Oldest first, in the other order.
  await desk.locator('#report-sort').selectOption('oldest');
  await form.getByRole('button', { name: w.apply }).click();
  await desk.waitForURL((u) => u.search === '?motivo=does_not_belong');
  await desk.waitForFunction((first) => document.querySelector('#report-queue .report-preview')?.textContent === first, offTopic[0].title);
  assert.deepEqual(await titles(desk), offTopic.map((p) => p.title));
  // Back: the newest-first list and its form again.
  await desk.goBack();
  await desk.waitForURL(/ordine=newest/);
  await desk.waitForFunction((first) => document.querySelector('#report-queue .report-preview')?.textContent === first, expected[0]);
  assert.equal(await valueOf(desk, 'report-sort'), 'newest');
  assert.deepEqual(h.pageErrors, []);
  await desk.context().close();
});

test('the amendment queue shows one proposal’s amendments, newest first; a proposal it cannot read is marked at its field', async () => {
  const w = WORDS.it;
  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto('/staff/emendamenti');
  await desk.locator('#amendment-queue > li').first().waitFor();
  const field = desk.getByLabel(w.proposal, { exact: true });
  await field.fill(amended.reference);
  await desk.getByLabel(w.order, { exact: true }).selectOption('newest');
  // Enter in the field applies the form.
  await field.press('Enter');
  await desk.waitForURL(/proposta=/);
  assert.equal(new URL(desk.url()).searchParams.get('proposta'), amended.reference);
  assert.equal(new URL(desk.url()).searchParams.get('ordine'), 'newest');
  const rows = desk.locator('#amendment-queue > li');
  await desk.waitForFunction((n) => document.querySelectorAll('#amendment-queue > li').length === n, 2);
  assert.deepEqual(await rows.evaluateAll((li) => li.map((l) => l.id)), [...amendments].reverse().map((id) => `emendamento-${id}`));
  await desk.locator('.queue-count', { hasText: w.two }).waitFor();
  await expectAccessible(desk, 'the amendment queue of one proposal');
  await desk.reload();
  await desk.waitForFunction((n) => document.querySelectorAll('#amendment-queue > li').length === n, 2);
  assert.equal(await field.inputValue(), amended.reference);
  assert.equal(await valueOf(desk, 'amendment-sort'), 'newest');

  // Not a reference: the field says so, and is marked for assistive technology.
  await field.fill('viale alberato');
  await field.press('Enter');
  await desk.locator('#amendment-proposal-error').waitFor();
  assert.equal(await desk.locator('#amendment-proposal-error').textContent(), 'Formato non valido.');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await field.getAttribute('aria-describedby'), /amendment-proposal-error/);
  await desk.getByRole('alert').first().waitFor();
  await expectAccessible(desk, 'the amendment queue refusing a proposal');
  // Emptied: every proposal again.
  await field.fill('');
  await field.press('Enter');
  await desk.waitForURL((u) => u.search === '?ordine=newest');
  await desk.locator('#amendment-queue > li').first().waitFor();
  assert.equal(await desk.locator('#amendment-proposal-error').count(), 0);
  assert.deepEqual(h.pageErrors, []);
  await desk.context().close();
});

for (const [lang, width] of SIZES) {
  test(`the queues' filter forms read in ${lang} at ${width} px`, async () => {
    const w = WORDS[lang];
    const desk = await h.newPage({ lang, width, height: width < 500 ? 812 : 900 });
    await signIn(desk, STAFF);
    await desk.goto('/staff/segnalazioni?motivo=does_not_belong&ordine=newest');
    await desk.locator('#report-queue > li').first().waitFor();
    assert.equal(await desk.locator('#report-reason option:checked').textContent(), w.offTopic);
    assert.equal(await desk.locator('#report-sort option:checked').textContent(), w.newest);
    await desk.locator('.queue-count', { hasText: w.three }).waitFor();
    await expectAccessible(desk, `the report queue's form (${lang}, ${width} px)`);
    await screenshot(desk, `queues-reports-filtered-${lang}-${width}`);
    await desk.goto(`/staff/emendamenti?proposta=${amended.reference}&ordine=newest`);
    await desk.waitForFunction((n) => document.querySelectorAll('#amendment-queue > li').length === n, 2);
    await desk.locator('.queue-count', { hasText: w.two }).waitFor();
    await expectAccessible(desk, `the amendment queue's form (${lang}, ${width} px)`);
    await screenshot(desk, `queues-amendments-filtered-${lang}-${width}`);
    assert.deepEqual(h.pageErrors, []);
    await desk.context().close();
  });
}

test('a hide far down the queue leaves its undo where the item was, reached from the keyboard', async () => {
  // Eight items reported for "other", on a phone: the seventh is far below the top.
  const items = [];
  for (let n = 1; n <= 8; n++) {
    const p = await publish(`Una bacheca per gli annunci ${run}-${n}`);
    await report(p, 'other');
    items.push(p);
  }
  const target = items[6];
  const desk = await h.newPage({ width: 375, height: 812 });
  // Scrolled at once to what takes the focus (Bootstrap scrolls smoothly otherwise).
  await desk.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(desk, STAFF);
  await desk.goto('/staff/segnalazioni?motivo=other');
  const entry = desk.locator('.staff-row', { hasText: target.title });
  await entry.waitFor();
  const row = await entry.getAttribute('id');
  const position = () => desk.locator('#report-queue > li').evaluateAll((li, id) => li.findIndex((l) => l.id === id || l.querySelector(`#${id}`)), row);
  const at = await position();
  assert.ok(at >= 6, `the item is far down (${at})`);
  // Keyboard only: its "Nascondi", the note, "Nascondi a tutti".
  await entry.getByRole('button', { name: 'Nascondi', exact: true }).focus();
  await desk.keyboard.press('Enter');
  await desk.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await desk.keyboard.press('Tab');
  assert.equal(await desk.evaluate(() => document.activeElement?.textContent), 'Nascondi a tutti');
  await desk.keyboard.press('Enter');
  await entry.waitFor({ state: 'detached' });
  // The notice is where the item was, with the focus, in view; not at the top of the page.
  const notice = desk.locator('.hidden-notice');
  await notice.waitFor();
  await desk.waitForFunction(() => document.activeElement?.classList.contains('hidden-notice'));
  const noticeAt = await desk.locator('#report-queue > li').evaluateAll((li) => li.findIndex((l) => l.querySelector('.hidden-notice')));
  assert.equal(noticeAt, at, 'in the place of the item');
  const box = await notice.boundingBox();
  const scrolled = await desk.evaluate(() => window.scrollY);
  assert.ok(scrolled > 1000, `the page stays scrolled down where the item was (${scrolled} px)`);
  assert.ok(box.y >= 0 && box.y + box.height <= 812, `the notice is in view (${box.y})`);
  assert.equal(await desk.getByRole('group', { name: `Proposta nascosta: «${target.title}»` }).count(), 1);
  await said(desk, 'Contenuto nascosto.');
  await expectAccessible(desk, 'the notice of a hide far down the queue');
  await screenshot(desk, 'queues-undo-in-place-it-375');
  // What the person sees: the notice in the window, where they were.
  await desk.screenshot({ path: fileURLToPath(new URL('../test-results/queues-undo-in-place-it-375-window.png', import.meta.url)) });
  // One Tab: "Annulla", described by the notice's words; Enter undoes.
  await desk.keyboard.press('Tab');
  const undo = await desk.evaluate(() => ({ text: document.activeElement?.textContent, by: document.activeElement?.getAttribute('aria-describedby') }));
  assert.equal(undo.text, 'Annulla');
  assert.equal(await desk.locator(`#${undo.by}`).textContent(), `Proposta nascosta: «${target.title}»`);
  await desk.keyboard.press('Enter');
  await said(desk, 'Contenuto di nuovo visibile.');
  await desk.waitForFunction((id) => document.activeElement?.id === id, row);
  assert.equal(await position(), at, 'back in its place');
  await entry.getByText('Segnalazioni aperte: 1', { exact: true }).waitFor();
  assert.equal(await notice.count(), 0);
  assert.equal((await apiCall(h.url, 'GET', `/api/v1/proposals/${target.id}`, null)).status, 200);
  assert.deepEqual(h.pageErrors, []);
  await desk.context().close();
});
