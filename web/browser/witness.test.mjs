// The browser as a witness of the public log: the proposal page shows the
// current version's leaf, verified here (checkpoint signature, the entry in
// its bundle, the inclusion proof); a forged checkpoint, key, entry or proof
// is shown as a failure with its reason; and a checkpoint that does not
// extend the one a first visit kept, even one signed with the log's own key
// (an operator who rewrites or rolls back the log), is named as a possible
// rewrite, and the kept checkpoint stays. The server signs with a key made
// here, so that the test can sign what such an operator would.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { apiCall, apiRegister, expectAccessible, screenshot, setup } from './harness.mjs';

const ORIGIN = 'localhost/emenda-log';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
// c2sp.org/signed-note: the key id is the first 4 bytes of SHA-256(name, "\n", 0x01, key).
const keyId = createHash('sha256')
  .update(Buffer.concat([Buffer.from(`${ORIGIN}\n`), Buffer.of(1), pub]))
  .digest()
  .subarray(0, 4);
const SKEY = `PRIVATE+KEY+${ORIGIN}+${keyId.toString('hex')}+${Buffer.concat([Buffer.of(1), seed]).toString('base64')}`;

/** A checkpoint note of `size` and `root` (32 bytes), signed with the log's key. */
function signedCheckpoint(size, root) {
  const text = `${ORIGIN}\n${size}\n${Buffer.from(root).toString('base64')}\n`;
  const sig = sign(null, Buffer.from(text), privateKey);
  return `${text}\n\u2014 ${ORIGIN} ${Buffer.concat([keyId, sig]).toString('base64')}\n`;
}

const TEXT = {
  it: {
    verified: /^Registrato nel registro pubblico, voce (\d+): verificato in questo browser\.$/,
    failed: 'Attenzione: la verifica nel registro pubblico NON è riuscita: ',
    signature: 'la firma del registro non è valida',
    key: 'il registro firma con una chiave diversa da quella vista in precedenza',
    entry: 'la voce del registro non corrisponde a questa versione',
    inclusion: 'la prova di inclusione non corrisponde al registro firmato',
    rewritten: 'Attenzione: il registro pubblico non estende quello visto in precedenza: potrebbe essere stato riscritto.',
  },
  en: {
    verified: /^Recorded in the public log, entry (\d+): verified in this browser\.$/,
    failed: 'Warning: the check in the public log did NOT succeed: ',
    signature: 'the log’s signature is not valid',
    key: 'the log signs with a key other than the one seen before',
    entry: 'the log’s entry does not match this version',
    inclusion: 'the inclusion proof does not match the signed log',
    rewritten: 'Warning: the public log does not extend the one seen before: it may have been rewritten.',
  },
};

let h;
let author;
before(async () => {
  h = await setup({ env: { EMENDA_LOG_KEY: SKEY } });
  author = await apiRegister(h.url, 'Marta Testimone');
});
after(async () => h?.stop());

