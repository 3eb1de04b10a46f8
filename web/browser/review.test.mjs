// Defects found by the second review of the web app, each checked the way a
// person met it: labels over the text above them, the focus lost after a
// support, Italian content unmarked in the English interface, empty fields
// called "too short", one error shown of several, a comment count that
// missed a reply, a report reason chosen for the user, and a header that
// filled the screen at 200 % zoom.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, STAFF, apiCall, apiLogin, apiRegister, expectAccessible, screenshot, setup, signIn } from './harness.mjs';

let h;
let proposal;
let author;
let reader;
let root;
before(async () => {
  // This file registers and signs in more people in a minute than the
  // default limits on sign-in and writes take from one address.
  h = await setup({ env: { EMENDA_RATE_LIMIT_AUTH: '1000', EMENDA_RATE_LIMIT_WRITES: '1000' } });
  author = await apiRegister(h.url, 'Anna Neri');
  reader = await apiRegister(h.url, 'Bruno Grigi');
  // A commenter whose name starts with a vowel: "Rispondi ad APS …".
  const aps = await apiRegister(h.url, 'APS Ciclofficina');
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Rastrelliere coperte davanti alle scuole',
    body: 'Proponiamo rastrelliere coperte per le biciclette davanti a ogni scuola del quartiere.',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  proposal = created.body;
  const c = await apiCall(h.url, 'POST', `/api/v1/proposals/${proposal.id}/comments`, aps.token, { body: 'Possiamo aiutare con il montaggio.' });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  root = c.body;
});
after(async () => h?.stop());

/**
 * Every label under `scope` whose box meets its own field's box or the box
 * of what is drawn just above it (the element before its group, or before
 * the label itself inside a group), with both boxes.
 */
function labelOverlaps(page, scope) {
  return page.evaluate((scope) => {
    const box = (el) => el.getBoundingClientRect();
    const meet = (a, b) => a.width > 0 && b.width > 0 && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const above = (el) => {
      let at = el;
      while (at && !at.previousElementSibling) at = at.parentElement;
      return at?.previousElementSibling ?? null;
    };
    const found = [];
    for (const label of document.querySelectorAll(`${scope} label.form-label`)) {
      const l = box(label);
      const group = label.closest('.form-group') ?? label;
      for (const other of [label.control, above(group)]) {
        if (other && other !== label && !other.contains(label) && meet(l, box(other)))
          found.push(`"${label.textContent.trim()}" over ${other.tagName.toLowerCase()} "${(other.textContent || other.value || '').trim().slice(0, 40)}"`);
      }
    }
    return found;
  }, scope);
}

/** The focused element's text, or "body" when the focus fell back to the page. */
const focused = (page) => page.evaluate(() => (document.activeElement === document.body ? 'body' : (document.activeElement?.textContent?.trim() ?? '')));

test('labels sit clear of the text above them and of their fields (comment, reply, new proposal, answer)', async () => {
  const page = await h.newPage();
  await signIn(page, reader.email);
  await page.goto(`/proposte/${proposal.reference}`);
  await page.locator('#new-comment-body').waitFor();
  const overlaps = { comment: await labelOverlaps(page, '.comment-form') };

  await page.locator('.comment').first().getByRole('button', { name: 'Rispondi', exact: true }).click();
  await page.locator(`#reply-${root.id}-body`).waitFor();
  overlaps.reply = await labelOverlaps(page, `.comment-form:has(#reply-${root.id}-body)`);
  await page.context().close();

  const editor = await h.newPage({ width: 360, height: 740 });
  await signIn(editor, reader.email);
  await editor.goto('/nuova-proposta');
  await editor.locator('#ed-space').waitFor();
  overlaps.proposal = await labelOverlaps(editor, '.editor-form');
  await editor.context().close();

  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto(`/staff/risposte?proposta=${proposal.reference}`);
  await desk.locator('#answer-state').waitFor();
  overlaps.answer = await labelOverlaps(desk, 'main');
  await screenshot(desk, 'review-answer-form');
  await desk.context().close();
  assert.deepEqual(overlaps, { comment: [], reply: [], proposal: [], answer: [] });
});

test('after "Sostieni" the focus stays on the support controls, and goes back after withdrawing', async () => {
  const page = await h.newPage();
  await signIn(page, reader.email);
  await page.goto(`/proposte/${proposal.reference}`);
  const support = page.getByRole('button', { name: /^Sostieni/ });
  await support.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Ritira il sostegno' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await focused(page), 'Ritira il sostegno', 'the control that replaced "Sostieni" has the focus');
  await page.keyboard.press('Enter');
  await support.waitFor();
  await page.waitForTimeout(300);
  assert.match(await focused(page), /^Sostieni/, '"Sostieni" has the focus again');
  await page.context().close();
});

