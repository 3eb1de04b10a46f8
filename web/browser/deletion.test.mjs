// Deleting one's own account, against real servers that keep different
// grace periods: the settings' section (what happens said first, the
// password, a box to tick before the red button sends), a wrong password
// said at its field, which takes the focus; then the page that says what
// happens next, signed out. Signing in again during the grace period shows
// a banner on every page, writing is refused until "Annulla
// l'eliminazione"; once the grace period is over the account is erased:
// what the person published stays, signed "Partecipante eliminato", and
// their password opens nothing. Each screen passes axe, in both
// languages, at desk and at 320 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, LAYOUTS, PASSWORD, apiCall, apiLogin, apiRegister, elementShot, expectAccessible, itDate, noSideScroll, screenshot, setup, signIn } from './harness.mjs';

const SPACE = 'bilancio-partecipativo-2026';
// Many sign-ups and sign-ins from one address: the limits are raised.
const LIMITS = { EMENDA_RATE_LIMIT_AUTH: '1000', EMENDA_RATE_LIMIT_WRITES: '1000' };

const words = {
  it: {
    section: 'Elimina il mio account',
    wrong: 'La password non è corretta.',
    title: 'Eliminazione dell’account',
    due: new RegExp(`^Il tuo account sarà eliminato ${itDate('il')} alle ore \\d\\d:\\d\\d\\.$`),
    undo: 'Per annullare, accedi di nuovo entro quella data.',
    done: 'Il tuo account è stato eliminato.',
    cancel: 'Annulla l’eliminazione',
    cancelled: 'Eliminazione annullata: il tuo account resta.',
    refused: 'Hai chiesto di eliminare il tuo account: per partecipare, annulla prima l’eliminazione.',
    publish: 'Pubblica il commento',
    posted: 'Commento pubblicato.',
    signIn: 'Accedi',
    deleted: 'Partecipante eliminato',
    badLogin: 'E-mail o password non corretti.',
  },
  en: {
    section: 'Delete my account',
    wrong: 'This is not your password.',
    title: 'Account deletion',
    due: /^Your account will be deleted on \d{1,2} \w+ \d{4} at \d\d:\d\d\.$/,
    undo: 'To cancel, sign in again before then.',
    done: 'Your account has been deleted.',
    cancel: 'Cancel the deletion',
    cancelled: 'Deletion cancelled: your account stays.',
    refused: 'You asked for your account to be deleted: cancel the deletion first to take part.',
    publish: 'Post the comment',
    posted: 'Comment posted.',
    signIn: 'Sign in',
    deleted: 'Deleted participant',
    badLogin: 'Wrong e-mail or password.',
  },
};

let h;
let proposal;
before(async () => {
  h = await setup({ env: { EMENDA_ACCOUNT_DELETION_GRACE: '7d', ...LIMITS } });
  const author = await apiRegister(h.url, 'Paola Greco');
  proposal = await createProposal(h.url, author.token, 'Panchine all’ombra nel parco');
});
after(async () => h?.stop());

