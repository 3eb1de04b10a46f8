// "Scarica i miei dati" in the profile's settings: a participant who
// commented asks for a copy of their data; the section's status (a polite
// live region) says it is being prepared while the button stays, marked
// busy; then it says until when the archive is kept and the same button,
// still focused, downloads it with its size. The download is a ZIP whose
// dati.json holds the comment. Opening the profile again offers the ready
// archive at once. Where the site sends e-mail and the address is
// confirmed, the section says a letter brings the link too, the letter's
// link downloads the same archive, and a download that fails is said in
// words. Each state passes axe, in both languages, at desk and at 320 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { LAYOUTS, apiCall, apiRegister, elementShot, expectAccessible, noSideScroll, screenshot, setup, signIn, startMailbox } from './harness.mjs';

// Many sign-ups and sign-ins from one address: the limits are raised.
const LIMITS = { EMENDA_RATE_LIMIT_AUTH: '1000', EMENDA_RATE_LIMIT_WRITES: '1000' };

const long = { day: 'numeric', month: 'long', year: 'numeric' };
const words = {
  it: {
    section: 'I tuoi dati',
    intro:
      'Un archivio ZIP, in JSON e CSV, con tutto ciò che la piattaforma conserva su di te: account, accessi, proposte, versioni, emendamenti, commenti, voti, sostegni, segnalazioni, proposte seguite, notifiche. Resta disponibile per 7 giorni.',
    ask: 'Scarica i miei dati',
    pending: 'In preparazione…',
    // "fino al giorno 8 luglio": no article before the date, so nothing to elide.
    ready: (until) => `Archivio pronto, disponibile fino al giorno ${new Intl.DateTimeFormat('it-IT', long).format(until)}.`,
    archive: (size) => `Scarica l’archivio (${new Intl.NumberFormat('it-IT').format(Math.ceil(size / 1000))} kB)`,
    mailed: 'Ti abbiamo anche scritto un’e-mail con il collegamento.',
    notFound: 'Non trovato: il contenuto non esiste o non è visibile.',
  },
  en: {
    section: 'Your data',
    intro:
      'A ZIP archive, in JSON and CSV, of everything the platform keeps about you: account, sign-ins, proposals, versions, amendments, comments, votes, supports, reports, follows, notifications. It stays available for 7 days.',
    ask: 'Download my data',
    pending: 'Being prepared…',
    ready: (until) => `Archive ready, available until ${new Intl.DateTimeFormat('en-GB', long).format(until)}.`,
    archive: (size) => `Download the archive (${new Intl.NumberFormat('en-GB').format(Math.ceil(size / 1000))} kB)`,
    mailed: 'We also sent you an e-mail with the link.',
    notFound: 'Not found: it does not exist or is not visible.',
  },
};

let h;
before(async () => {
  h = await setup({ env: LIMITS });
});
after(async () => h?.stop());

/** Comments on a proposal of the demo data. */
async function comment(url, token, body) {
  const list = await apiCall(url, 'GET', '/api/v1/proposals?limit=1');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const r = await apiCall(url, 'POST', `/api/v1/proposals/${list.body.items[0].id}/comments`, token, { body });
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

/**
 * The files of a ZIP by name, inflated: read from its central directory,
 * found through the end-of-central-directory record at its end.
 */
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  assert.ok(end > 0, 'no end of central directory');
  const files = new Map();
  let at = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const [method, size, nameLength] = [bytes.readUInt16LE(at + 10), bytes.readUInt32LE(at + 20), bytes.readUInt16LE(at + 28)];
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return files;
}

/** A ZIP of someone's data with `said` among their comments. */
function expectArchive(bytes, said) {
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP');
  const files = unzip(bytes);
  for (const name of ['dati.json', 'LEGGIMI.txt', 'account.csv', 'comments.csv']) assert.ok(files.has(name), `${name} in ${[...files.keys()]}`);
  const data = JSON.parse(files.get('dati.json').toString('utf8'));
  assert.ok(
    data.sections.comments.some((c) => c.body === said),
    `the comment in dati.json: ${JSON.stringify(data.sections.comments)}`,
  );
}

/** The person's newest export, as the API has it. */
async function latest(url, token) {
  const r = await apiCall(url, 'GET', '/api/v1/me/exports', token);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body[0];
}

/**
 * On the profile: the section, its sentence and its button; the request,
 * the status while it is prepared; then the archive, ready. Answers the
 * section, its status, its button and the export.
 */
