// One version of a proposal read whole: reached from the history's "Leggi
// la versione", it shows that version's title and text (not the current
// one's), who made it, how and when, and links to the versions around it
// and to its diff with the previous one; at desk and phone width, in both
// languages. A version that does not exist, or an address that names no
// version, is the usual error page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, expectAccessible, screenshot, setup } from './harness.mjs';

let h;
let ref;
let versions;
let first;
let current;
/** A paragraph of version 1's text that the current text lacks, and one of the current text that version 1 lacks. */
let onlyFirst;
let onlyCurrent;
before(async () => {
  h = await setup();
  // The demo's most commented proposal has several versions.
  ref = (await apiCall(h.url, 'GET', '/api/v1/proposals?sort=most_commented&limit=1')).body.items[0].reference;
  versions = (await apiCall(h.url, 'GET', `/api/v1/proposals/${ref}/versions?limit=50`)).body.items;
  assert.ok(versions.length >= 3, `${ref} has ${versions.length} versions`);
  first = (await apiCall(h.url, 'GET', `/api/v1/proposals/${ref}/versions/1`)).body;
  current = (await apiCall(h.url, 'GET', `/api/v1/proposals/${ref}`)).body;
  assert.equal(current.current_version, versions.length);
  const paragraphs = (body) => body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  onlyFirst = paragraphs(first.body).find((p) => !current.body.includes(p));
  onlyCurrent = paragraphs(current.body).find((p) => !first.body.includes(p));
  assert.ok(onlyFirst && onlyCurrent, 'version 1 and the current version differ by a paragraph');
});
after(async () => h?.stop());

/** The text of `main`, its spaces as one. */
const words = (text) => text.replace(/\s+/g, ' ').trim();

for (const lang of ['it', 'en']) {
  const it = lang === 'it';
  for (const [device, width] of [
    ['desk', 1280],
    ['phone', 375],
  ]) {
    test(`an old version read whole from the history (${lang}, ${device})`, async () => {
      const page = await h.newPage({ lang, width });
      await page.goto(`/proposte/${ref}/versioni`);
      await page.locator('.version-timeline-bi').waitFor();
      // Each entry links its version, named for it; version 1's is followed.
      const read = page.getByRole('link', { name: it ? 'Leggi la versione (Versione 1)' : 'Read this version (Version 1)', exact: true });
      assert.equal(await read.getAttribute('href'), `/proposte/${ref}/versioni/1`);
      assert.equal(await page.getByRole('link', { name: it ? /^Leggi la versione \(Versione \d+\)$/ : /^Read this version \(Version \d+\)$/ }).count(), versions.length);
      await read.click();
      await page.waitForURL(`**/proposte/${ref}/versioni/1`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      assert.equal(await heading.textContent(), first.title);
      assert.ok((await page.title()).startsWith(`${it ? 'Versione' : 'Version'} 1: ${first.title} · `), await page.title());
      const main = words(await page.locator('main').textContent());
      // Which version, and that it is not the current one.
      assert.ok(main.includes(it ? `Versione 1 di ${versions.length}` : `Version 1 of ${versions.length}`), main);
      assert.ok(main.includes(it ? `la proposta è ora alla versione ${versions.length}` : `the proposal is now at version ${versions.length}`), 'says it is not the current version');
      // Who made it, how and when.
      assert.ok(main.includes(it ? `Creazione · di ${first.editor_nickname}` : `Created · by ${first.editor_nickname}`), main);
      assert.equal(await page.locator('main time').first().getAttribute('datetime'), first.created_at);
      // Version 1's text, not the current one's.
      const text = page.locator('.markdown');
      assert.equal(await text.count(), 1);
      assert.equal(await text.getAttribute('lang'), it ? null : 'it');
      const body = words(await text.textContent());
      assert.ok(body.includes(words(onlyFirst)), `version 1's text: ${onlyFirst}`);
      assert.ok(!body.includes(words(onlyCurrent)), `not the current text: ${onlyCurrent}`);
      // Links: the proposal, the history, the next version; nothing before the first.
      assert.equal(await page.getByRole('link', { name: it ? 'Torna alla proposta' : 'Back to the proposal' }).getAttribute('href'), `/proposte/${ref}`);
      assert.equal(await page.getByRole('link', { name: it ? 'vedi le altre versioni' : 'see other versions' }).getAttribute('href'), `/proposte/${ref}/versioni`);
      const nav = page.getByRole('navigation', { name: it ? 'Storia delle versioni' : 'Version history' });
      assert.deepEqual(await nav.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])), [
        [it ? 'Versione successiva (2)' : 'Next version (2)', `/proposte/${ref}/versioni/2`],
      ]);
      await expectAccessible(page, `version 1 (${lang}, ${device})`);
      if (device === 'phone') {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px`);
      }
      await screenshot(page, `version-page-${lang}-${device}`);

      // The next version has a previous one and a diff with it.
      await nav.getByRole('link').click();
      await page.waitForURL(`**/proposte/${ref}/versioni/2`);
      await nav.getByRole('link', { name: it ? 'Versione precedente (1)' : 'Previous version (1)' }).waitFor();
      assert.deepEqual(await nav.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])), [
        [it ? 'Versione precedente (1)' : 'Previous version (1)', `/proposte/${ref}/versioni/1`],
        [it ? 'Confronta con la precedente' : 'Compare with the previous one', `/proposte/${ref}/confronto?da=1&a=2`],
        [it ? 'Versione successiva (3)' : 'Next version (3)', `/proposte/${ref}/versioni/3`],
      ]);
      // The authors' note on the edit, said as such.
      if (versions[1].summary) assert.ok(words(await page.locator('main').textContent()).includes(`${it ? 'Nota sulla modifica' : 'Note on the change'}: ${versions[1].summary}`), 'the note on the edit');

      // The current version says so, and has no next one.
      await page.goto(`/proposte/${ref}/versioni/${versions.length}`);
      await page.locator('.markdown').waitFor();
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), current.title);
      assert.ok(words(await page.locator('.version-badge').textContent()).endsWith(it ? '· attuale' : '· current'));
      assert.equal(await page.locator('main .alert').count(), 0, 'no "not the current version" notice');
      // A version from an amendment links it by its kind of change.
      const made = versions.at(-1);
      if (made.amendment_id) {
        const kind = page.getByRole('link', { name: it ? 'Emendamento accettato' : 'Amendment accepted', exact: true });
        assert.equal(await kind.getAttribute('href'), `/emendamenti/${made.amendment_id}`);
      }
      assert.ok(words(await page.locator('.markdown').textContent()).includes(words(onlyCurrent)));
      const last = await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(last, [`/proposte/${ref}/versioni/${versions.length - 1}`, `/proposte/${ref}/confronto?da=${versions.length - 1}&a=${versions.length}`]);
      await expectAccessible(page, `current version (${lang}, ${device})`);
      await screenshot(page, `version-page-current-${lang}-${device}`);
      await page.context().close();
    });
  }
}

test('a version that does not exist, or no version number, is the error page', async () => {
  const page = await h.newPage();
  for (const n of [String(versions.length + 1), '0', 'abc', '1.5', '01']) {
    await page.goto(`/proposte/${ref}/versioni/${n}`);
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Torna alla pagina iniziale' }).count(), 1, n);
  }
  await page.goto('/proposte/EMD-PROP-1999-1-1/versioni/1');
  await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
  await expectAccessible(page, 'no such version');
  await page.context().close();
});

test('no script errors on the version pages', () => {
  assert.deepEqual(h.pageErrors, []);
});
