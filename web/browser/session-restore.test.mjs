// A returning signed-in reader: the page is drawn at once, its reads going
// out in parallel with the session's refresh (held here until the test
// releases it), and the signed-in parts appear when the session arrives.
// Screens that need a session wait for it instead of asking to sign in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CITIZEN, STAFF, apiCall, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
let proposal;
before(async () => {
  h = await setup();
  const list = await apiCall(h.url, 'GET', '/api/v1/proposals?space=bilancio-partecipativo-2026&state=published&sort=most_commented&limit=1');
  proposal = (await apiCall(h.url, 'GET', `/api/v1/proposals/${list.body.items[0].id}`)).body;
});
after(async () => h?.stop());

/** Holds every /auth/refresh of the page until `release()`; `seen` resolves when one is sent. */
async function holdRefresh(page) {
  let release;
  const held = new Promise((r) => (release = r));
  let seen;
  const sent = new Promise((r) => (seen = r));
  let done = 0;
  await page.route('**/api/v1/auth/refresh', async (route) => {
    seen();
    await held;
    await route.continue();
    done++;
  });
  return { release, sent, done: () => done };
}

/** The first line of the proposal's text as the page shows it. */
const firstWords = (body) => body.replace(/[#*_>`-]/g, '').trim().split('\n')[0].split(/\s+/).slice(0, 4).join(' ');

for (const lang of ['it', 'en']) {
  test(`the proposal page is readable while the session is restored, and signed in after (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await signIn(page, CITIZEN);
    await page.goto(`/proposte/${proposal.reference}`);
    await page.locator('#new-comment-body').waitFor();
    const refresh = await holdRefresh(page);
    const proposalRead = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/proposals/${proposal.reference}` && r.request().method() === 'GET');
    await page.reload();
    await refresh.sent;
    // Title and text are there while the refresh is still held.
    await page.getByRole('heading', { level: 1, name: proposal.title }).waitFor({ timeout: 5000 });
    await page.locator('.proposal-text').getByText(firstWords(proposal.body), { exact: false }).first().waitFor({ timeout: 5000 });
    await page.locator('#comments-title').waitFor({ timeout: 5000 });
    assert.equal(refresh.done(), 0, 'the refresh is still held');
    // The proposal was read without a token, in parallel with the refresh.
    assert.equal((await proposalRead).request().headers().authorization, undefined);
    // Nobody signed in is asked to sign in while the session is on its way.
    const signInText = lang === 'it' ? 'Accedi per partecipare' : 'Sign in to take part';
    assert.equal(await page.getByText(signInText).count(), 0, 'no sign-in prompt while restoring');
    assert.equal(await page.locator('.it-header-slim-wrapper').getByRole('link', { name: lang === 'it' ? 'Accedi' : 'Sign in', exact: true }).count(), 0);
    assert.equal(await page.locator('#new-comment-body').count(), 0, 'the signed-in parts wait for the session');
    await expectAccessible(page, `proposal while the session is restored (${lang})`);
    await screenshot(page, `session-restoring-proposal-${lang}`);
    // The session arrives: the signed-in parts appear, the page stays.
    refresh.release();
    await page.locator('#new-comment-body').waitFor();
    const support = page.locator('#supports-title').locator('xpath=..');
    await support.locator('button, .alert-info, p', { hasText: lang === 'it' ? /Sostieni|Hai sostenuto|Ritira/ : /Support|You support|Withdraw/ }).first().waitFor();
    assert.equal(await page.getByRole('heading', { level: 1, name: proposal.title }).count(), 1);
    await expectAccessible(page, `proposal once the session is restored (${lang})`);
    await page.context().close();
  });

  test(`a staff page reloaded while the session is restored waits for it, then shows the console (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await signIn(page, STAFF);
    await page.goto('/staff/emendamenti');
    await page.locator('.staff-nav').waitFor();
    const refresh = await holdRefresh(page);
    await page.reload();
    await refresh.sent;
    await page.getByRole('status').filter({ hasText: lang === 'it' ? 'Caricamento' : 'Loading' }).first().waitFor({ timeout: 5000 });
    // Give the page time to draw whatever it would draw without the session.
    await page.waitForTimeout(500);
    assert.equal(refresh.done(), 0, 'the refresh is still held');
    const main = page.locator('#main');
    assert.equal(await main.getByRole('link', { name: lang === 'it' ? 'Accedi' : 'Sign in' }).count(), 0, 'no sign-in prompt');
    assert.equal(await main.getByText(lang === 'it' ? /riservata allo staff/ : /for the administration/).count(), 0, 'no refusal');
    await expectAccessible(page, `staff page while the session is restored (${lang})`);
    await screenshot(page, `session-restoring-staff-${lang}`);
    refresh.release();
    await page.locator('.staff-nav').waitFor();
    await page.locator('#page-title').waitFor();
    await expectAccessible(page, `staff page once the session is restored (${lang})`);
    await page.context().close();
  });
}

test('no script errors while sessions are restored', () => {
  assert.deepEqual(h.pageErrors, []);
});