test('in the English interface the Italian content is marked lang="it"', async () => {
  const amender = await apiRegister(h.url, 'Elena Blu');
  const am = await apiCall(h.url, 'POST', `/api/v1/proposals/${proposal.id}/amendments`, amender.token, {
    title: proposal.title,
    body: 'Proponiamo rastrelliere coperte e illuminate davanti a ogni scuola del quartiere.',
    rationale: 'Di sera le biciclette restano al buio.',
    base_version: 1,
  });
  assert.equal(am.status, 201, JSON.stringify(am.body));
  const page = await h.newPage({ lang: 'en' });
  await page.goto(`/proposte/${proposal.reference}`);
  await page.locator('.amendment-list a').first().waitFor();
  await page.locator('.comment-body').first().waitFor();
  const langs = await page.evaluate(() =>
    Object.fromEntries(
      [
        ['title', 'h1'],
        ['body', '.proposal-text'],
        ['comment', '.comment-body'],
        ['amendment', '.amendment-list a'],
        ['space', '.breadcrumb-item a[href^="/spazi/"]'],
      ].map(([k, s]) => [k, document.querySelector(s)?.closest('[lang]')?.getAttribute('lang')]),
    ),
  );
  assert.deepEqual(langs, { title: 'it', body: 'it', comment: 'it', amendment: 'it', space: 'it' });
  // The interface around it stays English.
  assert.equal(await page.evaluate(() => document.querySelector('#supports-title').closest('[lang]').getAttribute('lang')), 'en');
  await page.goto(`/emendamenti/${am.body.id}`);
  await page.locator('.diff-text, .diff-table').first().waitFor();
  // "Amendment: <title>": the words in English, the title in Italian.
  assert.equal(await page.locator('h1 [lang="it"]').textContent(), proposal.title);
  const amLangs = await page.evaluate(() => [...document.querySelectorAll('.markdown, .diff-text')].map((e) => e.closest('[lang]')?.getAttribute('lang')));
  assert.ok(amLangs.length >= 2 && amLangs.every((l) => l === 'it'), `amendment page content: ${amLangs.join(',')}`);
  // The screen-reader words inside the diff stay English.
  assert.equal(await page.locator('.diff-ins .visually-hidden').first().getAttribute('lang'), 'en');
  await expectAccessible(page, 'amendment page in English');
  // In Italian nothing needs marking: the page is Italian.
  await page.evaluate(() => localStorage.setItem('emenda.lang', 'it'));
  await page.goto(`/proposte/${proposal.reference}`);
  await page.locator('.proposal-text').waitFor();
  assert.equal(await page.locator('main [lang]').count(), 0, 'no lang attributes inside an Italian page');
  await page.context().close();
});

test('the new proposal form flags every wrong field at once, empty ones as required', async () => {
  for (const lang of ['it', 'en']) {
    const page = await h.newPage({ lang });
    await signIn(page, reader.email);
    await page.goto('/nuova-proposta');
    await page.locator('#ed-space').waitFor();
    await page.locator('.editor-form button[type=submit]').click();
    const required = lang === 'it' ? 'Campo obbligatorio.' : 'This field is required.';
    await page.locator('#ed-space-error').waitFor();
    const fields = ['ed-space', 'ed-title', 'ed-body'];
    const said = await page.evaluate((ids) => ids.map((id) => [id, document.getElementById(`${id}-error`)?.textContent.trim() ?? null, document.getElementById(id).getAttribute('aria-invalid')]), fields);
    assert.deepEqual(said, fields.map((id) => [id, required, 'true']), lang);
    // A title too short with a space chosen: the server's word, and the body still required.
    await page.locator('#ed-space').selectOption('bilancio-partecipativo-2026');
    await page.locator('#ed-title').fill('Breve');
    await page.locator('.editor-form button[type=submit]').click();
    await page.waitForFunction(() => !document.getElementById('ed-space-error'));
    assert.equal((await page.locator('#ed-title-error').textContent()).trim(), lang === 'it' ? 'Troppo corto.' : 'Too short.');
    assert.equal((await page.locator('#ed-body-error').textContent()).trim(), required);
    await expectAccessible(page, `new proposal errors (${lang})`);
    await screenshot(page, `review-new-proposal-errors-${lang}`);
    await page.context().close();
  }
});

