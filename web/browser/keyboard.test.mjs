// A keyboard-only pass of the citizen flow: skip link, sign up, create a
// proposal, support it, comment and reply, with nothing but Tab, arrows,
// typing, Enter and Space, and a visible focus at every stop.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, setup } from './harness.mjs';

let h;
before(async () => {
  h = await setup();
});
after(async () => h?.stop());

/** Presses Tab until the focused element matches; checks its focus is visible. */
async function tabTo(page, describe, predicate, arg, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) {
      const visible = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      });
      assert.ok(visible, `focus is not visible on ${describe}`);
      return;
    }
  }
  assert.fail(`could not reach ${describe} with Tab`);
}

const byText = (text) => document.activeElement && document.activeElement.textContent.trim() === text;
const byId = (id) => document.activeElement && document.activeElement.id === id;

test('keyboard only: sign up, create, support, comment and reply', async () => {
  const page = await h.newPage({ width: 1024 });
  await page.goto('/');
  await page.locator('h1').waitFor();

  // The first Tab reaches the skip link, which leads to the main content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Vai al contenuto principale');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  // Sign up.
  await page.keyboard.press('Shift+Tab');
  await page.evaluate(() => document.body.focus());
  await tabTo(page, 'Registrati', byText, 'Registrati');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/registrati/);
  const nick = `k${Date.now().toString(36)}`;
  await tabTo(page, 'display name', byId, 'su-display');
  await page.keyboard.type('Anna Tastiera');
  await page.keyboard.press('Tab');
  await page.keyboard.type(nick);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`${nick}@example.org`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('una-password-lunga');
  // The privacy notice is accepted with Space on its box, then the button.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'su-privacy');
  await page.keyboard.press('Space');
  await tabTo(page, 'create the account', byText, 'Crea l’account');
  await page.keyboard.press('Enter');
  // Signed in once the header names her. This step failed twice in about
  // five full runs and never alone: on failure, say what the page held.
  try {
    await page.getByRole('link', { name: 'Anna Tastiera' }).waitFor();
  } catch (e) {
    console.log('DIAG url', page.url());
    console.log('DIAG values', await page.evaluate(() => [...document.querySelectorAll('input')].map((i) => `${i.id}=${i.value}`).join(' | ')));
    console.log('DIAG alerts', await page.evaluate(() => [...document.querySelectorAll('[role=alert], .alert, .invalid-feedback')].map((a) => a.textContent).join(' || ')));
    await screenshot(page, 'keyboard-sign-up-failed');
    throw e;
  }

  // Create a proposal.
  await page.evaluate(() => document.body.focus());
  await tabTo(page, 'Nuova proposta', byText, 'Nuova proposta');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/nuova-proposta/);
  await page.locator('#ed-space option[value="bilancio-partecipativo-2026"]').waitFor({ state: 'attached' });
  await tabTo(page, 'space', byId, 'ed-space');
  // Type-ahead picks the space on the closed select.
  await page.keyboard.type('Bil');
  assert.equal(await page.locator('#ed-space').inputValue(), 'bilancio-partecipativo-2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Più panchine nelle piazze del quartiere');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Chiediamo panchine nuove in ogni piazza del quartiere, anche all’ombra.');
  await tabTo(page, 'publish', byText, 'Pubblica la proposta');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/proposte\/EMD-PROP-/, { timeout: 5000 }).catch(async (e) => {
    await screenshot(page, 'keyboard-failure');
    throw e;
  });
  await page.getByText('Versione 1 di 1').waitFor();
  // Focus moved to the new page's title.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'page-title');

  // Support.
  await tabTo(page, 'support', byText, 'Sostieni questa proposta');
  await page.keyboard.press('Enter');
  await page.getByText('Sostegno registrato.').waitFor();

  // Comment, choosing the alignment with the arrow keys.
  await tabTo(page, 'comment body', byId, 'new-comment-body');
  await page.keyboard.type('Scritto solo con la tastiera.');
  await tabTo(page, 'alignment', (n) => document.activeElement?.getAttribute('name') === n, 'new-comment-alignment');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'against');
  await tabTo(page, 'publish comment', byText, 'Pubblica il commento');
  await page.keyboard.press('Enter');
  await page.getByText('Commento pubblicato.').waitFor();
  await page.locator('.comment', { hasText: 'Scritto solo con la tastiera.' }).getByText('Contrario').waitFor();

  // Reply to it.
  await tabTo(page, 'reply', byText, 'Rispondi');
  await page.keyboard.press('Enter');
  // Opening the reply form puts the focus in its text.
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('reply-') && document.activeElement.tagName === 'TEXTAREA');
  await page.keyboard.type('Anche la risposta.');
  await tabTo(page, 'publish reply', byText, 'Pubblica il commento');
  await page.keyboard.press('Space');
  await page.locator('.replies').getByText('Anche la risposta.').waitFor();
  await screenshot(page, 'keyboard-flow');
  assert.deepEqual(h.pageErrors, []);
});
