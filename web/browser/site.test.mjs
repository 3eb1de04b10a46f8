// The site as a public body's: the header and footer name the owning body
// (its name, logo, site and address, from the server's settings), the
// footer links the legal notes, the privacy notice and the accessibility
// statement by the titles they are published under, each page shows its
// version and its earlier ones, an administrator publishes the next version
// (and is told when someone else published first), and sign-up links the
// notice it asks to accept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, apiCall, apiLogin, expectAccessible, itDate, screenshot, setup, signIn } from './harness.mjs';

const OWNER = 'Comune di Valfiorita';
const OWNER_URL = 'https://www.comune.valfiorita.example/';
const OWNER_EMAIL = 'partecipa@comune.valfiorita.example';

let h;
before(async () => {
  const logo = join(mkdtempSync(join(tmpdir(), 'emenda-logo-')), 'stemma.svg');
  writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="48" viewBox="0 0 40 48"><path d="M2 2h36v26c0 10-8 16-18 18C10 44 2 38 2 28z" fill="#fff" stroke="#17334f" stroke-width="3"/></svg>');
  h = await setup({ env: { EMENDA_OWNER_NAME: OWNER, EMENDA_OWNER_URL: OWNER_URL, EMENDA_OWNER_EMAIL: OWNER_EMAIL, EMENDA_OWNER_LOGO: logo } });
});
after(async () => h?.stop());

/** Counts the API requests a page makes, by path. */
function countApi(page) {
  const seen = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) seen.push(u.pathname);
  });
  return seen;
}

for (const lang of ['it', 'en']) {
  test(`header and footer name the owning body and link the legal pages, read once (${lang})`, async () => {
    const page = await h.newPage({ lang });
    const api = countApi(page);
    await page.goto('/');
    await page.locator('h1').first().waitFor();
    const brand = page.locator('.it-header-slim-wrapper .navbar-brand');
    await assert.doesNotReject(brand.getByText(OWNER).waitFor());
    assert.equal(await brand.getAttribute('href'), OWNER_URL);
    const footer = page.locator('footer.it-footer');
    assert.equal((await footer.locator('.it-brand-title').textContent()).trim(), OWNER);
    // The logo is drawn (it loaded) and says nothing: the name beside it does.
    const logo = footer.locator('img[src="/api/v1/site/logo"]');
    assert.equal(await logo.getAttribute('alt'), '');
    await page.waitForFunction(() => document.querySelector('footer img[src="/api/v1/site/logo"]')?.naturalWidth > 0);
    assert.equal(await footer.locator(`a[href="${OWNER_URL}"]`).count(), 1);
    assert.equal(await footer.locator(`a[href="mailto:${OWNER_EMAIL}"]`).count(), 1);
    // The small prints: the three pages, by their published titles, at their addresses.
    const links = await footer.locator('.it-footer-small-prints a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent.trim()]));
    assert.deepEqual(links, [
      ['/note-legali', 'Note legali'],
      ['/privacy', 'Informativa sulla privacy'],
      ['/accessibilita', 'Dichiarazione di accessibilità'],
    ]);
    // The titles are the administration's Italian text.
    if (lang === 'en') assert.equal(await footer.locator('.it-footer-small-prints a [lang="it"]').count(), 3);
    await expectAccessible(page, `home with the owner (${lang})`);
    await footer.getByRole('link', { name: 'Dichiarazione di accessibilità' }).click();
    await page.waitForURL(/\/accessibilita$/);
    await page.locator('h1', { hasText: 'Dichiarazione di accessibilità' }).waitFor();
    await page.getByRole('link', { name: lang === 'it' ? 'Registrati' : 'Sign up' }).first().click();
    await page.locator('#su-privacy').waitFor();
    assert.equal(api.filter((p) => p === '/api/v1/site').length, 1, `the site read once: ${api.join(', ')}`);
    await page.context().close();
  });

  for (const [device, width] of [
    ['desk', 1280],
    ['phone', 360],
  ]) {
    test(`the privacy notice shows its text and version (${lang}, ${device})`, async () => {
      const page = await h.newPage({ lang, width });
      await page.goto('/privacy');
      await page.locator('h1', { hasText: 'Informativa sulla privacy' }).waitFor();
      const date = await page.locator('main time').textContent();
      assert.match(date, lang === 'it' ? new RegExp(`^Versione 1 ${itDate('del')}$`) : /^Version 1 of \d+ \w+ \d{4}$/);
      // Markdown rendered (a section heading), marked as Italian where the interface is English.
      const text = page.locator('.site-page-text');
      assert.ok((await text.locator('h4, h3').count()) > 0, 'the sections are headings');
      assert.equal(await text.getAttribute('lang'), lang === 'en' ? 'it' : null);
      assert.equal(await page.locator('h1').getAttribute('lang'), lang === 'en' ? 'it' : null);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px`);
      await expectAccessible(page, `privacy (${lang}, ${device})`);
      await screenshot(page, `site-privacy-${lang}-${device}`);
      // No edit form for someone who is not an administrator.
      assert.equal(await page.getByRole('button', { name: lang === 'it' ? 'Modifica la pagina' : 'Edit the page' }).count(), 0);
      await page.context().close();
    });
  }

  test(`sign-up's consent links the privacy notice in force and passes the checks (${lang})`, async () => {
    for (const width of [1280, 320]) {
      const page = await h.newPage({ lang, width });
      await page.goto('/registrati');
      const link = page.locator('#su-privacy-hint a');
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), '/privacy');
      // Sent without the consent: the box is marked invalid and says why.
      await page.locator('#su-display').fill('Lucia Neri');
      await page.locator('#su-nickname').fill(`lucia${Date.now().toString(36)}`);
      await page.locator('#su-email').fill(`lucia${Date.now().toString(36)}@example.org`);
      await page.locator('#su-password').fill('una-password-lunga-2026');
      await page.locator('form button[type=submit]').click();
      await page.locator('#su-privacy-error').waitFor();
      assert.equal(await page.locator('#su-privacy').getAttribute('aria-invalid'), 'true');
      await expectAccessible(page, `sign-up consent refused (${lang}, ${width})`);
      await screenshot(page, `site-signup-consent-${lang}-${width}`);
      // The link opens the notice (in a new tab, so the form stays filled).
      const [notice] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
      await notice.locator('h1', { hasText: 'Informativa sulla privacy' }).waitFor();
      await page.context().close();
    }
  });
}

