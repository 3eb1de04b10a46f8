// The public log and a proposal's verification, read by someone who does
// not know the software: each log entry in words (what, on which proposal
// by its reference, when), never an id or a raw key, whole on a 320 px
// phone; and the verification says what it checked (how many versions,
// when, each fingerprint and the one before it contains).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, apiCall, apiLogin, apiRegister, expectAccessible, itDate, screenshot, setup } from './harness.mjs';

let h;
let ref;
let versions;
let author;
before(async () => {
  h = await setup();
  // Registered before the privacy notice changes below (a registration accepts the notice in force).
  author = await apiRegister(h.url, 'Irene Sala');
  const admin = await apiLogin(h.url, ADMIN);
  // A blocked account whose content is hidden too, and a page published again: entries the demo lacks.
  const blocked = await apiRegister(h.url, 'Sandro Neri');
  const me = await apiCall(h.url, 'GET', '/api/v1/me', blocked.token);
  const block = await apiCall(h.url, 'POST', `/api/v1/moderation/users/${me.body.id}/block`, admin, { justification: 'Messaggi pubblicitari ripetuti.', hide_content: true });
  assert.equal(block.status, 200, JSON.stringify(block.body));
  const privacy = await apiCall(h.url, 'GET', '/api/v1/pages/privacy');
  const edit = await apiCall(h.url, 'PUT', '/api/v1/pages/privacy', admin, { title: privacy.body.title, body: `${privacy.body.body}\n\nAggiornata.`, base_version: privacy.body.version });
  assert.equal(edit.status, 200, JSON.stringify(edit.body));
  const list = await apiCall(h.url, 'GET', '/api/v1/proposals?sort=most_commented&limit=1');
  ref = list.body.items[0].reference;
  versions = (await apiCall(h.url, 'GET', `/api/v1/proposals/${ref}/versions?limit=50`)).body.items;
});
after(async () => h?.stop());

const ACTION_CODE = /\b(user|role|space|proposal|amendment|comment|reports?|content|page)\.[a-z]+\b/;
const RAW_KEY = /\b(hide_content|by_block|proposal_id|amendment_id|parent_id|space_id|report_id|open_reports|edited_by_staff|derived_from|new_proposal_id|dismissed_reports|upheld_reports)\b/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

for (const lang of ['it', 'en']) {
  for (const [device, width] of [
    ['phone', 320],
    ['desk', 1280],
  ]) {
    test(`the public log in words, whole on the screen (${lang}, ${device})`, async () => {
      const page = await h.newPage({ lang, width });
      await page.goto('/registro');
      const list = page.locator('#audit-list');
      await list.waitFor();
      const text = await list.textContent();
      assert.doesNotMatch(text, UUID, 'no ids');
      assert.doesNotMatch(text, RAW_KEY, 'no raw keys');
      assert.doesNotMatch(text, ACTION_CODE, 'no action codes');
      const it = lang === 'it';
      // The block: what, and its facts by their names.
      const blocked = page.locator('.audit-entry', { has: page.locator('strong', { hasText: it ? 'Utente bloccato' : 'User blocked' }) }).first();
      assert.match(await blocked.textContent(), it ? /nascondi anche i contenuti: sì/ : /hide their content too: yes/);
      assert.match(await blocked.textContent(), /Messaggi pubblicitari ripetuti\./);
      // Who acted, by name.
      assert.match(await blocked.locator('p.small').first().textContent(), it ? / · da \S/ : / · by \S/);
      // The page published again, linked by its title.
      const edited = page.locator('.audit-entry', { has: page.locator('strong', { hasText: it ? 'Pagina del sito modificata' : 'Site page edited' }) }).first();
      assert.equal(await edited.locator('p').first().locator('a').getAttribute('href'), '/privacy');
      // Its time links the entry's own page.
      assert.match(await edited.locator('time').evaluate((t) => t.closest('a').getAttribute('href')), /^\/registro\/[0-9a-f-]{36}$/);
      // A proposal's entry links it by its reference.
      const link = list.locator('a[href^="/proposte/EMD-PROP-"]').first();
      assert.match(await link.textContent(), /^EMD-PROP-\d{4}-\d+-\d+$/);
      // Nothing cut off or wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px`);
      const cut = await list.evaluate((l) => [...l.querySelectorAll('.audit-entry')].filter((e) => e.scrollWidth > e.clientWidth).length);
      assert.equal(cut, 0, 'entries wider than their box');
      await expectAccessible(page, `audit log (${lang}, ${device})`);
      await screenshot(page, `history-audit-${lang}-${device}`);
      await page.context().close();
    });
  }

  test(`the verification says what it checked (${lang})`, async () => {
    const page = await h.newPage({ lang, width: 320 });
    await page.goto(`/proposte/${ref}/verifica`);
    await page.locator('#verify-chain').waitFor();
    const it = lang === 'it';
    const main = await page.locator('main').textContent();
    assert.ok(
      main.includes(it ? `Sono state ricalcolate le impronte (hash) delle sue ${versions.length} versioni` : `The fingerprints (hashes) of its ${versions.length} versions were computed again`),
      'how many versions were checked',
    );
    assert.match(main, it ? new RegExp(`Controllo eseguito ${itDate('il')}`) : /Checked on \d+ \w+ \d{4}/);
    // Each version's fingerprint, and the one of the version before that it contains.
    const items = page.locator('.verify-chain li');
    assert.equal(await items.count(), versions.length);
    for (const [i, v] of versions.entries()) {
      const hashes = await items.nth(i).locator('code').evaluateAll((cs) => cs.map((c) => c.getAttribute('title')));
      assert.deepEqual(hashes, v.previous_hash ? [v.content_hash, v.previous_hash] : [v.content_hash]);
      if (i > 0) assert.equal(v.previous_hash, versions[i - 1].content_hash);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px`);
    await expectAccessible(page, `verification (${lang})`);
    await screenshot(page, `history-verify-${lang}`);
    await page.context().close();
  });
}

test('an erased text is said to be erased, on its version and in a comparison', async () => {
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Una rastrelliera per biciclette in piazza',
    body: 'Chiedo una rastrelliera davanti alla biblioteca: il mio numero è 333 1234567.',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const reference = created.body.reference;
  const edited = await apiCall(h.url, 'POST', `/api/v1/proposals/${reference}/versions`, author.token, {
    title: 'Una rastrelliera per biciclette in piazza',
    body: 'Chiedo una rastrelliera davanti alla biblioteca, per dieci biciclette.',
    base_version: 1,
  });
  assert.equal(edited.status, 201, JSON.stringify(edited.body));
  // The author asked for their telephone number to go: the operator erases version 1.
  const said = h.cli(['erase-version', '--proposal', reference, '--number', '1', '--reason', "Richiesta dell'autrice: un numero di telefono"]);
  assert.match(said, /is erased/);

  const page = await h.newPage();
  await page.goto(`/proposte/${reference}/confronto?da=1&a=2`);
  await page.getByText(new RegExp(`^Versione 1: Testo cancellato ${itDate('il')}`)).waitFor();
  assert.equal(await page.getByText('333 1234567').count(), 0, 'the erased text is nowhere on the page');
  await expectAccessible(page, 'comparison with an erased version');
  await screenshot(page, 'compare-erased');
  await page.goto(`/proposte/${reference}/versioni/1`);
  await page.getByText(new RegExp(`^Testo cancellato ${itDate('il')}`)).waitFor();
  await page.getByRole('heading', { name: 'Testo cancellato' }).waitFor();
  await page.context().close();
});

test('no script errors on the history screens', () => {
  assert.deepEqual(h.pageErrors, []);
});
