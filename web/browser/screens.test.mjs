// Every screen, in Italian and in English, anonymous and signed in: zero
// axe violations (WCAG 2.1 AA), at desk and at phone width.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, CITIZEN, PASSWORD, STAFF, apiCall, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
let ref;
let amendmentId;
let ownRef;
before(async () => {
  h = await setup();
  const token = (await apiCall(h.url, 'POST', '/api/v1/auth/login', null, { email: CITIZEN, password: PASSWORD })).body.access_token;
  const me = await apiCall(h.url, 'GET', '/api/v1/me', token);
  const own = await apiCall(h.url, 'GET', `/api/v1/proposals?author=${me.body.id}&state=published&limit=1`);
  ownRef = own.body.items[0].reference;
  const list = await apiCall(h.url, 'GET', '/api/v1/proposals?sort=most_commented&limit=1');
  ref = list.body.items[0].reference;
  const amendments = await apiCall(h.url, 'GET', '/api/v1/proposals?limit=50');
  for (const p of amendments.body.items) {
    const a = await apiCall(h.url, 'GET', `/api/v1/proposals/${p.id}/amendments`);
    if (a.body.items.length) {
      amendmentId = a.body.items[0].id;
      break;
    }
  }
});
after(async () => h?.stop());

const anonymous = () => [
  ['home', '/', 'h1'],
  ['space', '/spazi/bilancio-partecipativo-2026', 'h1'],
  ['proposal', `/proposte/${ref}`, '#comments-title'],
  ['versions', `/proposte/${ref}/versioni`, '.version-timeline-bi'],
  ['compare', `/proposte/${ref}/confronto?da=1&a=2&vista=side`, '.diff'],
  ['compare-inline', `/proposte/${ref}/confronto?da=1&a=2&vista=inline&dettaglio=line`, '.diff'],
  ['verify', `/proposte/${ref}/verifica`, '.alert'],
  ['amendment', `/emendamenti/${amendmentId}`, '#am-changes-title'],
  ['audit', '/registro', 'table'],
  ['sign-in', '/accedi', 'form'],
  ['sign-up', '/registrati', 'form'],
  ['not-found', '/nessuna-pagina', 'h1'],
  ['unknown-proposal', '/proposte/EMD-PROP-1999-1-1', 'h1'],
];

for (const lang of ['it', 'en']) {
  test(`every screen has zero axe violations (${lang}, anonymous)`, async () => {
    const page = await h.newPage({ lang });
    for (const [name, path, ready] of anonymous()) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      await expectAccessible(page, `${name} (${lang})`);
      await screenshot(page, `screen-${name}-${lang}`);
    }
    await page.context().close();
  });

  test(`signed-in screens have zero axe violations (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await signIn(page, CITIZEN);
    for (const [name, path, ready] of [
      ['proposal-signed-in', `/proposte/${ref}`, '#new-comment-body'],
      ['new-proposal', '/nuova-proposta', '#ed-title'],
      ['amend', `/proposte/${ref}/emenda`, '#am-title'],
      ['profile', '/profilo', 'h1'],
      ['edit', `/proposte/${ownRef}/modifica`, '#ed-body'],
    ]) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await expectAccessible(page, `${name} (${lang})`);
      await screenshot(page, `screen-${name}-${lang}`);
    }
    await page.context().close();
  });

  test(`staff console screens have zero axe violations (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await signIn(page, STAFF);
    for (const [name, path, ready] of [
      ['staff-amendments', '/staff/emendamenti', '.staff-nav'],
      ['staff-reports', '/staff/segnalazioni?stato=all', '.staff-row'],
      ['staff-answers', `/staff/risposte?proposta=${ref}`, '#answer-text'],
    ]) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await expectAccessible(page, `${name} (${lang})`);
      await screenshot(page, `screen-${name}-${lang}`);
    }
    await page.getByRole('button', { name: lang === 'it' ? 'Esci' : 'Sign out' }).click();
    await signIn(page, ADMIN);
    await page.goto('/staff/utenti?q=a');
    await page.locator('.staff-row').first().waitFor();
    await expectAccessible(page, `staff-users (${lang})`);
    await screenshot(page, `screen-staff-users-${lang}`);
    await page.context().close();
  });

  test(`the proposal page is usable at 320 px (${lang})`, async () => {
    const page = await h.newPage({ lang, width: 320, height: 640 });
    await page.goto(`/proposte/${ref}`);
    await page.locator('#comments-title').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px at 320px`);
    await expectAccessible(page, `proposal at 320px (${lang})`);
    await screenshot(page, `screen-proposal-320-${lang}`);
    // On a phone the diff is inline unless asked otherwise.
    await page.goto(`/proposte/${ref}/confronto?da=1&a=2`);
    await page.locator('.diff').waitFor();
    assert.equal(await page.locator('#diff-layout').inputValue(), 'inline');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `horizontal scroll of ${wide}px on the diff at 320px`);
    await expectAccessible(page, `diff at 320px (${lang})`);
    await screenshot(page, `screen-compare-320-${lang}`);
    await page.context().close();
  });
}

test('the space list keeps its filters and pages in the address', async () => {
  const page = await h.newPage();
  await page.goto('/spazi/bilancio-partecipativo-2026');
  await page.locator('.proposal-list').waitFor();
  await page.locator('#f-sort').selectOption('most_supported');
  await page.locator('#f-state').selectOption('published');
  await page.getByRole('button', { name: 'Applica' }).click();
  await page.waitForURL(/stato=published&ordine=most_supported/);
  const first = await page.locator('.proposal-list .card-title').first().textContent();
  const all = await page.locator('.proposal-list .badge', { hasText: 'Accolta' }).count();
  assert.equal(all, 0, 'only published proposals');
  // A shared link opens the same list.
  const other = await h.newPage();
  await other.goto(page.url());
  await other.locator('.proposal-list').waitFor();
  assert.equal(await other.locator('.proposal-list .card-title').first().textContent(), first);
  assert.equal(await other.locator('#f-sort').inputValue(), 'most_supported');
  // Back returns to the unfiltered list, and its form follows.
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('stato'));
  await page.waitForFunction(() => document.querySelector('#f-state')?.value === '' && document.querySelector('#f-sort')?.value === 'recent');
  await page.context().close();
  await other.context().close();
});

test('no script errors on any screen', () => {
  assert.deepEqual(h.pageErrors, []);
});
