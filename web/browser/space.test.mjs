// A process's page says where the process stands: its phases in order with
// their dates, the one under way marked in words, and what it holds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, PASSWORD, apiCall, expectAccessible, screenshot, setup } from './harness.mjs';

let h;
const SLUG = 'bilancio-partecipativo-2026';
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
before(async () => {
  h = await setup();
  const token = (await apiCall(h.url, 'POST', '/api/v1/auth/login', null, { email: ADMIN, password: PASSWORD })).body.access_token;
  const phases = [
    { name: 'Raccolta delle proposte', starts_on: day(-40), ends_on: day(-1) },
    { name: 'Valutazione tecnica', starts_on: day(0), ends_on: day(20) },
    { name: 'Voto', starts_on: day(30), ends_on: null },
  ];
  const r = await apiCall(h.url, 'PATCH', `/api/v1/spaces/${SLUG}`, token, { phases });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});
after(async () => h?.stop());

for (const lang of ['it', 'en']) {
  test(`the process page shows its phases, the one under way, and its totals (${lang})`, async () => {
    const page = await h.newPage({ lang, width: 360 });
    await page.goto(`/spazi/${SLUG}`);
    await page.locator('.phase-list').waitFor();
    const items = await page.locator('.phase-list li').allTextContents();
    assert.equal(items.length, 3);
    assert.match(items[0], /Raccolta delle proposte/);
    const current = page.locator('.phase-list li[aria-current="step"]');
    assert.equal(await current.count(), 1);
    assert.match(await current.textContent(), lang === 'it' ? /Valutazione tecnica.*\(in corso\)/ : /Valutazione tecnica.*\(under way\)/);
    const space = (await apiCall(h.url, 'GET', `/api/v1/spaces/${SLUG}`)).body;
    const totals = await page.getByText(lang === 'it' ? `${space.totals.proposals} proposte` : `${space.totals.proposals} proposals`).count();
    assert.equal(totals, 1, `the totals say ${space.totals.proposals} proposals`);
    await expectAccessible(page, `process phases (${lang})`);
    await screenshot(page, `space-phases-${lang}`);
    await page.context().close();
  });
}

test('no script errors on the process page', () => {
  assert.deepEqual(h.pageErrors, []);
});
