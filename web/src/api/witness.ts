// The browser as a witness of the public log (docs/transparency-log.md): it
// checks that the version a page shows is an entry of the signed tree, and
// keeps the last checkpoint it verified, so that a log rewritten or rolled
// back later, even by someone holding the signing key, no longer extends
// what this browser saw. Only WebCrypto: no dependency, nothing trusted
// that the page could not recompute.
import { api } from './client';

type Bytes = Uint8Array<ArrayBuffer>;

/** Why a check failed; `rewritten`: the log does not extend the checkpoint kept here. */
export type Why = 'key' | 'signature' | 'entry' | 'inclusion' | 'rewritten';

/**
 * `verified`: the leaf is in a checkpoint whose signature held (`signed`
 * false: this browser has no Ed25519, so the signature was not checked);
 * `pending`: the version has no leaf yet; `unavailable`: the log could not
 * be read, so nothing was checked.
 */
export type Witnessed = { verified: number; signed: boolean } | { failed: Why } | { pending: true } | { unavailable: true };

export interface Checkpoint {
  origin: string;
  size: number;
  root: Bytes;
  /** The signed text: the note's lines up to the blank one. */
  text: string;
  /** The signature lines: key name and base64 of key id and signature. */
  sigs: [string, string][];
}

/** What this browser keeps: the log's key as first seen, and the last checkpoint verified. */
interface Kept {
  key?: string;
  origin?: string;
  size?: number;
  root?: string;
}

const STORE = 'emenda.log';
const subtle = crypto.subtle;

export const b64 = (s: string): Bytes => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const toB64 = (b: Bytes) => btoa(String.fromCharCode(...b));
export const fromHex = (s: string): Bytes => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const same = (a: Bytes, b: Bytes) => a.length === b.length && a.every((x, i) => x === b[i]);
const half = (n: number) => Math.floor(n / 2);

async function sha256(...parts: Bytes[]): Promise<Bytes> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
  return new Uint8Array(await subtle.digest('SHA-256', all));
}

/** RFC 6962's hashes: a leaf is prefixed 0x00, an inner node 0x01. */
export const leafHash = (entry: Bytes) => sha256(Uint8Array.of(0), entry);
const nodeHash = (left: Bytes, right: Bytes) => sha256(Uint8Array.of(1), left, right);

/** A c2sp.org tlog-checkpoint in a signed note, or null if it is not one. */
export function parseCheckpoint(note: string): Checkpoint | null {
  const end = note.indexOf('\n\n');
  const [origin, size, root] = note.slice(0, end).split('\n');
  const sigs = note
    .slice(end + 2)
    .split('\n')
    .map((l) => /^\u2014 (\S+) (\S+)$/.exec(l))
    .flatMap((m) => (m ? [[m[1], m[2]] as [string, string]] : []));
  if (end < 0 || !/^\d+$/.test(size ?? '') || !root) return null;
  try {
    return { origin, size: Number(size), root: b64(root), text: note.slice(0, end + 1), sigs };
  } catch {
    return null;
  }
}

/**
 * Whether a signature line by `key` (a note verifier key,
 * `name+<hex id>+<base64 of 0x01 and the Ed25519 key>`) signs the
 * checkpoint; null when this browser cannot check Ed25519.
 */
