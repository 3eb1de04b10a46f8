// The account's e-mail in the browser, against a server that sends real
// mail to a real SMTP server (tests/smtp/server.py): sign-up asks to
// confirm the address on every page until the letter's link is opened; a
// forgotten password is reset through the letter's link; the bell counts
// unread notifications, and the notifications page reads them and marks
// them read. Each page passes axe, in both languages, and at 320 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, PASSWORD, apiCall, apiLogin, expectAccessible, screenshot, setup, signIn, startMailbox } from './harness.mjs';

let h;
let mailbox;

before(async () => {
  mailbox = await startMailbox();
  h = await setup({ env: mailbox.env });
});
after(async () => {
  await h?.stop();
  mailbox?.stop();
});

/** The letters to `address`, waiting until there are `count`. */
const letters = (address, count) => mailbox.letters(address, count);

const linkIn = (letter) => letter.text.match(/https?:\/\/\S+#token=\S+/)[0];

for (const lang of ['it', 'en']) {
  test(`sign-up asks to confirm the address until the letter's link is opened (${lang})`, async () => {
    const page = await h.newPage({ lang });
    const nickname = `conf_${lang}_${Date.now().toString(36)}`;
    const email = `${nickname}@example.org`;
    await page.goto('/registrati');
    await page.locator('#su-display').fill('Lucia Conti');
    await page.locator('#su-nickname').fill(nickname);
    await page.locator('#su-email').fill(email);
    await page.locator('#su-password').fill(PASSWORD);
    // Bootstrap Italia draws the box on the label; a click there ticks it.
    await page.locator('label[for="su-privacy"]').click();
    assert.equal(await page.locator('#su-privacy').isChecked(), true);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/registrati'));
    const banner = page.locator('main .alert-warning');
    await banner.waitFor();
    assert.match(await banner.textContent(), lang === 'it' ? /Conferma il tuo indirizzo/ : /Confirm your e-mail address/);
    await expectAccessible(page, `the confirmation request (${lang})`);
    await screenshot(page, `account-confirm-banner-${lang}`);

    const [letter] = await letters(email, 1);
    const link = new URL(linkIn(letter));
    // The link leads to this site's page (the server's public address).
    await page.goto(link.pathname + link.hash);
    await page.locator('main .alert-success').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is wiped from the address bar');
    await expectAccessible(page, `the confirmed address (${lang})`);
    await page.goto('/');
    await page.locator('h1').first().waitFor();
    assert.equal(await page.locator('main .alert-warning').count(), 0, 'no request once confirmed');
  });
}

test('a forgotten password is reset through the letter, at 320 px', async () => {
  const page = await h.newPage({ lang: 'it', width: 320, height: 720 });
  const nickname = `reset_${Date.now().toString(36)}`;
  const email = `${nickname}@example.org`;
  const r = await apiCall(h.url, 'POST', '/api/v1/auth/register', null, { email, password: PASSWORD, nickname, display_name: 'Marco Neri', privacy_version: 1 });
  assert.equal(r.status, 201);
  await page.goto('/accedi');
  await page.getByRole('link', { name: 'Password dimenticata?' }).click();
  await page.locator('#fp-email').fill(email);
  await page.locator('form button[type=submit]').click();
  await page.locator('main .alert-success').waitFor();
  await expectAccessible(page, 'the forgotten password form, sent');
  const reset = (await letters(email, 2)).find((l) => l.subject.startsWith('Nuova password'));
  const link = new URL(linkIn(reset));
  await page.goto(link.pathname + link.hash);
  await page.locator('#np-password').fill('corta');
  await page.locator('form button[type=submit]').click();
  await page.locator('#np-password-error').waitFor();
  await page.locator('#np-password').fill('una-password-nuova-e-lunga');
  await page.locator('form button[type=submit]').click();
  await page.locator('main .alert-success').waitFor();
  await expectAccessible(page, 'the new password, saved');
  await screenshot(page, 'account-new-password-320');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `no sideways scrolling at 320 px (${width})`);
  // The link worked once (opened anew, as from the letter).
  await page.goto('/');
  await page.goto(link.pathname + link.hash);
  await page.locator('#np-password').fill('una-terza-password-lunga');
  await page.locator('form button[type=submit]').click();
  await page.getByRole('link', { name: 'Chiedi un nuovo collegamento' }).waitFor();
  await signIn(page, email, 'una-password-nuova-e-lunga');
});

test('the bell counts unread notifications and the page reads them', async () => {
  const page = await h.newPage({ lang: 'it' });
  const nickname = `bell_${Date.now().toString(36)}`;
  const email = `${nickname}@example.org`;
  assert.equal((await apiCall(h.url, 'POST', '/api/v1/auth/register', null, { email, password: PASSWORD, nickname, display_name: 'Anna Bell', privacy_version: 1 })).status, 201);
  const confirm = new URL(linkIn((await letters(email, 1))[0]));
  const token = new URLSearchParams(confirm.hash.slice(1)).get('token');
  assert.equal((await apiCall(h.url, 'POST', '/api/v1/auth/confirm-email', null, { token })).status, 204);
  const mine = await apiLogin(h.url, email);
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', mine, {
    title: 'Una fontanella in piazza',
    body: 'Una fontanella di acqua potabile nella piazza del mercato, vicino alle panchine.',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const reference = created.body.reference;
  const comment = await apiCall(h.url, 'POST', `/api/v1/proposals/${reference}/comments`, mine, { body: 'Un commento da cui nascerà una risposta.' });
  assert.equal(comment.status, 201, JSON.stringify(comment.body));
  const admin = await apiLogin(h.url, ADMIN);
  const reply = await apiCall(h.url, 'POST', `/api/v1/proposals/${reference}/comments`, admin, { body: 'Grazie, ne terremo conto.', parent_id: comment.body.id });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));

  await signIn(page, email);
  const bell = page.locator('.it-header-slim-wrapper a.bell');
  await page.waitForFunction(() => document.querySelector('a.bell')?.getAttribute('aria-label')?.includes('1 da leggere'));
  await bell.click();
  await page.waitForURL((u) => u.pathname === '/notifiche');
  const item = page.locator('#notifications li').first();
  await item.waitFor();
  assert.match(await item.textContent(), /ha risposto al tuo commento/);
  await expectAccessible(page, 'the notifications');
  await screenshot(page, 'account-notifications');
  await page.getByRole('button', { name: 'Segna tutte come lette' }).click();
  await page.waitForFunction(() => document.querySelector('a.bell')?.getAttribute('aria-label') === 'Notifiche');
  assert.equal(await page.locator('#notifications .unread').count(), 0);

  // The profile's settings: replies come at once by default; choose never.
  await page.goto('/profilo');
  const replies = page.locator('#nd-comment_reply');
  await replies.waitFor();
  assert.equal(await replies.inputValue(), 'immediate');
  await replies.selectOption('never');
  await page.locator('#live-message').getByText('Preferenza salvata.').waitFor();
  await expectAccessible(page, 'the profile with its settings');
  await screenshot(page, 'account-profile');
  const settings = await apiCall(h.url, 'GET', '/api/v1/me/notification-settings', mine);
  assert.ok(settings.body.some((s) => s.kind === 'comment_reply' && s.delivery === 'never'), JSON.stringify(settings.body));
});