/** A new proposal, read back (its id, reference, version and hash). */
async function newProposal(title) {
  const r = await apiCall(h.url, 'POST', '/api/v1/spaces/bilancio-partecipativo-2026/proposals', author.token, {
    title,
    body: 'Proponiamo una rastrelliera per biciclette davanti alla biblioteca di quartiere.',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

/** The leaf index the server gives the version, once it has one. */
async function logIndex(p) {
  for (let i = 0; i < 50; i++) {
    const v = await apiCall(h.url, 'GET', `/api/v1/proposals/${p.id}/versions/${p.current_version}`);
    if (v.body.log_index != null) return v.body.log_index;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the version was never sequenced');
}

const line = (page) => page.locator('#log-witness');

/** Waits for the witness line to leave its checking and pending states, and answers its text. */
async function outcome(page) {
  await page.waitForFunction(
    () => {
      const p = document.querySelector('#log-witness');
      return p && !/…$/.test(p.textContent.trim());
    },
    null,
    { timeout: 20_000 },
  );
  return (await line(page).textContent()).trim();
}

const kept = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('emenda.log') ?? 'null'));

/** The real checkpoint, parsed. */
async function checkpoint() {
  const note = await (await fetch(`${h.url}/log/checkpoint`)).text();
  const [origin, size, root] = note.split('\n');
  return { note, origin, size: Number(size), root: Buffer.from(root, 'base64') };
}

for (const lang of ['it', 'en']) {
  for (const [device, width] of [
    ['desk', 1280],
    ['phone', 360],
  ]) {
    test(`the proposal page shows its version verified in the public log (${lang}, ${device})`, async () => {
      // Opened as soon as it is written: the leaf comes within about a second.
      const p = await newProposal(`Rastrelliera davanti alla biblioteca ${lang} ${device}`);
      const page = await h.newPage({ lang, width });
      const log = [];
      page.on('request', (r) => new URL(r.url()).pathname.startsWith('/log/') && log.push(new URL(r.url()).pathname));
      await page.goto(`/proposte/${p.reference}`);
      const text = await outcome(page);
      const m = TEXT[lang].verified.exec(text);
      assert.ok(m, `verified: ${text}`);
      assert.equal(Number(m[1]), await logIndex(p));
      const index = Number(m[1]);
      // The narrowest bundle that holds the leaf, the signed checkpoint and the key.
      assert.ok(log.includes('/log/checkpoint') && log.includes('/log/key'), log.join(', '));
      assert.ok(log.some((l) => l.startsWith('/log/tile/entries/') && l.endsWith(index % 256 === 255 ? '' : `.p/${(index % 256) + 1}`)), log.join(', '));
      const k = await kept(page);
      assert.equal(k.origin, ORIGIN);
      assert.ok(k.size > index, JSON.stringify(k));
      assert.match(k.key, new RegExp(`^${ORIGIN}\\+${keyId.toString('hex')}\\+`));
      await expectAccessible(page, `log witness (${lang}, ${device})`);
      await screenshot(page, `witness-verified-${lang}-${device}`);

      // Later, the log has grown: the new checkpoint is proved to extend the kept one.
      const later = await newProposal(`Una seconda rastrelliera ${lang} ${device}`);
      await logIndex(later);
      const proofs = [];
      page.on('request', (r) => new URL(r.url()).pathname === '/api/v1/log/consistency' && proofs.push(r.url()));
      await page.goto(`/proposte/${later.reference}`);
      assert.match(await outcome(page), TEXT[lang].verified);
      assert.equal(proofs.length, 1, 'one consistency proof');
      assert.ok((await kept(page)).size > k.size, 'the newer checkpoint is kept');
      await page.context().close();
    });
  }
}

test('a forged checkpoint, key, entry or inclusion proof is a failure, with its reason', async () => {
  const p = await newProposal('Panchine nuove nel giardino della scuola');
  const index = await logIndex(p);
  const real = await checkpoint();
  const forgeries = [
    // The signed text changed, the signature kept: another size, another root.
    ['signature', 'it', (note) => note.replace(`\n${real.size}\n`, `\n${real.size + 1}\n`)],
    ['signature', 'en', (note) => note.replace(real.root.toString('base64'), Buffer.alloc(32, 7).toString('base64'))],
    // A signature by another key with the same name.
    [
      'signature',
      'it',
      (note) => {
        const other = generateKeyPairSync('ed25519').privateKey;
        const text = note.slice(0, note.indexOf('\n\n') + 1);
        return `${text}\n\u2014 ${ORIGIN} ${Buffer.concat([keyId, sign(null, Buffer.from(text), other)]).toString('base64')}\n`;
      },
    ],
    // No signature at all.
    ['signature', 'en', (note) => note.slice(0, note.indexOf('\n\n') + 2)],
  ];
  for (const [why, lang, forge] of forgeries) {
    const page = await h.newPage({ lang });
    await page.route('**/log/checkpoint', async (route) => {
      const r = await route.fetch();
      route.fulfill({ response: r, body: forge(await r.text()) });
    });
    await page.goto(`/proposte/${p.reference}`);
    assert.equal(await outcome(page), `${TEXT[lang].failed}${TEXT[lang][why]}.`);
    assert.equal(await line(page).getAttribute('role'), 'alert');
    assert.equal(await kept(page).then((k) => k?.size), undefined, 'a forged checkpoint is not kept');
    await page.context().close();
  }

  // A checkpoint the log's key signed, whose root is not the tree's: the proof does not reach it.
  let page = await h.newPage({ lang: 'en' });
  await page.route('**/log/checkpoint', (route) => route.fulfill({ contentType: 'text/plain', body: signedCheckpoint(real.size, Buffer.alloc(32, 9)) }));
  await page.goto(`/proposte/${p.reference}`);
  assert.equal(await outcome(page), `${TEXT.en.failed}${TEXT.en.inclusion}.`);
  await page.context().close();

  // The inclusion proof altered.
  page = await h.newPage({ lang: 'it' });
  await page.route((url) => url.pathname === '/api/v1/log/inclusion', async (route) => {
    const r = await route.fetch();
    const proof = await r.json();
    proof.hashes[0] = proof.hashes[0].replace(/^./, (c) => (c === '0' ? '1' : '0'));
    route.fulfill({ response: r, json: proof });
  });
  await page.goto(`/proposte/${p.reference}`);
  assert.equal(await outcome(page), `${TEXT.it.failed}${TEXT.it.inclusion}.`);
  await expectAccessible(page, 'log witness failure');
  await screenshot(page, 'witness-failed-it-desk');
  await page.context().close();

  // The entry in the bundle altered: it names another content hash.
  page = await h.newPage({ lang: 'en', width: 360 });
  await page.route('**/log/tile/entries/**', async (route) => {
    const r = await route.fetch();
    const body = Buffer.from(await r.body());
    const at = body.indexOf(Buffer.from(`content_hash `), body.indexOf(Buffer.from(`proposal ${p.id}`)));
    body[at + 13] = body[at + 13] === 0x30 ? 0x31 : 0x30;
    route.fulfill({ response: r, body });
  });
  await page.goto(`/proposte/${p.reference}`);
  assert.equal(await outcome(page), `${TEXT.en.failed}${TEXT.en.entry}.`);
  await expectAccessible(page, 'log witness failure (phone)');
  await screenshot(page, 'witness-failed-en-phone');
  await page.context().close();

  // The key pinned at the first visit, another one later.
  page = await h.newPage({ lang: 'it' });
  await page.goto(`/proposte/${p.reference}`);
  assert.match(await outcome(page), TEXT.it.verified);
  await page.route('**/log/key', (route) => route.fulfill({ contentType: 'text/plain', body: `${ORIGIN}+00000000+${Buffer.concat([Buffer.of(1), Buffer.alloc(32, 3)]).toString('base64')}\n` }));
  await page.reload();
  assert.equal(await outcome(page), `${TEXT.it.failed}${TEXT.it.key}.`);
  await page.context().close();
  assert.ok(index >= 0);
});

for (const [lang, width] of [
  ['it', 1280],
  ['en', 360],
]) {
  test(`a log that does not extend the checkpoint kept is named as a possible rewrite (${lang})`, async () => {
    const p = await newProposal(`Fontanella nel parco del quartiere ${lang}`);
    await logIndex(p);
    const page = await h.newPage({ lang, width });
    await page.goto(`/proposte/${p.reference}`);
    assert.match(await outcome(page), TEXT[lang].verified);
    const first = await kept(page);
    const real = await checkpoint();
    assert.equal(first.size, real.size);

    // The same size with another root, and a smaller tree (a rollback), both signed with the log's key.
    for (const forged of [signedCheckpoint(real.size, Buffer.alloc(32, 5)), signedCheckpoint(real.size - 1, real.root)]) {
      await page.route('**/log/checkpoint', (route) => route.fulfill({ contentType: 'text/plain', body: forged }));
      await page.reload();
      assert.equal(await outcome(page), TEXT[lang].rewritten);
      assert.equal(await line(page).getAttribute('role'), 'alert');
      assert.deepEqual(await kept(page), first, 'the kept checkpoint stays');
      await page.unroute('**/log/checkpoint');
    }
    await expectAccessible(page, `log rewritten (${lang})`);
    await screenshot(page, `witness-rewritten-${lang}-${width}`);

    // The real log, which does extend it, is verified again.
    await page.reload();
    assert.match(await outcome(page), TEXT[lang].verified);
    await page.context().close();
  });
}

test('no script errors on the proposal page while witnessing', () => {
  assert.deepEqual(h.pageErrors, []);
});
