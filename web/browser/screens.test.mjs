// Every screen, in Italian and in English, anonymous and signed in: zero
// axe violations (WCAG 2.1 AA), no colour contrast axe could not decide, and
// every visible text at least 4.5:1 by our own check, at desk and at phone
// width; and every kind of badge among them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, CITIZEN, PASSWORD, STAFF, apiCall, apiLogin, apiRegister, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
let ref;
let amendmentId;
let ownRef;
let auditEntryId;
before(async () => {
  h = await setup();
  auditEntryId = (await apiCall(h.url, 'GET', '/api/v1/audit?action=amendment.rejected&limit=1')).body.items[0].id;
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

// The badges each language's screens showed, as "class text", so the last
// test can tell that every state's colours went through the checks.
const badges = { it: new Set(), en: new Set() };
async function check(page, label, lang) {
  await expectAccessible(page, label);
  // The stylesheet keeps only the utility classes the screens use
  // (styles/main.scss), and the build only the rules of classes some source
  // names (vite.config.ts): one a screen uses that it lacks does nothing.
  // Buttons and alerts are here for the classes the screens build from
  // parts (`btn-outline-${tone}`).
  const unstyled = await page.evaluate(() => {
    const styled = new Set();
    const walk = (rules) => {
      for (const r of rules) {
        for (const m of (r.selectorText ?? '').matchAll(/\.([\w-]+)/g)) styled.add(m[1]);
        if (r.cssRules) walk(r.cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    const utility = /^(d|[mp][tbsexy]?|gap|g[xy]?|fw|fst|bg|text|align-items|justify-content|flex|col|w|h|rounded|shadow|btn|alert)-/;
    return [...new Set([...document.querySelectorAll('[class]')].flatMap((e) => [...e.classList]))].filter((c) => utility.test(c) && !styled.has(c));
  });
  assert.deepEqual(unstyled, [], `utility classes on ${label} that the stylesheet lacks (styles/main.scss; one built from parts goes in BUILT_CLASSES, vite.config.ts)`);
  for (const b of await page.locator('.badge').evaluateAll((els) => els.map((e) => `${[...e.classList].filter((c) => c.startsWith('bg-')).join(' ')} ${e.textContent.trim()}`)))
    badges[lang].add(b.replace(/\d.*$/, '').trim());
}

const anonymous = () => [
  ['home', '/', 'h1'],
  ['space', '/spazi/bilancio-partecipativo-2026', 'h1'],
  ['proposal', `/proposte/${ref}`, '#comments-title'],
  ['versions', `/proposte/${ref}/versioni`, '.version-timeline-bi'],
  ['version', `/proposte/${ref}/versioni/2`, '.markdown'],
  ['compare', `/proposte/${ref}/confronto?da=1&a=2&vista=side`, '.diff'],
  ['compare-inline', `/proposte/${ref}/confronto?da=1&a=2&vista=inline&dettaglio=line`, '.diff'],
  ['verify', `/proposte/${ref}/verifica`, '.alert'],
  ['amendment', `/emendamenti/${amendmentId}`, '#am-changes-title'],
  ['audit', '/registro', '#audit-list'],
  ['audit-filtered', `/registro?tipo=comment.created&proposta=${ref}`, '#audit-list'],
  ['audit-entry', `/registro/${auditEntryId}`, 'main .audit-entry'],
  ['unknown-audit-entry', '/registro/01a24f9f-0000-7000-8000-000000000000', 'h1'],
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
      await check(page, `${name} (${lang})`, lang);
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
      await check(page, `${name} (${lang})`, lang);
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
      await check(page, `${name} (${lang})`, lang);
      await screenshot(page, `screen-${name}-${lang}`);
    }
    await page.getByRole('button', { name: lang === 'it' ? 'Esci' : 'Sign out' }).click();
    await signIn(page, ADMIN);
    await page.goto('/staff/utenti?q=a');
    await page.locator('.staff-row').first().waitFor();
    await check(page, `staff-users (${lang})`, lang);
    await screenshot(page, `screen-staff-users-${lang}`);
    await page.context().close();
  });

  test(`the proposal page is usable at 320 px (${lang})`, async () => {
    const page = await h.newPage({ lang, width: 320, height: 640 });
    await page.goto(`/proposte/${ref}`);
    await page.locator('#comments-title').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px at 320px`);
    await check(page, `proposal at 320px (${lang})`, lang);
    await screenshot(page, `screen-proposal-320-${lang}`);
    // On a phone the diff is inline unless asked otherwise.
    await page.goto(`/proposte/${ref}/confronto?da=1&a=2`);
    await page.locator('.diff').waitFor();
    assert.equal(await page.locator('#diff-layout').inputValue(), 'inline');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `horizontal scroll of ${wide}px on the diff at 320px`);
    await check(page, `diff at 320px (${lang})`, lang);
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

// The states the demo data lacks: a withdrawn proposal, one hidden by
// moderation (its marker), a blocked account.
let withdrawn;
let hidden;
let blocked;
test('set up a withdrawn proposal, a hidden one and a blocked account', async () => {
  const author = await apiRegister(h.url, 'Marta Colombo');
  const make = async (title) => {
    const r = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, { title, body: `${title}: una proposta di prova per i colori.` });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  withdrawn = await make('Una fontana in piazza');
  assert.equal((await apiCall(h.url, 'POST', `/api/v1/proposals/${withdrawn.id}/withdraw`, author.token)).status, 200);
  hidden = await make('Un parcheggio per biciclette');
  const staff = await apiLogin(h.url, STAFF);
  const hide = await apiCall(h.url, 'POST', `/api/v1/moderation/proposals/${hidden.id}/hide`, staff, { note: 'Prova dei colori.' });
  assert.equal(hide.status, 200, JSON.stringify(hide.body));
  const admin = await apiLogin(h.url, ADMIN);
  blocked = author.nickname;
  const me = await apiCall(h.url, 'GET', '/api/v1/me', author.token);
  const block = await apiCall(h.url, 'POST', `/api/v1/moderation/users/${me.body.id}/block`, admin, { justification: 'Prova dei colori.' });
  assert.equal(block.status, 200, JSON.stringify(block.body));
});

for (const lang of ['it', 'en']) {
  test(`badges in the states the demo lacks pass the checks (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await page.goto(`/proposte/${withdrawn.reference}`);
    await page.locator('#comments-title').waitFor();
    await check(page, `withdrawn proposal (${lang})`, lang);
    await page.goto('/spazi/bilancio-partecipativo-2026?stato=withdrawn');
    await page.locator('.proposal-list').waitFor();
    await check(page, `withdrawn proposals (${lang})`, lang);
    await screenshot(page, `screen-space-withdrawn-${lang}`);
    await signIn(page, ADMIN);
    await page.goto(`/proposte/${hidden.reference}`);
    await page.locator('#comments-title').waitFor();
    await check(page, `hidden proposal (${lang})`, lang);
    await screenshot(page, `screen-proposal-hidden-${lang}`);
    await page.goto(`/staff/utenti?q=${blocked}`);
    await page.locator('.staff-row .badge.bg-danger').waitFor();
    await check(page, `blocked account (${lang})`, lang);
    await screenshot(page, `screen-staff-users-blocked-${lang}`);
    await page.context().close();
  });
}

// Each badge's colours on the screens above, by class and (the start of) its words.
const expectedBadges = {
  it: ['bg-primary Pubblicata', 'bg-warning In valutazione', 'bg-success Accolta', 'bg-danger Respinta', 'bg-secondary Ritirata', 'bg-success Soglia raggiunta',
    'bg-success Accettato', 'bg-danger Respinto', 'bg-secondary Ritirato', 'bg-success Basato sulla versione attuale', 'bg-success Basato su una versione precedente',
    'bg-warning In conflitto', 'bg-dark Nascosto dalla moderazione', 'bg-dark Nascosto', 'bg-secondary Versione', 'bg-secondary Commento',
    'bg-success Identità verificata', 'bg-secondary Identità non verificata', 'bg-danger Account bloccato dal'],
  en: ['bg-primary Published', 'bg-warning Under evaluation', 'bg-success Accepted', 'bg-danger Rejected', 'bg-secondary Withdrawn', 'bg-success Threshold reached',
    'bg-success Based on the current version', 'bg-success Based on an earlier version', 'bg-warning Conflicts', 'bg-dark Hidden by moderation', 'bg-dark Hidden',
    'bg-secondary Version', 'bg-secondary Comment', 'bg-success Identity verified', 'bg-secondary Identity not verified', 'bg-danger Account blocked since'],
};
for (const lang of ['it', 'en']) {
  test(`the checks saw a badge of every kind (${lang})`, () => {
    const seen = [...badges[lang]];
    const missing = expectedBadges[lang].filter((b) => !seen.some((s) => s.startsWith(b)));
    assert.deepEqual(missing, [], `badges no screen showed (seen: ${seen.join(', ')})`);
  });
}

test('no script errors on any screen', () => {
  assert.deepEqual(h.pageErrors, []);
});