test('an empty field the server finds too short is said to be required (amendment rationale)', async () => {
  const page = await h.newPage();
  await signIn(page, reader.email);
  await page.goto(`/proposte/${proposal.reference}/emenda`);
  await page.locator('#am-body').fill(`${proposal.body} Anche con le luci.`);
  await page.locator('form button[type=submit]').click();
  await page.locator('#am-rationale-error').waitFor();
  assert.equal((await page.locator('#am-rationale-error').textContent()).trim(), 'Campo obbligatorio.');
  await page.locator('#am-rationale').fill('Corta');
  await page.locator('form button[type=submit]').click();
  await page.waitForFunction(() => document.getElementById('am-rationale-error')?.textContent.trim() === 'Troppo corto.');
  await page.context().close();
});

test('"Commenti (n)" counts a reply as soon as it is posted', async () => {
  const page = await h.newPage();
  await signIn(page, reader.email);
  await page.goto(`/proposte/${proposal.reference}`);
  const heading = page.locator('#comments-title');
  await heading.waitFor();
  const before = Number((await heading.textContent()).match(/\((\d+)\)/)[1]);
  await page.locator('.comment').first().getByRole('button', { name: 'Rispondi', exact: true }).click();
  await page.locator(`#reply-${root.id}-body`).fill('Grazie, vi scriviamo.');
  await page.locator(`.comment-form:has(#reply-${root.id}-body) button[type=submit]`).click();
  await page.getByText('Grazie, vi scriviamo.').waitFor();
  assert.equal((await heading.textContent()).trim(), `Commenti (${before + 1})`);
  await page.reload();
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), `Commenti (${before + 1})`, 'the server counts it the same');
  await page.context().close();
});

test('the report form preselects no reason and says one must be chosen', async () => {
  const page = await h.newPage();
  await signIn(page, reader.email);
  await page.goto(`/proposte/${proposal.reference}`);
  await page.getByRole('button', { name: 'Segnala la proposta' }).click();
  const reason = page.locator(`#report-${proposal.id}-reason`);
  await reason.waitFor();
  assert.equal(await reason.inputValue(), '', 'no reason chosen for the user');
  let posted = 0;
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/reports') && posted++);
  await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
  const message = page.locator(`#report-${proposal.id}-reason-error`);
  await message.waitFor();
  assert.equal((await message.textContent()).trim(), 'Scegli il motivo della segnalazione.');
  assert.equal(await reason.getAttribute('aria-invalid'), 'true');
  assert.equal(posted, 0, 'nothing sent without a reason');
  await expectAccessible(page, 'report form with its error');
  await reason.selectOption('spam');
  await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
  await page.getByText('Segnalazione inviata: lo staff la esaminerà.').first().waitFor();
  await page.context().close();
});

test('at 200 % zoom the header is compact and the proposal title is in the first screen', async () => {
  for (const lang of ['it', 'en']) {
    // A 1280 × 800 window at 200 %: 640 × 400 CSS pixels, two device pixels each.
    const page = await h.newPage({ lang, width: 640, height: 400, scale: 2 });
    await page.goto(`/proposte/${proposal.reference}`);
    const h1 = page.locator('h1');
    await h1.waitFor();
    const { top, line, header, vh } = await page.evaluate(() => {
      const title = document.querySelector('h1');
      return {
        top: title.getBoundingClientRect().top,
        line: parseFloat(getComputedStyle(title).lineHeight),
        header: document.querySelector('header').getBoundingClientRect().height,
        vh: innerHeight,
      };
    });
    assert.ok(top + line <= vh, `${lang}: the title's first line (${top}+${line}px) within the first ${vh}px`);
    assert.ok(header <= vh * 0.3, `${lang}: the header (${header}px) takes at most 30 % of the ${vh}px screen`);
    await screenshot(page, `review-zoom-200-${lang}`);
    await page.context().close();
  }
});

