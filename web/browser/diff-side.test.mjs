// Side by side, each pair of lines sits on one table row: after a change
// of uneven length (three lines removed, one added) the unchanged lines
// that follow are level in both columns; the shorter side has empty cells.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiCall, apiRegister, expectAccessible, screenshot, setup } from './harness.mjs';

let h;
let proposal;
const LINES = [
  'Prima riga che resta uguale in tutte e due le versioni.',
  'Seconda riga, che la nuova versione toglie del tutto.',
  'Terza riga, anche questa tolta dalla nuova versione.',
  'Quarta riga: tolta anche lei, e piuttosto lunga, così da andare a capo in una colonna stretta e allungare la sua cella.',
  'Riga finale invariata, dopo il cambiamento.',
  'Ultima riga invariata.',
];

before(async () => {
  h = await setup();
  const author = await apiRegister(h.url, 'Teresa Neri');
  const created = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title: 'Una proposta con righe tolte e una aggiunta',
    body: LINES.join('\n'),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  proposal = created.body;
  const next = [LINES[0], 'Una sola riga nuova al posto delle tre tolte.', ...LINES.slice(4)];
  const edit = await apiCall(h.url, 'POST', `/api/v1/proposals/${proposal.id}/versions`, author.token, {
    title: proposal.title,
    body: next.join('\n'),
    base_version: 1,
  });
  assert.ok(edit.status < 300, JSON.stringify(edit.body));
});
after(async () => h?.stop());

/** The body table's cell holding `text` in column `col` (0 or 1). */
const cell = (page, col, text) => page.locator('.diff-table').last().locator(`tbody tr > td:nth-child(${col + 1})`, { hasText: text });

for (const [lang, granularity, width] of [
  ['it', 'line', 1280],
  ['en', 'word', 1280],
  ['it', 'word', 320],
]) {
  test(`side by side keeps unchanged lines level after an uneven change (${lang}, ${granularity}, ${width}px)`, async () => {
    const page = await h.newPage({ lang, width });
    await page.goto(`/proposte/${proposal.reference}/confronto?da=1&a=2&vista=side&dettaglio=${granularity}`);
    const table = page.locator('.diff-table').last();
    await table.waitFor();
    const headers = await table.locator('thead th[scope=col]').allTextContents();
    assert.deepEqual(headers, lang === 'it' ? ['Da versione 1', 'A versione 2'] : ['From version 1', 'To version 2']);
    for (const text of ['Riga finale invariata', 'Ultima riga invariata', 'Prima riga']) {
      const [left, right] = [cell(page, 0, text), cell(page, 1, text)];
      assert.equal(await left.count(), 1, `${text} on the left`);
      assert.equal(await right.count(), 1, `${text} on the right`);
      const [a, b] = await Promise.all([left.evaluate((e) => e.offsetTop), right.evaluate((e) => e.offsetTop)]);
      assert.equal(a, b, `${text}: same height in both columns`);
    }
    // Three removed lines next to one inserted: two empty cells on the right, said to screen readers.
    const empty = table.locator('tbody td:nth-child(2).diff-empty');
    assert.equal(await empty.count(), 2);
    assert.equal((await empty.first().textContent()).trim(), lang === 'it' ? 'nessuna riga corrispondente' : 'no matching line');
    const removed = cell(page, 0, 'Seconda').locator('del');
    assert.ok((await removed.count()) > 0, 'the removed line is struck through');
    assert.match(await removed.first().textContent(), lang === 'it' ? /\[rimosso: / : /\[removed: /);
    assert.equal(await cell(page, 1, 'Seconda').count(), 0);
    if (width === 320) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px at 320px`);
    }
    await expectAccessible(page, `side-by-side diff (${lang}, ${granularity}, ${width}px)`);
    await screenshot(page, `diff-side-${lang}-${granularity}-${width}`);
    await page.context().close();
  });
}

test('no script errors on the side-by-side diff', () => {
  assert.deepEqual(h.pageErrors, []);
});
