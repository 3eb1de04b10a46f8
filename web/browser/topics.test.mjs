// A process's categories and areas ("categoria", "zona"): readers filter a
// process's proposals by them (kept in the address), the cards and the
// proposal page name them, an author files a proposal under them, staff
// keep the lists, and the staff's answers screen lists the proposals
// waiting for an answer, those over the threshold first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { STAFF, apiCall, isWitnessRequest, apiLogin, apiRegister, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(async () => h?.stop());

const SPACE = 'bilancio-partecipativo-2026';
const SIZES = { desk: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } };

/** The references of the proposals the API lists with `query` (one page is all the demo has). */
async function listed(query) {
  const r = await apiCall(h.url, 'GET', `/api/v1/proposals?space=${SPACE}&limit=50&${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items.map((p) => p.reference);
}

/** The references on the process page's cards, once the list shows `n` of them. */
async function cards(page, n) {
  await page.waitForFunction((count) => document.querySelectorAll('.proposal-list article').length === count && !document.querySelector('main [role=status]:not(.live-region)'), n);
  return page.locator('.proposal-list .ref-code').allTextContents();
}

/** The definition of `term` in the proposal page's details, or null. */
const detail = (page, term) =>
  page.evaluate((t) => [...document.querySelectorAll('.proposal-meta dt')].find((dt) => dt.textContent === t)?.nextElementSibling?.textContent ?? null, term);

/** Waits for the live region to say `text`. */
const saidNow = (page, text) => page.waitForFunction((t) => document.querySelector('.live-region')?.textContent === t, text, { timeout: 5000 });

for (const lang of ['it', 'en']) {
  test(`the process page filters by category and by area, in the address (${lang})`, async () => {
    const [categoryIs, areaIs] = lang === 'it' ? ['Categoria: ', 'Zona: '] : ['Category: ', 'Area: '];
    const page = await h.newPage({ lang });
    const requests = [];
    page.on('request', (r) => new URL(r.url()).pathname.startsWith('/api/') && requests.push(new URL(r.url()).pathname));
    await page.goto(`/spazi/${SPACE}`);
    const all = await listed('');
    assert.deepEqual(await cards(page, all.length), all);
    // The page reads the space and its proposals (and the site), as before.
    assert.deepEqual(requests.filter((p) => p !== '/api/v1/site').sort(), ['/api/v1/proposals', `/api/v1/spaces/${SPACE}`]);
    // Each card names its category and area from the space's lists.
    const giardino = page.locator('.proposal-list article', { hasText: 'Un giardino condiviso' });
    assert.equal(await giardino.locator('.topics').textContent(), `${categoryIs}Verde pubblico · ${areaIs}Bolognina`);

    // By category: fewer proposals, each of that category.
    const culture = await listed('category=cultura-sport');
    assert.ok(culture.length > 0 && culture.length < all.length, `${culture.length} of ${all.length}`);
    await page.locator('#f-category').selectOption('cultura-sport');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL(/categoria=cultura-sport/);
    assert.deepEqual(await cards(page, culture.length), culture);
    for (const t of await page.locator('.proposal-list .topics').allTextContents()) assert.ok(t.startsWith(`${categoryIs}Cultura e sport`), t);
    const count = lang === 'it' ? `Proposte trovate: ${culture.length}` : `Proposals found: ${culture.length}`;
    assert.equal(await page.locator(".list-count").textContent(), count);
    await saidNow(page, count);

    // By area as well: the address keeps both, with the other filters.
    const both = await listed('category=cultura-sport&area=lame');
    assert.ok(both.length > 0 && both.length < culture.length, `${both.length} of ${culture.length}`);
    await page.locator('#f-area').selectOption('lame');
    await page.locator('#f-state').selectOption('published');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL((u) => u.searchParams.get('zona') === 'lame' && u.searchParams.get('categoria') === 'cultura-sport' && u.searchParams.get('stato') === 'published');
    assert.deepEqual(await cards(page, both.length), both);
    await saidNow(page, lang === 'it' ? `Proposte trovate: ${both.length}` : `Proposals found: ${both.length}`);

    // A reload keeps them, in the list and in the form.
    await page.reload();
    assert.deepEqual(await cards(page, both.length), both);
    assert.equal(await page.locator('#f-category').inputValue(), 'cultura-sport');
    assert.equal(await page.locator('#f-area').inputValue(), 'lame');
    await expectAccessible(page, `process page filtered (${lang})`);

    // By area alone.
    const bolognina = await listed('area=bolognina');
    await page.locator('#f-category').selectOption('');
    await page.locator('#f-area').selectOption('bolognina');
    await page.locator('#f-state').selectOption('');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL((u) => u.searchParams.get('zona') === 'bolognina' && !u.searchParams.has('categoria'));
    assert.deepEqual(await cards(page, bolognina.length), bolognina);
    for (const t of await page.locator('.proposal-list .topics').allTextContents()) assert.ok(t.endsWith(`${areaIs}Bolognina`), t);
    await expectAccessible(page, `process page by area (${lang})`);
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await screenshot(page, `topics-space-${lang}-${size}`);
    }
    // Usable at 320 px: nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px at 320px`);
    await expectAccessible(page, `process page at 320px (${lang})`);
    await page.context().close();
  });
}