test('copy: "ad" before a vowel, one "Proponente", one word for supports and processes, neutral staff wording, conflicts said to the right people', async () => {
  const page = await h.newPage();
  await signIn(page, reader.email);
  await page.goto(`/proposte/${proposal.reference}`);
  await page.locator('.proposal-meta dt').nth(1).waitFor();
  assert.equal(await page.locator('.proposal-meta dt').nth(1).textContent(), 'Proponente');
  const words = await page.locator('main').innerText();
  assert.doesNotMatch(words, /adesion|Spazio/i);
  assert.match(words, /Processo: Bilancio/);
  await page.locator('.comment').first().getByRole('button', { name: 'Rispondi', exact: true }).click();
  await page.getByText('Rispondi ad APS Ciclofficina').waitFor();

  // An amendment the author's next version conflicts with.
  const base = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Fontanelle nei giardini del quartiere',
    body: 'Tre fontanelle di acqua potabile nei giardini pubblici.',
  });
  assert.equal(base.status, 201, JSON.stringify(base.body));
  const amender = await apiRegister(h.url, 'Carla Verdi');
  const am = await apiCall(h.url, 'POST', `/api/v1/proposals/${base.body.id}/amendments`, amender.token, {
    title: base.body.title,
    body: 'Cinque fontanelle di acqua potabile nei giardini pubblici.',
    rationale: 'Tre sono poche per tutti i giardini.',
    base_version: 1,
  });
  assert.equal(am.status, 201, JSON.stringify(am.body));
  const edited = await apiCall(h.url, 'POST', `/api/v1/proposals/${base.body.id}/versions`, author.token, {
    title: base.body.title,
    body: 'Quattro fontanelle di acqua potabile nei giardini pubblici.',
    base_version: 1,
  });
  assert.equal(edited.status, 201, JSON.stringify(edited.body));
  await page.goto(`/emendamenti/${am.body.id}`);
  await page.getByText(`Emendamento alla proposta ${base.body.reference}`).waitFor();
  const conflict = page.locator('.alert-warning', { hasText: 'In conflitto' });
  await conflict.waitFor();
  assert.match(await conflict.textContent(), /lo staff risolverà/, 'a citizen is told who resolves it');

  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto(`/emendamenti/${am.body.id}`);
  const staffConflict = desk.locator('.alert-warning', { hasText: 'In conflitto' });
  await staffConflict.waitFor();
  assert.doesNotMatch(await staffConflict.textContent(), /staff/, 'staff are not told that staff will resolve it');
  const accepted = await apiCall(h.url, 'POST', `/api/v1/moderation/amendments/${am.body.id}/accept`, await apiLogin(h.url, STAFF), {
    title: base.body.title,
    body: 'Cinque fontanelle di acqua potabile nei giardini pubblici.',
  });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  await page.reload();
  await page.locator('.badge', { hasText: 'Accettato' }).waitFor();
  assert.equal(await page.getByText('In conflitto').count(), 0, 'no conflict once resolved');
  await desk.context().close();

  const admin = await h.newPage();
  await signIn(admin, ADMIN);
  await admin.goto('/staff/utenti');
  await admin.locator('.staff-row').first().waitFor();
  const list = await admin.locator('main').innerText();
  assert.match(list, /Iscrizione: /);
  assert.doesNotMatch(list, /iscritta|nickname/i);
  await admin.context().close();
  await page.context().close();
});

test('what the server would refuse is not offered: a report made, an amendment open, a threshold reached, each with its reason', async () => {
  // A process that takes no supports beyond a threshold of one.
  const slug = `soglia-${Date.now().toString(36)}`;
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces', await apiLogin(h.url, ADMIN), {
    slug,
    title: 'Processo con soglia di un sostegno',
    settings: { support_threshold: 1, supports_beyond_threshold: false },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const p = await apiCall(h.url, 'POST', `/api/v1/spaces/${slug}/proposals`, author.token, {
    title: 'Panchine all’ombra lungo il canale',
    body: 'Dieci panchine all’ombra degli alberi lungo il canale, con fontanella.',
  });
  assert.equal(p.status, 201, JSON.stringify(p.body));
  const fan = await apiRegister(h.url, 'Dario Rosa');
  assert.ok([200, 201].includes((await apiCall(h.url, 'PUT', `/api/v1/proposals/${p.body.id}/support`, fan.token)).status));
  const amender = await apiRegister(h.url, 'Franca Gialli');
  const am = await apiCall(h.url, 'POST', `/api/v1/proposals/${p.body.id}/amendments`, amender.token, {
    title: p.body.title,
    body: 'Venti panchine all’ombra degli alberi lungo il canale, con fontanella.',
    rationale: 'Il canale è lungo: dieci sono poche.',
    base_version: 1,
  });
  assert.equal(am.status, 201, JSON.stringify(am.body));

  const page = await h.newPage();
  await signIn(page, amender.email);
  await page.goto(`/proposte/${p.body.reference}`);
  await page.locator('#supports-title').waitFor();
  // The threshold is reached: no button to press and be refused, the reason instead.
  await page.getByText('La proposta ha raggiunto la soglia e non accetta altri sostegni.').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Sostieni/ }).count(), 0);
  // An amendment of theirs is open: no "Proponi un emendamento", the reason instead.
  await page.getByText('Hai già un emendamento aperto su questa proposta.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Proponi un emendamento' }).count(), 0);
  // Reported once: the button goes, the reason stays.
  await page.getByRole('button', { name: 'Segnala la proposta' }).click();
  await page.locator(`#report-${p.body.id}-reason`).selectOption('does_not_belong');
  await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
  await page.getByText('Segnalazione inviata: lo staff la esaminerà.').first().waitFor();
  await page.reload();
  await page.getByText('Hai già segnalato questo contenuto.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Segnala la proposta' }).count(), 0);
  await expectAccessible(page, 'proposal with refusals explained');
  await screenshot(page, 'review-refusals-it');
  await page.context().close();
});

