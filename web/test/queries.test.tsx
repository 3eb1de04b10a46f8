// The app's reads through the cache: keys derived from the operation, one
// read for every screen showing a proposal, read again after a change made
// here, everything stale after any write, and nothing of one user kept for
// the next.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { api } from '../src/api/client';
import { cache, keyOf, proposalChanged, proposalPageKey, siteChanged } from '../src/api/queries';
import type { Proposal } from '../src/api/types';
import { useQuery } from '../src/hooks';

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
};

const user = { id: 'u1', nickname: 'giulia', display_name: 'Giulia', verified: false, created_at: '2026-01-01T00:00:00Z', email: 'g@e.it', roles: [], blocked: false };

/** A fake server counting the reads of each address; the proposal's title says how many times it was read. */
function server() {
  const reads: string[] = [];
  const fetchImpl = vi.fn(async (url: string, init: RequestInit) => {
    const path = url.replace(/\?.*/, '');
    if (init.method !== 'GET') {
      if (path === '/api/v1/auth/login') return Response.json({ access_token: 'A1', token_type: 'Bearer', expires_in: 900, refresh_token: 'R1', user });
      return new Response(null, { status: 204 });
    }
    reads.push(url);
    const n = reads.filter((r) => r === url).length;
    return Response.json({ id: 'uuid-1', reference: 'EMD-1', title: `read ${n}` });
  });
  vi.stubGlobal('fetch', fetchImpl);
  return { reads };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(async () => {
  // Unmounting inside act() runs the screens' cleanups (their subscriptions end) now.
  await act(() => render(null, root));
  root.remove();
  await api.logout();
  await cache.invalidate(() => true, { forget: true });
  vi.unstubAllGlobals();
});

function Title({ id }: { id: string }) {
  const p = useQuery('/api/v1/proposals/{id}', { path: { id } });
  return <p class="title">{p.loading && !p.data ? 'loading' : p.data?.title}</p>;
}

const titles = () => [...root.querySelectorAll('.title')].map((e) => e.textContent);

describe('reads through the cache', () => {
  it('derives the key from the path, its parameters and its query', () => {
    expect(keyOf('/api/v1/proposals/{id}', { path: { id: 'EMD-1' } })).toEqual(['proposals', 'EMD-1']);
    expect(keyOf('/api/v1/proposals/{id}/comments', { path: { id: 'EMD-1' }, query: { limit: 20, cursor: undefined, order: '' } })).toEqual([
      'proposals',
      'EMD-1',
      'comments',
      { limit: 20 },
    ]);
    expect(keyOf('/api/v1/spaces')).toEqual(['spaces']);
  });

  it('reads a proposal once for every screen part showing it', async () => {
    const s = server();
    render(
      <>
        <Title id="EMD-1" />
        <Title id="EMD-1" />
      </>,
      root,
    );
    expect(titles()).toEqual(['loading', 'loading']);
    await settle();
    expect(titles()).toEqual(['read 1', 'read 1']);
    // A screen drawn later, while the data is fresh, asks nothing.
    render(
      <>
        <Title id="EMD-1" />
        <Title id="EMD-1" />
        <Title id="EMD-1" />
      </>,
      root,
    );
    await settle();
    expect(titles()).toEqual(['read 1', 'read 1', 'read 1']);
    expect(s.reads).toEqual(['/api/v1/proposals/EMD-1']);
  });

  it('reads it again after a change made here, under its id and its reference', async () => {
    const s = server();
    render(<Title id="EMD-1" />, root);
    await settle();
    await act(() => proposalChanged({ id: 'uuid-1', reference: 'EMD-1' }));
    await settle();
    expect(titles()).toEqual(['read 2']);
    expect(s.reads).toEqual(['/api/v1/proposals/EMD-1', '/api/v1/proposals/EMD-1']);
  });

  it('puts a write’s answer in place without reading', async () => {
    const s = server();
    render(<Title id="EMD-1" />, root);
    await settle();
    // Only what the test reads of a proposal.
    const fresh = { id: 'uuid-1', reference: 'EMD-1', title: 'from the write' } as unknown as Proposal;
    await act(() => proposalChanged({ id: 'uuid-1', reference: 'EMD-1' }, { fresh }));
    await settle();
    expect(titles()).toEqual(['from the write']);
    expect(s.reads).toHaveLength(1);
  });

  it('marks everything stale after any write: what is shown stays, the next screen reads again', async () => {
    const s = server();
    render(<Title id="EMD-1" />, root);
    await settle();
    await act(async () => {
      await api.post('/api/v1/reports', { body: { target: { kind: 'comment', id: 'c' }, reason: 'spam' } });
    });
    await settle();
    expect(titles()).toEqual(['read 1']);
    expect(s.reads).toHaveLength(1);
    render(<Title key="again" id="EMD-1" />, root);
    await settle();
    expect(titles()).toEqual(['read 2']);
  });

  it('keeps nothing of one user for the next: what is shown is read again, the rest forgotten', async () => {
    const s = server();
    await cache.read(['proposals', 'EMD-2'], async () => 'read as anyone');
    render(<Title id="EMD-1" />, root);
    await settle();
    await act(async () => {
      await api.login('g@e.it', 'password-123');
    });
    await settle();
    expect(titles()).toEqual(['read 2']);
    expect(cache.peek(['proposals', 'EMD-2']).data).toBeUndefined();
    expect(s.reads).toEqual(['/api/v1/proposals/EMD-1', '/api/v1/proposals/EMD-1']);
  });

  it('reads the site once, through writes and sessions, and again after a page is published here', async () => {
    const s = server();
    function Owner() {
      const site = useQuery('/api/v1/site', {});
      return <p class="title">{site.data ? 'site' : 'loading'}</p>;
    }
    render(<Owner />, root);
    await settle();
    await act(async () => {
      await api.post('/api/v1/reports', { body: { target: { kind: 'comment', id: 'c' }, reason: 'spam' } });
      await api.login('g@e.it', 'password-123');
    });
    await settle();
    // Another screen showing the site (sign-up) uses what was read.
    render(<Owner key="again" />, root);
    await settle();
    expect(s.reads).toEqual(['/api/v1/site']);
    await act(() => siteChanged('privacy'));
    await settle();
    expect(s.reads).toEqual(['/api/v1/site', '/api/v1/site']);
  });

  it("keeps the page's lists when a write answers with the proposal, and reads the page again otherwise", async () => {
    server();
    const included = { supporters: { items: [], next_cursor: null }, supporters_private: false };
    const page = proposalPageKey('EMD-1');
    cache.set(page, { id: 'uuid-1', reference: 'EMD-1', title: 'old', included });
    await proposalChanged({ id: 'uuid-1', reference: 'EMD-1' }, { fresh: { id: 'uuid-1', reference: 'EMD-1', title: 'new' } as unknown as Proposal });
    const held = cache.peek<{ title: string; included: unknown }>(page);
    expect(held.data?.title).toBe('new');
    // The same lists, not copies: a list paged further is not reset.
    expect(held.data?.included).toBe(included);
    expect(held.due).toBe(false);
    await proposalChanged({ id: 'uuid-1', reference: 'EMD-1' }, { parts: ['answers'] });
    expect(cache.peek(page).due).toBe(true);
  });
});