for (const lang of ['it', 'en']) {
  test(`the proposal page names its category and area, and its author changes them (${lang})`, async () => {
    const [category, area, change, saved] =
      lang === 'it' ? ['Categoria', 'Zona', 'Cambia categoria o zona', 'Categoria e zona salvate.'] : ['Category', 'Area', 'Change the category or area', 'Category and area saved.'];
    const author = await apiRegister(h.url, 'Irene Gallo');
    const created = await apiCall(h.url, 'POST', `/api/v1/spaces/${SPACE}/proposals`, author.token, {
      title: 'Panchine ombreggiate lungo il canale',
      body: 'Proponiamo dieci panchine sotto gli alberi lungo il canale, con una fontanella.',
      category: 'verde-pubblico',
      area: 'lame',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const ref = created.body.reference;

    // Anyone reads the names; only who may change them gets the form, and a reader's page reads no list of topics.
    const reader = await h.newPage({ lang });
    const requests = [];
    reader.on('request', (r) => new URL(r.url()).pathname.startsWith('/api/') && requests.push(new URL(r.url()).pathname));
    await reader.goto(`/proposte/${ref}`);
    await reader.locator('#comments-title').waitFor();
    assert.equal(await detail(reader, category), 'Verde pubblico');
    assert.equal(await detail(reader, area), 'Lame');
    assert.equal(await reader.locator('.filing').count(), 0, 'no filing form for an anonymous reader');
    const own = requests.filter((p) => !isWitnessRequest(p));
    assert.ok(own.length <= 3, `a reader's page made ${own.length} API requests: ${own.join(', ')}`);
    assert.ok(!requests.some((p) => p.startsWith('/api/v1/spaces')), requests.join(', '));
    await reader.context().close();

    const page = await h.newPage({ lang });
    await signIn(page, author.email);
    await page.goto(`/proposte/${ref}`);
    await page.getByText(change).click();
    assert.equal(await page.locator('#filing-category').inputValue(), 'verde-pubblico');
    assert.equal(await page.locator('#filing-area').inputValue(), 'lame');
    await page.locator('#filing-category').selectOption('cultura-sport');
    await page.locator('#filing-area').selectOption('');
    await page.locator('.filing button[type=submit]').click();
    await saidNow(page, saved);
    await page.waitForFunction(() => !document.querySelector('.filing').open);
    assert.equal(await detail(page, category), 'Cultura e sport');
    assert.equal(await detail(page, area), null, 'no area any more');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), change, 'the focus back on the summary');
    const now = (await apiCall(h.url, 'GET', `/api/v1/proposals/${ref}`)).body;
    assert.deepEqual([now.category?.slug, now.area], ['cultura-sport', null]);

    // The form open again, as it is drawn.
    await page.getByText(change).click();
    assert.equal(await page.locator('#filing-category').inputValue(), 'cultura-sport');
    assert.equal(await page.locator('#filing-area').inputValue(), '');
    await expectAccessible(page, `proposal page with the filing form (${lang})`);
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await screenshot(page, `topics-proposal-${lang}-${size}`);
    }
    await page.setViewportSize({ width: 320, height: 640 });
    await expectAccessible(page, `proposal page with the filing form at 320px (${lang})`);
    await page.context().close();
  });
}