test('staff confirm before accepting, hiding and verifying, with a note where the log keeps one; queues say how much waits', async () => {
  const p = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Orti condivisi nel parco del quartiere',
    body: 'Dodici orti condivisi nel parco, assegnati ogni anno alle famiglie.',
  });
  assert.equal(p.status, 201, JSON.stringify(p.body));
  const amender = await apiRegister(h.url, 'Gino Marroni');
  const am = await apiCall(h.url, 'POST', `/api/v1/proposals/${p.body.id}/amendments`, amender.token, {
    title: p.body.title,
    body: 'Venti orti condivisi nel parco, assegnati ogni anno alle famiglie.',
    rationale: 'Le richieste sono molte più di dodici.',
    base_version: 1,
  });
  assert.equal(am.status, 201, JSON.stringify(am.body));
  const desk = await h.newPage();
  await signIn(desk, STAFF);
  await desk.goto('/staff/emendamenti');
  const row = desk.locator(`#emendamento-${am.body.id}`);
  await row.waitFor();
  // The count of what waits, and the proposal's title once (the amendment keeps it).
  assert.match(await desk.locator('.queue-count').textContent(), /^\d+ element[oi] in coda\.$/);
  assert.equal(await row.getByText(p.body.title).count(), 1, 'the title once on the card');
  // "Accetta" asks first; cancel leaves everything as it was, the focus on "Accetta".
  await row.getByRole('button', { name: 'Accetta', exact: true }).click();
  const note = row.getByLabel('Nota (facoltativa, pubblica nel registro)');
  await note.waitFor();
  await desk.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await expectAccessible(desk, 'accept confirmation');
  await screenshot(desk, 'review-staff-accept-confirm');
  await row.getByRole('button', { name: 'Annulla' }).click();
  await desk.waitForFunction(() => document.activeElement?.textContent === 'Accetta');
  assert.equal((await apiCall(h.url, 'GET', `/api/v1/amendments/${am.body.id}`, null)).body.state, 'evaluating');
  await row.getByRole('button', { name: 'Accetta', exact: true }).click();
  await note.fill('Accolto dopo il sopralluogo del 3 marzo.');
  await row.getByRole('button', { name: 'Accetta e pubblica la nuova versione' }).click();
  await desk.getByText('Emendamento accettato: la proposta è alla versione 2.').waitFor();
  // The note of an acceptance is kept as the decision's public reason.
  assert.equal((await apiCall(h.url, 'GET', `/api/v1/amendments/${am.body.id}`, null)).body.decision_reason, 'Accolto dopo il sopralluogo del 3 marzo.');

  // Hiding a reported comment asks first too.
  const c = await apiCall(h.url, 'POST', `/api/v1/proposals/${p.body.id}/comments`, amender.token, { body: 'Un commento fuori luogo.' });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  assert.equal((await apiCall(h.url, 'POST', '/api/v1/reports', reader.token, { target: { kind: 'comment', id: c.body.id }, reason: 'spam' })).status, 201);
  await desk.goto('/staff/segnalazioni');
  const entry = desk.locator('.staff-row', { hasText: 'Un commento fuori luogo.' });
  await entry.getByRole('button', { name: 'Nascondi', exact: true }).click();
  await entry.getByLabel('Nota (facoltativa, pubblica nel registro)').fill('Pubblicità.');
  await entry.getByRole('button', { name: 'Nascondi a tutti' }).click();
  await desk.getByText('Contenuto nascosto.').waitFor();
  const log = await apiCall(h.url, 'GET', '/api/v1/audit?limit=5', null);
  assert.ok(
    log.body.items.some((e) => e.action === 'content.hidden' && e.details.note === 'Pubblicità.'),
    `the note is in the public log: ${JSON.stringify(log.body.items.map((e) => [e.action, e.details]))}`,
  );
  await desk.context().close();
});