test('an administrator publishes a new version; the old one stays readable', async () => {
  const page = await h.newPage();
  await signIn(page, ADMIN);
  await page.goto('/note-legali');
  await page.getByRole('button', { name: 'Modifica la pagina' }).click();
  await page.locator('#page-title-input').fill('Note legali del Comune');
  const body = page.locator('#page-body-input');
  const before = await body.inputValue();
  await body.fill(`${before}\n\n## Aggiornamenti\n\nTesto aggiunto nella seconda versione.`);
  await expectAccessible(page, 'page edit form');
  await screenshot(page, 'site-edit-form');
  await page.getByRole('button', { name: 'Pubblica la versione 2' }).click();
  await page.locator('h1', { hasText: 'Note legali del Comune' }).waitFor();
  assert.match(await page.locator('main time').first().textContent(), new RegExp(`^Versione 2 ${itDate('del')}`));
  assert.ok((await page.locator('.site-page-text').textContent()).includes('Testo aggiunto nella seconda versione.'));
  // The footer follows the new title.
  await page.locator('.it-footer-small-prints a', { hasText: 'Note legali del Comune' }).waitFor();
  // The earlier version, listed and readable at its own address.
  const v1 = page.locator('#page-versions-title + ul a', { hasText: 'Versione 1 del' });
  await v1.click();
  await page.waitForURL(/\/note-legali\?versione=1$/);
  await page.locator('h1', { hasText: /^Note legali$/ }).waitFor();
  await page.getByText('Stai leggendo la versione 1, non più in vigore.').waitFor();
  assert.ok(!(await page.locator('.site-page-text').textContent()).includes('Testo aggiunto'));
  assert.equal(await page.getByRole('button', { name: 'Modifica la pagina' }).count(), 0, 'an old version is not edited');
  // From there, the others: the one in force, said so.
  assert.equal(await page.locator('#page-versions-title').textContent(), 'Altre versioni');
  assert.match(await page.locator('#page-versions-title + ul li').first().textContent(), new RegExp(`^Versione 2 ${itDate('del')} \\(in vigore\\) — Note legali del Comune$`));
  await expectAccessible(page, 'an earlier version');
  await screenshot(page, 'site-old-version');
  await page.context().close();
});

test('a version published meanwhile is said and shown, and the draft kept', async () => {
  const page = await h.newPage();
  await signIn(page, ADMIN);
  await page.goto('/accessibilita');
  await page.getByRole('button', { name: 'Modifica la pagina' }).click();
  const body = page.locator('#page-body-input');
  await body.fill('La mia bozza della dichiarazione.');
  // Someone else publishes first.
  const token = await apiLogin(h.url, ADMIN);
  const current = await apiCall(h.url, 'GET', '/api/v1/pages/accessibilita');
  const other = await apiCall(h.url, 'PUT', '/api/v1/pages/accessibilita', token, { title: current.body.title, body: 'Il testo pubblicato da un collega.', base_version: current.body.version });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  await page.getByRole('button', { name: `Pubblica la versione ${current.body.version + 1}` }).click();
  await page.getByRole('alert').filter({ hasText: `Nel frattempo è stata pubblicata la versione ${other.body.version}` }).waitFor();
  await page.locator('.site-page-text', { hasText: 'Il testo pubblicato da un collega.' }).waitFor();
  assert.equal(await body.inputValue(), 'La mia bozza della dichiarazione.');
  await expectAccessible(page, 'page edit conflict');
  await screenshot(page, 'site-edit-stale');
  // Published again on purpose, it becomes the next version.
  await page.getByRole('button', { name: `Pubblica la versione ${other.body.version + 1}` }).click();
  await page.locator('.site-page-text', { hasText: 'La mia bozza della dichiarazione.' }).waitFor();
  await page.context().close();
});