export async function signedBy(cp: Checkpoint, key: string): Promise<boolean | null> {
  // The base64 key may itself hold `+`: the name and id are the first two parts.
  const [name, id = ''] = key.trim().split('+');
  let raw: Bytes;
  let pub: CryptoKey;
  try {
    raw = b64(key.trim().slice(name.length + id.length + 2));
  } catch {
    return false;
  }
  if (name !== cp.origin || raw[0] !== 1 || raw.length !== 33) return false;
  try {
    pub = await subtle.importKey('raw', raw.subarray(1), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
  for (const [n, s] of cp.sigs) {
    const sig = b64(s);
    if (n === name && sig.length === 68 && same(sig.subarray(0, 4), fromHex(id)) && (await subtle.verify('Ed25519', pub, sig.subarray(4), new TextEncoder().encode(cp.text)))) return true;
  }
  return false;
}

/**
 * The walk both proofs of RFC 9162 share (§2.1.3.2, §2.1.4.2): from node
 * `fn` of a tree whose last node is `sn`, hash each proof node on the side
 * the indexes say. `sr` becomes the new tree's root; `fr`, when `both`, the
 * old tree's (it takes only the nodes on its left). Null when the proof has
 * too many or too few nodes.
 */
async function walk(fn: number, sn: number, fr: Bytes, sr: Bytes, proof: Bytes[], both: boolean): Promise<[Bytes, Bytes] | null> {
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 || fn === sn) {
      if (both) fr = await nodeHash(p, fr);
      sr = await nodeHash(p, sr);
      while (!(fn % 2) && fn) [fn, sn] = [half(fn), half(sn)];
    } else sr = await nodeHash(sr, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? [fr, sr] : null;
}

/** RFC 9162 §2.1.3.2: whether `leaf` is leaf `index` of the tree of `size` leaves with this root. */
export async function verifyInclusion(index: number, size: number, leaf: Bytes, proof: Bytes[], root: Bytes): Promise<boolean> {
  const r = index < size && (await walk(index, size - 1, leaf, leaf, proof, false));
  return !!r && same(r[1], root);
}

/** RFC 9162 §2.1.4.2: whether the tree of `size` leaves with `root` extends the one of `old` leaves with `oldRoot`. */
export async function verifyConsistency(old: number, oldRoot: Bytes, size: number, root: Bytes, proof: Bytes[]): Promise<boolean> {
  if (old === size) return !proof.length && same(oldRoot, root);
  if (old > size) return false;
  // An old tree that is a whole subtree is itself the first node of the path.
  const path = Number.isInteger(Math.log2(old)) ? [oldRoot, ...proof] : proof;
  let [fn, sn] = [old - 1, size - 1];
  while (fn % 2) [fn, sn] = [half(fn), half(sn)];
  const r = !!path.length && (await walk(fn, sn, path[0], path[0], path.slice(1), true));
  return !!r && same(r[0], oldRoot) && same(r[1], root);
}

/** The path of entry bundle `n` (c2sp.org tlog-tiles): groups of three digits, all but the last prefixed `x`. */
export function bundlePath(n: number, width: number): string {
  const digits = String(n).padStart(Math.ceil(String(n).length / 3) * 3, '0');
  const groups = digits.match(/.../g)!.map((g, i, all) => (i < all.length - 1 ? 'x' : '') + g);
  return `/log/tile/entries/${groups.join('/')}${width < 256 ? `.p/${width}` : ''}`;
}

/** Entry `at` of a bundle (each a big-endian uint16 length and its bytes), or null past its end. */
export function bundleEntry(bundle: Bytes, at: number): Bytes | null {
  let pos = 0;
  for (let i = 0; pos + 2 <= bundle.length; i++) {
    const end = pos + 2 + ((bundle[pos] << 8) | bundle[pos + 1]);
    if (i === at) return end <= bundle.length ? bundle.subarray(pos + 2, end) : null;
    pos = end;
  }
  return null;
}

function kept(): Kept {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '{}') as Kept;
  } catch {
    return {};
  }
}

function keep(k: Kept) {
  try {
    localStorage.setItem(STORE, JSON.stringify(k));
  } catch {
    /* no storage: nothing is kept for the next visit */
  }
}

async function read(path: string, signal?: AbortSignal): Promise<Response> {
  const r = await fetch(path, { signal });
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r;
}

const hashes = (p: { hashes: string[] }) => p.hashes.map(fromHex);

/**
 * Checks that the proposal's current version, with the hash the page
 * shows, is a leaf of the latest signed checkpoint, and that the checkpoint
 * extends the one this browser kept; keeps it when every check holds.
 */
export async function witness(p: { id: string; current_version: number; content_hash: string }, signal?: AbortSignal): Promise<Witnessed> {
  const { id, current_version: number, content_hash: content } = p;
  let was = kept();
  try {
    const index = (await api.get('/api/v1/proposals/{id}/versions/{n}', { path: { id, n: number }, signal })).log_index;
    if (index == null) return { pending: true };
    const [note, key] = await Promise.all([read('/log/checkpoint', signal).then((r) => r.text()), read('/log/key', signal).then((r) => r.text())]);
    // The key is pinned the first time: a server that later signs with
    // another could sign any history.
    if (was.key && was.key !== key.trim()) return { failed: 'key' };
    keep((was = { ...was, key: key.trim() }));
    const cp = parseCheckpoint(note);
    const signed = cp && (await signedBy(cp, key));
    if (!cp || signed === false) return { failed: 'signature' };
    // Sequenced but not yet in a checkpoint this server hands out: as if pending.
    if (index >= cp.size) return { pending: true };
    if (was.root && was.size) {
      const old = b64(was.root);
      const extended =
        was.origin === cp.origin &&
        was.size <= cp.size &&
        (was.size === cp.size ? same(old, cp.root) : await verifyConsistency(was.size, old, cp.size, cp.root, hashes(await api.get('/api/v1/log/consistency', { query: { old: was.size, size: cp.size }, signal }))));
      if (!extended) return { failed: 'rewritten' };
    }
    // The narrowest bundle that holds the leaf: the same for every
    // checkpoint from then on, so the browser keeps it.
    const bundle = new Uint8Array(await (await read(bundlePath(Math.floor(index / 256), (index % 256) + 1), signal)).arrayBuffer());
    const entry = bundleEntry(bundle, index % 256);
    // Each field is one line of the entry, in a fixed order after the tag and kind.
    const lines = entry ? new TextDecoder().decode(entry).split('\n') : [];
    if (!entry || lines[0] !== 'emenda-log-v1' || ![`kind version`, `proposal ${id}`, `number ${number}`, `content_hash ${content}`].every((l) => lines.includes(l))) return { failed: 'entry' };
    const proof = await api.get('/api/v1/log/inclusion', { query: { index, size: cp.size }, signal });
    if (!(await verifyInclusion(index, cp.size, await leafHash(entry), hashes(proof), cp.root))) return { failed: 'inclusion' };
    if (signed) keep({ key: was.key, origin: cp.origin, size: cp.size, root: toB64(cp.root) });
    return { verified: index, signed: !!signed };
  } catch {
    return { unavailable: true };
  }
}