test('a new proposal is filed under a category and an area; a choice the process no longer offers is said at its field', async () => {
  const staff = await apiLogin(h.url, STAFF);
  const space = (await apiCall(h.url, 'GET', `/api/v1/spaces/${SPACE}`)).body;
  const offer = (categories) => apiCall(h.url, 'PATCH', `/api/v1/spaces/${SPACE}`, staff, { categories });
  assert.equal((await offer([...space.categories, { slug: 'mercati-rionali', name: 'Mercati rionali' }])).status, 200);
  const author = await apiRegister(h.url, 'Paolo Serra');
  const page = await h.newPage();
  await signIn(page, author.email);
  await page.goto(`/nuova-proposta?spazio=${SPACE}`);
  await page.locator('#ed-category').waitFor();
  const options = await page.locator('#ed-category option').allTextContents();
  assert.deepEqual(options, ['Nessuna', ...space.categories.map((c) => c.name), 'Mercati rionali']);
  // Another process offers its own lists.
  await page.locator('#ed-space').selectOption('piano-mobilita-sostenibile');
  await page.locator('#ed-category option', { hasText: 'Ciclabilità' }).waitFor({ state: 'attached' });
  await page.locator('#ed-space').selectOption(SPACE);
  await page.locator('#ed-category').selectOption('mercati-rionali');
  await page.locator('#ed-area').selectOption('corticella');
  await page.locator('#ed-title').fill('Un mercato contadino il sabato in piazza');
  await page.locator('#ed-body').fill('Proponiamo un mercato di produttori locali ogni sabato mattina nella piazza del quartiere.');

  // Meanwhile staff take that category away: the server's refusal is shown at the field.
  assert.equal((await offer(space.categories)).status, 200);
  await page.getByRole('button', { name: 'Pubblica la proposta' }).click();
  await page.locator('#ed-category-error').getByText('Scelta non valida.').waitFor();
  assert.equal(await page.locator('#ed-category').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#ed-category').getAttribute('aria-describedby'), /ed-category-error/);
  // The lists are read again: the choice gone, the other one kept.
  await page.locator('#ed-category option', { hasText: 'Mercati rionali' }).waitFor({ state: 'detached' });
  assert.equal(await page.locator('#ed-category').inputValue(), '');
  assert.equal(await page.locator('#ed-area').inputValue(), 'corticella');
  await expectAccessible(page, 'new proposal with a category refused');
  await screenshot(page, 'topics-new-proposal-refused');

  await page.locator('#ed-category').selectOption('servizi-sociali');
  await page.getByRole('button', { name: 'Pubblica la proposta' }).click();
  await page.waitForURL(/\/proposte\/EMD-PROP-/);
  await page.locator('#comments-title').waitFor();
  assert.equal(await detail(page, 'Categoria'), 'Servizi sociali');
  assert.equal(await detail(page, 'Zona'), 'Corticella');
  await page.context().close();
});

// Each language edits one list: the Italian run a process's categories, the English one another's areas.
const EDITS = {
  it: {
    space: SPACE, kind: 'categories', id: 'cat', filter: 'categoria', add: 'Aggiungi una categoria', save: 'Salva le categorie',
    added: 'Mobilità dolce', addedSlug: 'mobilita-dolce', renamed: ['Servizi sociali', 'Servizi sociali e salute'], inUse: ['cultura-sport', 'Cultura e sport'],
    words: { up: 'Sposta su', down: 'Sposta giù', remove: 'Rimuovi', keep: 'Mantieni', named: (a, n) => `${a} «${n}»`, short: 'Troppo corto.', refused: 'Alcune proposte sono classificate così', atEntry: 'Non si può rimuovere', saved: 'Elenco salvato.' },
  },
  en: {
    space: 'piano-mobilita-sostenibile', kind: 'areas', id: 'area', filter: 'zona', add: 'Add an area', save: 'Save the areas',
    added: 'Città metropolitana', addedSlug: 'citta-metropolitana', renamed: ['Periferie', 'Periferie e frazioni'], inUse: ['centro-storico', 'Centro storico'],
    words: { up: 'Move up', down: 'Move down', remove: 'Remove', keep: 'Keep', named: (a, n) => `${a} “${n}”`, short: 'Too short.', refused: 'Some proposals are filed under it', atEntry: 'It cannot be removed', saved: 'List saved.' },
  },
};

for (const lang of ['it', 'en']) {
  test(`staff add, rename, reorder and remove a process's ${EDITS[lang].kind}; one in use stays, said at its entry (${lang})`, async () => {
    const e = EDITS[lang];
    const w = e.words;
    const before = (await apiCall(h.url, 'GET', `/api/v1/spaces/${e.space}`)).body[e.kind];
    const page = await h.newPage({ lang });
    await signIn(page, STAFF);
    await page.goto(`/staff/categorie?processo=${e.space}`);
    const list = page.locator(`section[aria-labelledby="${e.id}-title"]`);
    const rows = list.locator('.topic-row');
    /** Each row's name (its field's value) or, for one to be removed, its words. */
    const labels = () => rows.evaluateAll((rs) => rs.map((r) => r.querySelector('input')?.value ?? r.textContent));
    await rows.first().waitFor();
    assert.deepEqual(await labels(), before.map((t) => t.name));
    const button = (action, name) => list.getByRole('button', { name: w.named(action, name), exact: true });
    const save = () => list.getByRole('button', { name: e.save }).click();

    // A new entry: its slug follows its name; a name too short is refused at its field.
    await list.getByRole('button', { name: e.add }).click();
    const added = rows.last();
    const newName = await added.locator('input[id$="-name"]').getAttribute('id');
    // The focus moves in the commit that draws the row; a second is a generous bound on a loaded machine.
    await page.waitForFunction((id) => document.activeElement?.id === id, newName, { timeout: 1000 }).catch(() => undefined);
    assert.equal(await page.evaluate(() => document.activeElement?.id), newName, 'the focus on the new name');
    await page.keyboard.type('Ab');
    await save();
    await added.locator('[id$="-name-error"]').getByText(w.short).waitFor();
    assert.equal(await added.locator('input[id$="-name"]').getAttribute('aria-invalid'), 'true');
    await page.keyboard.press('Control+A');
    await added.locator('input[id$="-name"]').fill(e.added);
    assert.equal(await added.locator('input[id$="-slug"]').inputValue(), e.addedSlug);

    // Rename one, and move it up: the focus stays on its button (on the other one at the top, where "up" is disabled).
    const [from, to] = e.renamed;
    const at = before.findIndex((t) => t.name === from);
    await rows.nth(at).locator('input[id$="-name"]').fill(to);
    await button(w.up, to).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.activeElement?.getAttribute('aria-label') === n, w.named(at === 1 ? w.down : w.up, to));
    const order = before.map((t) => (t.name === from ? to : t.name));
    [order[at - 1], order[at]] = [order[at], order[at - 1]];
    assert.deepEqual(await labels(), [...order, e.added]);

    // Remove one that proposals are filed under: the save is refused, and the refusal is said at that entry.
    const [slug, name] = e.inUse;
    await button(w.remove, name).click();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), w.keep, 'the focus on "keep"');
    await save();
    await list.locator('.alert-danger').getByText(w.refused).waitFor();
    const refused = rows.filter({ hasText: w.atEntry });
    assert.equal(await refused.count(), 1);
    assert.equal(await refused.getByRole('link').getAttribute('href'), `/spazi/${e.space}?${e.filter}=${slug}`);
    assert.deepEqual((await apiCall(h.url, 'GET', `/api/v1/spaces/${e.space}`)).body[e.kind], before, 'nothing saved');
    await expectAccessible(page, `staff categories and areas, a removal refused (${lang})`);
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await screenshot(page, `topics-staff-${lang}-${size}`);
    }
    await page.setViewportSize(SIZES.desk);

    // Keep it: the list is saved, in its new order, with its new names.
    await button(w.keep, name).click();
    await save();
    await saidNow(page, w.saved);
    const saved = (await apiCall(h.url, 'GET', `/api/v1/spaces/${e.space}`)).body[e.kind];
    assert.deepEqual(saved.map((t) => t.name), [...order, e.added]);
    assert.equal(saved.at(-1).slug, e.addedSlug);
    assert.equal(saved.find((t) => t.name === to).slug, before.find((t) => t.name === from).slug, 'a renamed entry keeps its slug');
    // The new entry, unused, goes at the next save.
    await button(w.remove, e.added).click();
    await save();
    // The live region still says "saved" from the save before: wait for
    // the list itself (asserting at once raced the save on a slow machine).
    const names = async () => (await apiCall(h.url, 'GET', `/api/v1/spaces/${e.space}`)).body[e.kind].map((t) => t.name);
    for (let tries = 0; tries < 50 && (await names()).length !== order.length; tries++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await names(), order);
    await rows.nth(order.length).waitFor({ state: 'detached', timeout: 2000 }).catch(() => undefined);
    assert.deepEqual(await labels(), order);
    await expectAccessible(page, `staff categories and areas, saved (${lang})`);
    await page.context().close();
  });
}

