// Searching a process's proposals: the words go in the address, "scuola"
// finds "scuole" and "comunita" finds "comunità", the matched words are
// highlighted in their passage, and back returns to the whole list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAccessible, screenshot, setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(async () => h?.stop());

const SPACE = '/spazi/bilancio-partecipativo-2026';
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

for (const lang of ['it', 'en']) {
  test(`a search finds the forms of a word and highlights them (${lang})`, async () => {
    const page = await h.newPage({ lang });
    await page.goto(SPACE);
    await page.locator('.proposal-list').waitFor();
    const all = await page.locator('.proposal-list h3').count();
    await page.locator('#f-words').fill('scuola');
    await page.locator('#f-words').press('Enter');
    await page.waitForURL(/cerca=scuola/);
    // The results, not the list before them (shown until the new one is drawn) nor "loading".
    await page.locator('.proposal-list mark').first().waitFor();
    const cards = await page.locator('.proposal-list article').evaluateAll((articles) =>
      articles.map((a) => ({ title: a.querySelector('h3')?.textContent ?? '', marks: [...a.querySelectorAll('mark')].map((m) => m.textContent) })),
    );
    assert.ok(cards.length > 0 && cards.length <= all, `${cards.length} of ${all}`);
    for (const card of cards) {
      const found = /scuol/.test(fold(card.title)) || card.marks.some((m) => /scuol/.test(fold(m)));
      assert.ok(found, `a result neither titled nor highlighted with the word: ${JSON.stringify(card)}`);
    }
    assert.ok(cards.some((c) => c.marks.some((m) => fold(m) === 'scuole')), `"scuole" is highlighted: ${JSON.stringify(cards)}`);
    assert.equal(await page.locator('#f-sort').inputValue(), 'relevance');
    await expectAccessible(page, `search results (${lang})`);
    await screenshot(page, `search-${lang}`);

    // No accent typed: the accented word is found.
    await page.locator('#f-words').fill('comunita');
    await page.locator('#f-words').press('Enter');
    await page.waitForURL(/cerca=comunita/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.proposal-list article')].some(
        (a) => /comunità/i.test(a.querySelector('h3').textContent) || [...a.querySelectorAll('mark')].some((m) => /comunità/i.test(m.textContent)),
      ),
    );

    // Back twice: the whole list again.
    await page.goBack();
    await page.goBack();
    await page.waitForFunction((n) => document.querySelectorAll('.proposal-list h3').length === n && !document.querySelector('mark'), all);
    assert.equal(await page.locator('#f-words').inputValue(), '');
    await page.context().close();
  });
}

test('no script errors while searching', () => {
  assert.deepEqual(h.pageErrors, []);
});