async function createProposal(url, token, title) {
  const r = await apiCall(url, 'POST', `/api/v1/spaces/${SPACE}/proposals`, token, { title, body: `${title}: alberi e panchine lungo il viale principale.` });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function comment(url, token, on, body) {
  const r = await apiCall(url, 'POST', `/api/v1/proposals/${on.id}/comments`, token, { body });
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

/** The page's live region says `text`. */
const said = (page, text) => page.waitForFunction((w) => document.querySelector('#live-message')?.textContent === w, text);

/**
 * On the profile: the section, its button refused until the box is ticked;
 * a wrong password sent from the keyboard (its error at the field, which
 * takes the focus), then the right one with the mouse. Ends on the page
 * that says what happens next.
 */
async function deleteFromSettings(page, w, tag, wrong = true) {
  await page.goto('/profilo');
  const section = page.locator('form[aria-labelledby="del-title"]');
  await section.getByRole('heading', { name: w.section }).waitFor();
  const button = section.getByRole('button', { name: w.section });
  assert.equal(await button.isDisabled(), true, 'nothing is sent before the box is ticked');
  if (wrong) {
    await page.locator('#del-password').fill('non-e-la-mia-password');
    await page.locator('#del-password').press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'del-sure');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#del-sure').isChecked(), true);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), w.section);
    await page.keyboard.press('Enter');
    const error = page.locator('#del-password-error');
    await error.waitFor();
    assert.equal(await error.textContent(), w.wrong);
    assert.equal(await page.locator('#del-password').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#del-password').getAttribute('aria-describedby'), /\bdel-password-error\b/);
    await page.waitForFunction(() => document.activeElement?.id === 'del-password', null, { timeout: 5000 });
    assert.equal(new URL(page.url()).pathname, '/profilo', 'still on the profile');
    await noSideScroll(page, `settings ${tag}`);
    await expectAccessible(page, `the deletion section with a wrong password (${tag})`);
    await elementShot(section, `deletion-settings-${tag}`);
    await screenshot(page, `deletion-profile-${tag}`);
  } else {
    await page.locator('label[for="del-sure"]').click();
  }
  await page.locator('#del-password').fill(PASSWORD);
  await button.click();
  await page.waitForURL((u) => u.pathname === '/account-eliminato');
  await page.locator('h1', { hasText: w.title }).waitFor();
}

/** Signed out: the header offers to sign in, and no session is kept for the next visit. */
async function expectSignedOut(page, w) {
  await page.locator('.it-header-slim-wrapper').getByRole('link', { name: w.signIn, exact: true }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('emenda.refresh')), null, 'no session kept');
}

for (const [lang, width] of LAYOUTS) {
  const tag = `${lang}-${width}`;
  test(`a participant deletes their account, signs in again during the grace period and cancels (${tag})`, async () => {
    const w = words[lang];
    const person = await apiRegister(h.url, 'Elena Ferri');
    await comment(h.url, person.token, proposal, 'Servono anche fontanelle vicino alle panchine.');
    const page = await h.newPage({ lang, width, height: width === 320 ? 720 : 900 });
    await signIn(page, person.email);
    await deleteFromSettings(page, w, tag);

    // What happens next, signed out.
    const text = await page.locator('main p').allTextContents();
    assert.match(text[0], w.due);
    assert.equal(text[1], w.undo);
    await expectSignedOut(page, w);
    await noSideScroll(page, `confirmation ${tag}`);
    await expectAccessible(page, `the deletion's page (${tag})`);
    await screenshot(page, `deletion-page-${tag}`);
    // Every session of the account is closed on the server: a token from before the deletion is refused.
    const old = await apiCall(h.url, 'GET', '/api/v1/me', person.token);
    assert.equal(old.status, 401, 'the tokens of before the deletion are refused');

    // Signing in again: a banner on every page says when, with the way back.
    await signIn(page, person.email);
    const banner = page.locator('main .alert-warning');
    await banner.waitFor();
    assert.match(await banner.locator('span').textContent(), w.due);
    await noSideScroll(page, `banner ${tag}`);
    await expectAccessible(page, `the pending deletion's banner (${tag})`);
    await screenshot(page, `deletion-banner-${tag}`);
    await elementShot(banner, `deletion-banner-only-${tag}`);
    await page.goto('/profilo');
    await banner.waitFor();
    assert.equal(await page.locator('#del-password').count(), 0, 'no second deletion while one waits');

    // Writing is refused until the deletion is cancelled.
    await page.goto(`/proposte/${proposal.reference}`);
    await page.locator('#new-comment-body').fill('Vorrei aggiungere una cosa.');
    const form = page.locator('form:has(#new-comment-body)');
    await form.getByRole('button', { name: w.publish }).click();
    await form.locator('.alert-danger').waitFor();
    assert.equal(await form.locator('.alert-danger').textContent(), w.refused);

    await banner.getByRole('button', { name: w.cancel }).click();
    await said(page, w.cancelled);
    assert.equal(await banner.count(), 0, 'the banner is gone');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-title', 'the focus left the button that went to the title');
    await form.getByRole('button', { name: w.publish }).click();
    await said(page, w.posted);
    const me = await apiCall(h.url, 'GET', '/api/v1/me', await apiLogin(h.url, person.email));
    assert.equal(me.body.deletion_due_at, null);
    await page.context().close();
    assert.deepEqual(h.pageErrors, []);
  });
}

test('after a short grace period the account is erased: its comment and proposal say "Partecipante eliminato"', async () => {
  const short = await setup({ env: { EMENDA_ACCOUNT_DELETION_GRACE: '3s', ...LIMITS } });
  try {
    const w = words.it;
    const person = await apiRegister(short.url, 'Elena Ferri');
    const own = await createProposal(short.url, person.token, 'Una biblioteca di quartiere aperta la sera');
    await comment(short.url, person.token, own, 'Anche il sabato pomeriggio, per chi lavora.');
    const page = await short.newPage();
    await signIn(page, person.email);
    await deleteFromSettings(page, w, 'short', false);
    assert.match(await page.locator('main p').first().textContent(), w.due);

    // The server erases due accounts every second or so: until then the password still opens a session.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const login = await apiCall(short.url, 'POST', '/api/v1/auth/login', null, { email: person.email, password: PASSWORD });
      if (login.status === 401) break;
      assert.equal(login.status, 200, JSON.stringify(login.body));
      assert.ok(Date.now() < deadline, 'the account was not erased 30 s after its grace period');
      await new Promise((r) => setTimeout(r, 250));
    }

    for (const lang of ['it', 'en']) {
      const reader = await short.newPage({ lang });
      await reader.goto(`/proposte/${own.reference}`);
      const author = reader.locator('#comment-list li.comment header strong');
      await author.waitFor();
      assert.equal(await author.textContent(), words[lang].deleted);
      assert.equal(await reader.locator('.proposal-meta dd').nth(1).textContent(), words[lang].deleted);
      const shown = await reader.locator('main').innerText();
      for (const gone of ['Elena Ferri', person.nickname, 'deleted-']) assert.ok(!shown.includes(gone), `${lang}: the page shows "${gone}"`);
      await expectAccessible(reader, `a deleted participant's proposal (${lang})`);
      await screenshot(reader, `deletion-erased-proposal-${lang}`);
      await reader.context().close();
    }

    // The public log: the deletion in words, and the person's earlier acts signed the same way.
    await page.goto('/registro?tipo=account.deleted');
    await page.locator('#audit-list strong', { hasText: /^Account eliminato su richiesta$/ }).waitFor();
    assert.equal(await page.locator('#f-action').evaluate((s) => s.selectedOptions[0]?.textContent), 'Account eliminato su richiesta', 'a kind of the filter');
    await expectAccessible(page, 'the log of deletions');
    await screenshot(page, 'deletion-log-kind');
    await page.goto(`/registro?proposta=${own.reference}`);
    const created = page.locator('#audit-list > li', { hasText: 'Commento pubblicato' });
    assert.match(await created.innerText(), /da Partecipante eliminato/);
    assert.ok(!(await page.locator('main').innerText()).includes('Elena Ferri'));
    await expectAccessible(page, 'the log of a deleted participant’s proposal');
    await screenshot(page, 'deletion-erased-log');

    // The administrators' list of people: the same words, no handle, no address, nothing to do.
    const admin = await short.newPage();
    await signIn(admin, ADMIN);
    await admin.goto('/staff/utenti?q=deleted');
    const row = admin.locator('.staff-row').first();
    await row.waitFor();
    assert.equal((await row.locator('h2').innerText()).trim(), 'Partecipante eliminato');
    assert.ok(!(await row.innerText()).includes('deleted-'), 'no placeholder handle or address');
    assert.equal(await row.locator('button, summary').count(), 0, 'no verify or block');
    await expectAccessible(admin, 'a deleted account in the staff list');
    await screenshot(admin, 'deletion-erased-staff');
    await admin.context().close();

    // The password opens nothing any more.
    await page.goto('/accedi');
    await page.locator('#si-email').fill(person.email);
    await page.locator('#si-password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.locator('main .alert-danger', { hasText: w.badLogin }).waitFor();
    assert.deepEqual(short.pageErrors, []);
  } finally {
    await short.stop();
  }
});

test('without a grace period the account is erased at once, and the page says so', async () => {
  const now = await setup({ env: { EMENDA_ACCOUNT_DELETION_GRACE: '0', ...LIMITS } });
  try {
    for (const lang of ['it', 'en']) {
      const w = words[lang];
      const person = await apiRegister(now.url, 'Elena Ferri');
      const page = await now.newPage({ lang, width: 320, height: 720 });
      await signIn(page, person.email);
      await deleteFromSettings(page, w, `now-${lang}`, false);
      assert.deepEqual(await page.locator('main p').allTextContents(), [w.done]);
      await expectSignedOut(page, w);
      await expectAccessible(page, `the deleted account's page (${lang})`);
      await screenshot(page, `deletion-done-${lang}`);
      const login = await apiCall(now.url, 'POST', '/api/v1/auth/login', null, { email: person.email, password: PASSWORD });
      assert.equal(login.status, 401);
      await page.context().close();
    }
    assert.deepEqual(now.pageErrors, []);
  } finally {
    await now.stop();
  }
});
