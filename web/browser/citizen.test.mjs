// The citizen flow in a real browser against a real server: sign up,
// create, edit (with the live diff and a 409 met on the way), history and
// diff, support and "you supported version N", comment, reply, vote,
// report, sign out. Axe runs on each screen reached.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, apiRegister, expectAccessible, screenshot, setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(async () => h?.stop());

const BODY = 'Proponiamo di piantare cinquanta alberi lungo il viale della stazione, con irrigazione a goccia e panchine all’ombra.';

test('citizen flow: sign up, create, edit, history, diff, support, comment, reply, vote, report', async () => {
  const page = await h.newPage();
  const nickname = `c${Date.now().toString(36)}`;

  // Sign up (and be signed in).
  await page.goto('/registrati');
  await page.locator('#su-display').fill('Chiara Neri');
  await page.locator('#su-nickname').fill(nickname);
  await page.locator('#su-email').fill(`${nickname}@example.org`);
  await page.locator('#su-password').fill('una-password-lunga');
  // Without accepting the privacy notice the account is not made.
  await page.getByRole('button', { name: 'Crea l’account' }).click();
  await page.locator('#su-privacy-error').getByText('Per registrarti accetta l’informativa sulla privacy.').waitFor();
  assert.equal(await page.locator('#su-privacy').getAttribute('aria-invalid'), 'true');
  // Bootstrap Italia draws the box on the label; a click there ticks it.
  await page.getByText('Ho letto l’informativa sulla privacy e accetto il trattamento dei miei dati per partecipare.').click();
  assert.equal(await page.locator('#su-privacy').isChecked(), true);
  await page.getByRole('button', { name: 'Crea l’account' }).click();
  await page.getByRole('link', { name: 'Chiara Neri' }).waitFor();


  // A wrong field is shown from its code, in Italian.
  await page.goto('/nuova-proposta?spazio=bilancio-partecipativo-2026');
  await page.locator('#ed-space').selectOption('bilancio-partecipativo-2026');
  await page.locator('#ed-title').fill('Breve');
  await page.locator('#ed-body').fill(BODY);
  await page.getByRole('button', { name: 'Pubblica la proposta' }).click();
  await page.getByText('Controlla i campi evidenziati.').waitFor();
  await page.locator('#ed-title-error').getByText('Troppo corto.').waitFor();
  await expectAccessible(page, 'create with errors');

  // Create.
  await page.locator('#ed-title').fill('Alberi e ombra lungo il viale della stazione');
  await page.getByRole('button', { name: 'Pubblica la proposta' }).click();
  await page.waitForURL(/\/proposte\/EMD-PROP-/);
  const ref = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
  await page.getByText('Versione 1 di 1').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Alberi e ombra lungo il viale della stazione' }).waitFor();

  // Support it on version 1.
  await page.getByRole('button', { name: 'Sostieni questa proposta' }).click();
  await page.getByText('Sostegno registrato.').waitFor();
  await page.getByText('1 sostegno', { exact: true }).waitFor();
  await page.getByText('Hai sostenuto la versione 1.', { exact: true }).waitFor();

  // Edit with the live diff.
  await page.getByRole('link', { name: 'Modifica la proposta' }).click();
  await page.locator('#ed-body').waitFor();
  await page.locator('#ed-body').fill(`${BODY} Le specie saranno scelte con il quartiere.`);
  await page.locator('ins', { hasText: 'quartiere' }).first().waitFor();
  await expectAccessible(page, 'edit with live diff');
  await page.locator('#ed-summary').fill('Specie scelte con il quartiere');
  await page.getByRole('button', { name: 'Pubblica la nuova versione' }).click();
  await page.getByText('Versione 2 di 2').waitFor();

  // "You supported version 1; it is now at 2 — see what changed".
  await page.getByText('Hai sostenuto la versione 1; ora è alla 2').waitFor();
  await page.getByRole('link', { name: 'vedi cosa è cambiato' }).click();
  await page.waitForURL(/\/confronto\?da=1&a=2/);
  await page.locator('ins', { hasText: 'quartiere' }).first().waitFor();
  await page.goBack();
  await page.getByRole('button', { name: 'Conferma il sostegno alla versione 2' }).click();
  await page.getByText('Hai sostenuto la versione 2.', { exact: true }).waitFor();

  // A 409: someone else's edit lands while this one is being written.
  await page.getByRole('link', { name: 'Modifica la proposta' }).click();
  await page.locator('#ed-body').waitFor();
  const token = await (async () => {
    const r = await apiCall(h.url, 'POST', '/api/v1/auth/login', null, { email: `${nickname}@example.org`, password: 'una-password-lunga' });
    return r.body.access_token;
  })();
  const meanwhile = await apiCall(h.url, 'POST', `/api/v1/proposals/${encodeURIComponent(ref)}/versions`, token, {
    title: 'Alberi e ombra lungo il viale della stazione',
    body: `${BODY} Le specie saranno scelte con il quartiere e con la scuola.`,
    base_version: 2,
  });
  assert.equal(meanwhile.status, 201, JSON.stringify(meanwhile.body));
  await page.locator('#ed-title').fill('Alberi, ombra e panchine lungo il viale della stazione');
  await page.getByRole('button', { name: 'Pubblica la nuova versione' }).click();
  await page.getByText('Cambiato nel frattempo (versione 2 → 3)').waitFor();
  await page.locator('.alert-warning ins', { hasText: 'scuola' }).first().waitFor();
  await expectAccessible(page, 'edit conflict');
  // The author's text was kept: publishing again goes through on version 3.
  assert.equal(await page.locator('#ed-title').inputValue(), 'Alberi, ombra e panchine lungo il viale della stazione');
  await page.getByRole('button', { name: 'Pubblica la nuova versione' }).click();
  await page.getByText('Versione 4 di 4').waitFor();

  // History and diff between any two versions.
  await page.getByRole('link', { name: 'vedi le altre versioni' }).click();
  await page.locator('.version-item').nth(3).waitFor();
  assert.equal(await page.locator('.version-item').count(), 4);
  await page.getByText('Specie scelte con il quartiere').waitFor();
  await page.getByRole('link', { name: /Confronta con la precedente.*Versione 4/ }).click();
  await page.waitForURL(/da=3&a=4/);
  await page.locator('#diff-from').selectOption('1');
  await page.locator('#diff-layout').selectOption('inline');
  await page.getByRole('button', { name: 'Confronta' }).click();
  await page.waitForURL(/da=1&a=4/);
  await page.locator('.diff del').first().waitFor();
  await page.locator('.diff ins', { hasText: 'panchine' }).first().waitFor();
  assert.match(await page.locator('.diff ins').first().textContent(), /^\[inserito: /);
  await expectAccessible(page, 'diff 1 → 4');
  // Back and forward keep the chosen versions.
  await page.goBack();
  await page.waitForURL(/da=3&a=4/);
  await page.waitForFunction(() => document.querySelector('#diff-from')?.value === '3');
  await page.goForward();
  await page.waitForURL(/da=1&a=4/);
  await page.waitForFunction(() => document.querySelector('#diff-from')?.value === '1');

  // Comment, then reply to it.
  await page.goto(`/proposte/${ref}`);
  await page.locator('#new-comment-body').fill('Ottima idea: servono anche fontanelle.');
  await page.locator('label[for="new-comment-al-in_favor"]').click();
  await page.getByRole('button', { name: 'Pubblica il commento' }).click();
  await page.getByText('Commento pubblicato.').waitFor();
  await page.locator('.comment', { hasText: 'Ottima idea: servono anche fontanelle.' }).getByText('A favore').waitFor();
  const mineId = await page.locator('.comment', { hasText: 'Ottima idea: servono anche fontanelle.' }).getAttribute('id');
  const mine = page.locator(`#${mineId}`);
  await page.getByRole('heading', { name: 'Commenti (1)' }).waitFor();
  await mine.getByRole('button', { name: 'Rispondi' }).click();
  await page.locator('textarea[id^="reply-"]').fill('E qualche rastrelliera per le bici.');
  await mine.getByRole('button', { name: 'Pubblica il commento' }).click();
  await mine.locator('.replies').getByText('E qualche rastrelliera per le bici.').waitFor();
  // Edit the comment.
  await mine.getByRole('button', { name: 'Modifica' }).first().click();
  await mine.locator('textarea[id^="edit-"]').fill('Ottima idea: servono anche fontanelle e ombra.');
  await mine.getByRole('button', { name: 'Salva' }).click();
  await page.getByText('Ottima idea: servono anche fontanelle e ombra.').waitFor();
  await mine.getByText('(modificato)').first().waitFor();
  await mine.getByText('Mostra le versioni precedenti').first().click();
  await mine.locator('.comment-revisions li').first().getByText('Ottima idea: servono anche fontanelle.').waitFor();
  await expectAccessible(page, 'proposal with own comments');

  // Vote on and report another person's comment.
  const other = await apiRegister(h.url, 'Paolo Verdi');
  const posted = await apiCall(h.url, 'POST', `/api/v1/proposals/${encodeURIComponent(ref)}/comments`, other.token, { body: 'Preferirei più parcheggi.', alignment: 'against' });
  assert.equal(posted.status, 201);
  await page.reload();
  const theirs = page.locator(`#commento-${posted.body.id}`);
  await theirs.getByText('Contrario').waitFor();
  await theirs.getByRole('button', { name: /Voto positivo/ }).click();
  await page.getByText('Voto registrato.').waitFor();
  assert.equal(await theirs.getByRole('button', { name: /Voto positivo/ }).getAttribute('aria-pressed'), 'true');
  await theirs.getByRole('button', { name: /Voto positivo \(1\)/ }).waitFor();
  await theirs.getByRole('button', { name: 'Segnala' }).click();
  await theirs.locator('select').selectOption('does_not_belong');
  await theirs.getByRole('button', { name: 'Invia la segnalazione' }).click();
  await page.getByText('Segnalazione inviata: lo staff la esaminerà.').first().waitFor();
  // Reporting twice is refused with the message for its code.
  await page.reload();
  await theirs.getByRole('button', { name: 'Segnala' }).click();
  await theirs.locator('select').selectOption('spam');
  await theirs.getByRole('button', { name: 'Invia la segnalazione' }).click();
  await theirs.getByText('Hai già segnalato questo contenuto.').waitFor();

  // Delete own reply: a placeholder stays.
  await mine.getByRole('button', { name: 'Mostra 1 risposta' }).click();
  page.once('dialog', (d) => d.accept());
  await mine.locator('.replies').getByRole('button', { name: 'Elimina' }).click();
  await page.getByText('Commento eliminato dal suo autore.').waitFor();

  // Withdraw the proposal: it says so, and takes no more comments.
  await page.goto(`/proposte/${ref}`);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Ritira la proposta' }).click();
  await page.getByText('Proposta ritirata.').waitFor();
  await page.locator('.badge', { hasText: 'Ritirata' }).first().waitFor();
  assert.equal(await page.locator('#new-comment-body').count(), 0);

  // Sign out: the sign-in ends on the server too, so the kept refresh
  // token no longer works.
  const kept = await page.evaluate(() => localStorage.getItem('emenda.refresh'));
  assert.ok(kept);
  await page.getByRole('button', { name: 'Esci' }).first().click();
  await page.getByRole('link', { name: 'Accedi' }).first().waitFor();
  await page.waitForFunction(() => !localStorage.getItem('emenda.refresh'));
  await page.waitForLoadState('networkidle');
  const replay = await apiCall(h.url, 'POST', '/api/v1/auth/refresh', null, { refresh_token: kept });
  assert.equal(replay.status, 401);
  await page.goto(`/proposte/${ref}`);
  await page.locator('.badge', { hasText: 'Ritirata' }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Ritira la proposta' }).count(), 0);
  await screenshot(page, 'citizen-flow');
  assert.deepEqual(h.pageErrors, []);
});

test('the session survives a reload (refresh token) and the language is remembered', async () => {
  const page = await h.newPage();
  const user = await apiRegister(h.url, 'Marta Gialli');
  await page.goto('/accedi');
  await page.locator('#si-email').fill(user.email);
  await page.locator('#si-password').fill('wrong-password-123');
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.getByText('E-mail o password non corretti.').waitFor();
  await page.locator('#si-password').fill('emenda-demo-2026');
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.getByRole('link', { name: 'Marta Gialli' }).waitFor();
  await page.getByRole('button', { name: 'Read in English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Participation processes' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Participation processes' }).waitFor();
  await page.getByRole('link', { name: 'Marta Gialli' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.goto('/profilo');
  await page.getByText(`Nickname: ${user.nickname}`).waitFor();
  await screenshot(page, 'session-and-language');
});