test('the staff answers screen lists the proposals waiting for an answer, those over the threshold first', async () => {
  // X reaches the threshold (5) and then loses two supports: qualified with 3.
  // Y has 4 and has not reached it: most supported first alone would put Y above X.
  const make = async (title) => {
    const author = await apiRegister(h.url, 'Lucia Fabbri');
    const r = await apiCall(h.url, 'POST', `/api/v1/spaces/${SPACE}/proposals`, author.token, { title, body: `${title}: una proposta per la coda delle risposte.`, category: 'sicurezza' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const x = await make('Attraversamenti pedonali rialzati davanti alle scuole');
  const y = await make('Una ciclofficina di quartiere nei locali della biblioteca');
  const supporters = [];
  for (let i = 0; i < 5; i++) supporters.push(await apiRegister(h.url, `Sostenitore ${i}`));
  for (const s of supporters) assert.equal((await apiCall(h.url, 'PUT', `/api/v1/proposals/${x.id}/support`, s.token)).status, 201);
  for (const s of supporters.slice(0, 2)) assert.equal((await apiCall(h.url, 'DELETE', `/api/v1/proposals/${x.id}/support`, s.token)).status, 204);
  for (const s of supporters.slice(0, 4)) assert.equal((await apiCall(h.url, 'PUT', `/api/v1/proposals/${y.id}/support`, s.token)).status, 201);
  const qualified = await listed('state=published&qualified=true&sort=most_supported');
  const others = await listed('state=published&qualified=false&sort=most_supported');
  assert.ok(qualified.includes(x.reference) && others.includes(y.reference), 'X qualified, Y not');

  const page = await h.newPage();
  await signIn(page, STAFF);
  await page.goto(`/staff/risposte?processo=${SPACE}`);
  const rows = page.locator('#waiting-list .waiting-row');
  await rows.first().waitFor();
  const shown = await rows.locator('.ref-code').allTextContents();
  assert.deepEqual(shown, [...qualified, ...others]);
  assert.ok(shown.indexOf(x.reference) < shown.indexOf(y.reference), 'the qualified one first, though less supported');
  const rowX = rows.filter({ hasText: x.reference });
  await rowX.locator('.badge', { hasText: 'Soglia raggiunta' }).waitFor();
  await rowX.getByText('3 sostegni', { exact: true }).waitFor();
  assert.equal(await rows.filter({ hasText: y.reference }).locator('.badge').count(), 0);

  // A proposal chosen in the list: its answer form, which takes the focus; once answered it leaves the list.
  await rows.filter({ hasText: y.reference }).getByRole('link').click();
  await page.waitForURL((u) => u.searchParams.get('proposta') === y.reference && u.searchParams.get('processo') === SPACE);
  await page.waitForFunction(() => document.activeElement?.id === 'answer-proposal');
  await page.locator('#answer-state').selectOption('accepted');
  await page.locator('#answer-text').fill('Accolta: la ciclofficina aprirà in primavera.');
  await page.getByRole('button', { name: 'Pubblica la risposta' }).click();
  await saidNow(page, 'Risposta pubblicata.');
  await rows.filter({ hasText: y.reference }).waitFor({ state: 'detached' });
  assert.deepEqual(await rows.locator('.ref-code').allTextContents(), [...qualified, ...others.filter((r) => r !== y.reference)]);
  await page.context().close();
});

for (const lang of ['it', 'en']) {
  test(`the list of proposals waiting for an answer is accessible (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await signIn(page, STAFF);
    await page.goto(`/staff/risposte?processo=${SPACE}`);
    await page.locator('#waiting-list .waiting-row').first().waitFor();
    // The other process, chosen with the form.
    await page.locator('#staff-space').selectOption('piano-mobilita-sostenibile');
    await page.locator('.space-picker button').click();
    await page.waitForURL(/processo=piano-mobilita-sostenibile/);
    const other = await apiCall(h.url, 'GET', '/api/v1/proposals?space=piano-mobilita-sostenibile&state=published&sort=most_supported&limit=50');
    await page.waitForFunction((n) => document.querySelectorAll('#waiting-list .waiting-row').length === n, other.body.items.length);
    await page.goto(`/staff/risposte?processo=${SPACE}`);
    await page.locator('#waiting-list .waiting-row').first().waitFor();
    await expectAccessible(page, `staff answers list (${lang})`);
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await screenshot(page, `topics-answers-${lang}-${size}`);
    }
    await page.context().close();
  });
}

test('no script errors', () => {
  assert.deepEqual(h.pageErrors, []);
});
