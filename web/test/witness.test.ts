// The browser's checks of the public log against the documented example
// (docs/transparency-log.md) and against proofs built here by RFC 9162's
// own recursive definitions, for every small tree.
import { describe, expect, it } from 'vitest';
import { b64, bundleEntry, bundlePath, fromHex, leafHash, parseCheckpoint, signedBy, verifyConsistency, verifyInclusion } from '../src/api/witness';

type Bytes = Uint8Array<ArrayBuffer>;
const enc = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const sha = async (...parts: Uint8Array[]) => new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(parts.flatMap((p) => [...p]))));

/** The largest power of two below n. */
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1));

async function mth(leaves: Bytes[]): Promise<Bytes> {
  if (leaves.length === 1) return leaves[0];
  const k = split(leaves.length);
  return sha(Uint8Array.of(1), await mth(leaves.slice(0, k)), await mth(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]), over leaf hashes. */
async function path(m: number, leaves: Bytes[]): Promise<Bytes[]> {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k ? [...(await path(m, leaves.slice(0, k))), await mth(leaves.slice(k))] : [...(await path(m - k, leaves.slice(k))), await mth(leaves.slice(0, k))];
}

/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[n], b). */
async function subproof(m: number, leaves: Bytes[], b: boolean): Promise<Bytes[]> {
  const n = leaves.length;
  if (m === n) return b ? [] : [await mth(leaves)];
  const k = split(n);
  return m <= k ? [...(await subproof(m, leaves.slice(0, k), b)), await mth(leaves.slice(k))] : [...(await subproof(m - k, leaves.slice(k), false)), await mth(leaves.slice(0, k))];
}

const AUDIT = `emenda-log-v1
kind audit
id 0192f3a0-7c1e-7b2a-9d4e-0000000000b1
action amendment.accepted
target_kind amendment
target_id 0192f3a0-7c1e-7b2a-9d4e-0000000000a1
space 0192f3a0-7c1e-7b2a-9d4e-0000000000c1
actor 0192f3a0-7c1e-7b2a-9d4e-0000000000f1
visibility public
created_at 2026-11-25T10:30:00.000000Z
details sha256:cf919d92f905e86c9e339e3dd72f396c56d48f457c70b7ccccaf761250748d33
`;
const VERSION = `emenda-log-v1
kind version
proposal 0192f3a0-7c1e-7b2a-9d4e-1f2a3b4c5d6e
reference EMD-2026-000042
number 2
content_hash 57ec890d05364372174ead2340938b43240e2c1c4a65b0d0e17f0c7de8e9bca1
created_at 2026-11-25T10:30:00.000000Z
`;

