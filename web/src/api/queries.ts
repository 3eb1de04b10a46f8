// The app's use of the cache (cache.ts): one cache for the whole app, the
// key of a read (derived from its path, parameters and query, so
// ['proposals', 'EMD-PROP-2026-1', 'comments', { limit: 20 }]), and what a
// change makes stale:
// - every write the server accepts marks everything stale without reading
//   it again: what is on screen stays, anything shown next is read again
//   (a write may change what many reads answered: counters, states, the
//   audit log);
// - what a change alters on screen is named where the change is made
//   (`proposalChanged`), and read again at once, or replaced by the write's
//   own answer;
// - another user (signing in or out) makes every read wrong: what is shown
//   is read again, the rest forgotten;
// - but the site (its owner and pages, in every page's header and footer)
//   is the same for everyone and changes only by a page published here:
//   it is read once, and again only after that (`siteChanged`).
import { api } from './client';
import { Cache, type Key } from './cache';
import type { Proposal, ProposalRead } from './types';

export type { Key } from './cache';

const SITE = ['site'];
const isSite = (key: Key) => key[0] === SITE[0];

export const cache = new Cache({ lasting: isSite });

type Params = Record<string, string | number | boolean | null | undefined>;

/** The key of a GET: the path's segments after /api/v1/ with its parameters filled in, then the query (empty values left out). */
export function keyOf(path: string, init?: { path?: Params; query?: Params } | null): Key {
  const parts = path
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .map((segment) => (segment.startsWith('{') ? String(init?.path?.[segment.slice(1, -1)] ?? '') : segment));
  const query = Object.fromEntries(Object.entries(init?.query ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return Object.keys(query).length > 0 ? [...parts, query] : parts;
}

let user = api.me?.id ?? null;
api.onSession((me) => {
  const id = me?.id ?? null;
  if (id === user) return;
  user = id;
  void cache.invalidate((key) => !isSite(key), { forget: true });
});
api.onWrite(() => void cache.invalidate((key) => !isSite(key), { refetch: false }));

/** A page of the site was published here: the site (the footer's titles) and the page's reads are read again. */
export function siteChanged(slug: string): Promise<void> {
  return Promise.all([cache.invalidate(SITE), cache.invalidate(['pages', slug])]).then(() => undefined);
}

/** The parts of a proposal read apart from it (each a key under the proposal's). */
export type ProposalPart = 'supporters' | 'amendments' | 'answers' | 'versions' | 'comments' | 'history';

/** The lists the proposal page reads with the proposal, in the same request. */
const PAGE_LISTS = { include: 'answers,supporters,amendments' };

/** The key of the proposal page's read: the proposal with its answers and the first page of its supporters and amendments. */
export function proposalPageKey(id: string): Key {
  return keyOf('/api/v1/proposals/{id}', { path: { id }, query: PAGE_LISTS });
}

/**
 * Reads the proposal with its first lists (one request, not four), and
 * keeps the proposal alone under its id and reference as well: the
 * history, the diff and the editors opened from the page need no request
 * for it.
 */
export async function readProposalPage(id: string): Promise<ProposalRead> {
  const read = await api.get('/api/v1/proposals/{id}', { path: { id }, query: PAGE_LISTS });
  const { included: _, ...proposal } = read;
  for (const k of new Set([id, read.id, read.reference])) cache.set(['proposals', k], proposal);
  return read;
}

/**
 * A proposal changed here: the proposal (under its id, its reference, and
 * the `address` a screen read it by, alone and with the page's lists) is
 * replaced by `fresh`, the write's own answer, or else read again where it
 * is shown; so are the `parts` named (the page's lists read on through
 * their own addresses watch those keys). Resolves when those reads are done.
 */
export function proposalChanged(
  p: { id: string; reference: string },
  { fresh, parts = [], address }: { fresh?: Proposal; parts?: ProposalPart[]; address?: string } = {},
): Promise<void> {
  const reads: Promise<void>[] = [];
  for (const id of new Set([p.id, p.reference, address ?? p.id])) {
    const page = proposalPageKey(id);
    if (fresh) {
      cache.set(['proposals', id], fresh);
      // The lists stay as they were (the same objects, so a list paged
      // further stays as it is); the parts named below are read again.
      const held = cache.peek<ProposalRead>(page).data;
      if (held) cache.set(page, { ...fresh, included: held.included });
    } else {
      reads.push(cache.invalidate(['proposals', id], { exact: true }));
      reads.push(cache.invalidate(page, { exact: true }));
    }
    for (const part of parts) reads.push(cache.invalidate(['proposals', id, part]));
  }
  return Promise.all(reads).then(() => undefined);
}
