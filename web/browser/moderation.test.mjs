// The moderation flow: reports hide a comment (it stays as a placeholder),
// staff unhide it, and it is back for everyone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { STAFF, apiCall, apiLogin, apiRegister, expectAccessible, screenshot, setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(async () => h?.stop());

test('moderation flow: three reports hide a comment, staff unhide it', async () => {
  const author = await apiRegister(h.url, 'Giorgio Neri');
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Fontanelle pubbliche nei giardini del quartiere',
    body: 'Proponiamo tre fontanelle di acqua potabile nei giardini pubblici.',
  });
  assert.equal(created.status, 201);
  const ref = created.body.reference;
  const troll = await apiRegister(h.url, 'Troll');
  const comment = await apiCall(h.url, 'POST', `/api/v1/proposals/${created.body.id}/comments`, troll.token, { body: 'Compratevi una bottiglia!' });
  assert.equal(comment.status, 201);

  const page = await h.newPage();
  await page.goto(`/proposte/${ref}`);
  await page.getByText('Compratevi una bottiglia!').waitFor();

  // Three participants report it: the third report hides it.
  for (const name of ['Uno', 'Due', 'Tre']) {
    const reporter = await apiRegister(h.url, name);
    const r = await apiCall(h.url, 'POST', '/api/v1/reports', reporter.token, { target: { kind: 'comment', id: comment.body.id }, reason: 'offensive' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  await page.reload();
  await page.getByText('Commento nascosto dalla moderazione.').waitFor();
  assert.equal(await page.getByText('Compratevi una bottiglia!').count(), 0);
  await expectAccessible(page, 'proposal with a hidden comment');

  // Staff unhide it: it is back.
  const staff = await apiLogin(h.url, STAFF);
  const unhidden = await apiCall(h.url, 'POST', `/api/v1/moderation/comments/${comment.body.id}/unhide`, staff, { note: 'Critica, non offesa.' });
  assert.equal(unhidden.status, 200, JSON.stringify(unhidden.body));
  await page.reload();
  await page.getByText('Compratevi una bottiglia!').waitFor();

  // The public log shows both moderation steps.
  await page.goto('/registro');
  await page.getByText('content.unhidden').first().waitFor();
  await page.getByText('content.hidden').first().waitFor();
  await screenshot(page, 'moderation-flow');
  assert.deepEqual(h.pageErrors, []);
});