describe('the public log, checked in the browser', () => {
  it('hashes the documented entries and tree as the server does', async () => {
    const a = await leafHash(enc(AUDIT));
    const v = await leafHash(enc(VERSION));
    expect(hex(a)).toBe('8dea3b5beba50e0955c4d38f5158591b7f7aca1223cfbc0cbdedb150befd221e');
    expect(hex(v)).toBe('4a6b6fbde3b8022046ce85a14faf5b30a1d30b76632131e2d3dec3bab0ea6407');
    const root = b64('Ews/ASACGpm8c+vMFF2/dZ7PppsSE4Z1VdmaP4KGx6E=');
    expect(hex(root)).toBe('130b3f0120021a99bc73ebcc145dbf759ecfa69b1213867555d99a3f8286c7a1');
    expect(await verifyInclusion(1, 2, v, [a], root)).toBe(true);
    expect(await verifyInclusion(0, 2, a, [v], root)).toBe(true);
    expect(await verifyInclusion(0, 2, v, [a], root)).toBe(false);
  });

  it('accepts every right proof of a small tree and refuses altered ones', async () => {
    const leaves = await Promise.all(Array.from({ length: 20 }, (_, i) => leafHash(enc(`entry ${i}\n`))));
    for (let n = 1; n < leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const root = await mth(tree);
      for (let m = 0; m < n; m++) {
        const proof = await path(m, tree);
        expect(await verifyInclusion(m, n, tree[m], proof, root), `inclusion ${m} in ${n}`).toBe(true);
        expect(await verifyInclusion(m, n, leaves[n], proof, root), `another leaf as ${m} in ${n}`).toBe(false);
        expect(await verifyInclusion(n, n, tree[m], proof, root)).toBe(false);
        if (proof.length) expect(await verifyInclusion(m, n, tree[m], proof.slice(1), root)).toBe(false);
        expect(await verifyInclusion(m, n, tree[m], [...proof, root], root)).toBe(false);
        if (m > 0) {
          const old = await mth(leaves.slice(0, m));
          const c = await subproof(m, tree, true);
          expect(await verifyConsistency(m, old, n, root, c), `consistency ${m} to ${n}`).toBe(true);
          expect(await verifyConsistency(m, await leafHash(enc('other')), n, root, c), `another old root ${m} to ${n}`).toBe(false);
          expect(await verifyConsistency(m, old, n, await leafHash(enc('other')), c)).toBe(false);
          if (c.length) expect(await verifyConsistency(m, old, n, root, c.slice(0, -1))).toBe(false);
        }
      }
      expect(await verifyConsistency(n, root, n, root, [])).toBe(true);
      expect(await verifyConsistency(n, root, n, leaves[0], [])).toBe(n === 1);
    }
    expect(await verifyConsistency(5, await mth(leaves.slice(0, 5)), 4, await mth(leaves.slice(0, 4)), [])).toBe(false);
  });

  it('reads entry bundles by their c2sp.org paths', () => {
    expect(bundlePath(5, 256)).toBe('/log/tile/entries/005');
    expect(bundlePath(0, 101)).toBe('/log/tile/entries/000.p/101');
    expect(bundlePath(1234, 256)).toBe('/log/tile/entries/x001/234');
    expect(bundlePath(1234067, 7)).toBe('/log/tile/entries/x001/x234/067.p/7');
    const bundle = new Uint8Array([0, 2, 104, 105, 0, 0, 0, 3, 1, 2, 3]);
    expect(Array.from(bundleEntry(bundle, 0)!)).toEqual([104, 105]);
    expect(Array.from(bundleEntry(bundle, 1)!)).toEqual([]);
    expect(Array.from(bundleEntry(bundle, 2)!)).toEqual([1, 2, 3]);
    expect(bundleEntry(bundle, 3)).toBeNull();
    expect(bundleEntry(new Uint8Array([0, 9, 1]), 0)).toBeNull();
  });

  it('checks a checkpoint’s Ed25519 signature by the note key', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const pub = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const name = 'example.org/log';
    const id = (await sha(enc(`${name}\n`), Uint8Array.of(1), pub)).subarray(0, 4);
    const b = (x: Uint8Array) => btoa(String.fromCharCode(...x));
    const key = `${name}+${hex(id)}+${b(Uint8Array.of(1, ...pub))}`;
    const text = `${name}\n42\n${b(new Uint8Array(32))}\n`;
    const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', pair.privateKey, enc(text)));
    const note = (t: string, s = sig, n = name) => `${t}\n\u2014 ${n} ${b(Uint8Array.of(...id, ...s))}\n`;
    const cp = parseCheckpoint(note(text))!;
    expect(cp.origin).toBe(name);
    expect(cp.size).toBe(42);
    expect(cp.root).toEqual(new Uint8Array(32));
    expect(await signedBy(cp, key)).toBe(true);
    expect(await signedBy(parseCheckpoint(note(text.replace('42', '43')))!, key)).toBe(false);
    expect(await signedBy(parseCheckpoint(note(text, sig.map((x, i) => (i ? x : x ^ 1))))!, key)).toBe(false);
    expect(await signedBy(parseCheckpoint(note(text, sig, 'other.org/log'))!, key)).toBe(false);
    expect(await signedBy(cp, key.replace(name, 'other.org/log'))).toBe(false);
    expect(parseCheckpoint('not a checkpoint')).toBeNull();
    expect(parseCheckpoint(`${name}\nmany\n${b(new Uint8Array(32))}\n\n`)).toBeNull();
    expect(fromHex('00ff10')).toEqual(Uint8Array.of(0, 255, 16));
  });
});