async function askForData(page, url, person, w, tag) {
  await page.goto('/profilo');
  const section = page.locator('section[aria-labelledby="data-title"]');
  await section.getByRole('heading', { name: w.section, level: 2 }).waitFor();
  assert.equal(await section.locator('p').first().textContent(), w.intro);
  const status = section.getByRole('status');
  const button = section.getByRole('button');
  assert.equal(await status.textContent(), '', 'nothing to say before asking');
  assert.equal(await button.textContent(), w.ask);

  await button.click();
  await page.waitForFunction((t) => document.querySelector('section[aria-labelledby="data-title"] [role=status]')?.textContent === t, w.pending);
  assert.equal(await button.getAttribute('aria-disabled'), 'true', 'busy while prepared');
  assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'the button keeps the focus');
  if (tag) {
    await expectAccessible(page, `the data being prepared (${tag})`);
    await screenshot(page, `export-pending-${tag}`);
  }

  // Built in the background within seconds; the section reads the list every 2 s.
  const ready = await (async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = await latest(url, person.token);
      if (found.state === 'ready') return found;
      assert.ok(Date.now() < deadline, `still ${found.state} after 30 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await section.getByRole('button', { name: w.archive(ready.size) }).waitFor({ timeout: 10_000 });
  return { section, status, button, ready };
}

for (const [lang, width] of LAYOUTS) {
  const tag = `${lang}-${width}`;
  test(`a participant downloads a copy of their data from the profile (${tag})`, async () => {
    const w = words[lang];
    const person = await apiRegister(h.url, 'Sara Conti');
    const said = `Servono più alberi lungo il viale (${tag}).`;
    await comment(h.url, person.token, said);
    const page = await h.newPage({ lang, width, height: width === 320 ? 720 : 900 });
    await signIn(page, person.email);
    const { section, status, button, ready } = await askForData(page, h.url, person, w, tag);

    // Ready: until when, the same button (still focused) with the size, no e-mail said (this site sends none).
    assert.equal(await status.textContent(), w.ready(new Date(ready.expires_at)));
    assert.equal(await button.getAttribute('aria-disabled'), 'false');
    assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'the focus stays on the button');
    await noSideScroll(page, tag);
    await expectAccessible(page, `the data ready (${tag})`);
    await screenshot(page, `export-ready-${tag}`);
    await elementShot(section, `export-section-${tag}`);

    // The download: named by the day it was asked for, a ZIP holding the comment.
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.equal(download.suggestedFilename(), `dati-${ready.requested_at.slice(0, 10)}.zip`);
    expectArchive(readFileSync(await download.path()), said);

    // Opening the profile again: the ready archive at once.
    await page.goto('/');
    await page.goto('/profilo');
    await section.getByRole('button', { name: w.archive(ready.size) }).waitFor();
    assert.equal(await status.textContent(), w.ready(new Date(ready.expires_at)));
    await page.context().close();
    assert.deepEqual(h.pageErrors, []);
  });
}

test('where the site sends e-mail, a letter brings the link too; a failed download is said', async () => {
  const mailbox = await startMailbox();
  const m = await setup({ env: { ...LIMITS, ...mailbox.env } });
  try {
    const w = words.it;
    const person = await apiRegister(m.url, 'Sara Conti');
    // The address confirmed through the letter's link: only then does a letter bring the archive.
    const [confirm] = await mailbox.letters(person.email, 1);
    const token = new URLSearchParams(new URL(confirm.text.match(/https?:\/\/\S+#token=\S+/)[0]).hash.slice(1)).get('token');
    assert.equal((await apiCall(m.url, 'POST', '/api/v1/auth/confirm-email', null, { token })).status, 204);
    const said = 'Anche una fontanella, per favore.';
    await comment(m.url, person.token, said);
    const page = await m.newPage({ lang: 'it' });
    await signIn(page, person.email);
    const { section, status, button, ready } = await askForData(page, m.url, person, w);
    assert.equal(await status.textContent(), `${w.ready(new Date(ready.expires_at))} ${w.mailed}`);

    // The letter's link downloads the same archive, without signing in.
    const letter = (await mailbox.letters(person.email, 2)).find((l) => /\/api\/v1\/exports\/archive\?token=/.test(l.text));
    assert.ok(letter, 'a letter with the link');
    const link = new URL(letter.text.match(/https?:\/\/\S+\/api\/v1\/exports\/archive\?token=[\w-]+/)[0]);
    const r = await fetch(`${m.url}${link.pathname}${link.search}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/zip');
    expectArchive(Buffer.from(await r.arrayBuffer()), said);

    // A download the server refuses (the archive gone meanwhile) is said in words, at the section.
    await page.route('**/api/v1/me/exports/*/archive', (route) =>
      route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' }) }),
    );
    await button.click();
    const alert = section.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.textContent(), w.notFound);
    await expectAccessible(page, 'the data ready, mailed, and a download refused');
    await screenshot(page, 'export-mailed-refused-it');
    assert.deepEqual(m.pageErrors, []);
  } finally {
    await m.stop();
    mailbox.stop();
  }
});
