// A returning reader's first screen: while the kept session is restored,
// reads go out at once (answered as to anyone), writes wait for the
// session, and a read the server refuses without it is retried after it.
import { describe, expect, it } from 'vitest';
import { Api, memoryTokenStorage } from '../src/api/client';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

const user = { id: 'u1', nickname: 'giulia', display_name: 'Giulia', verified: false, created_at: '2026-01-01T00:00:00Z', email: 'g@e.it', roles: [], blocked: false };

/** A server whose refresh answer is held until the test releases it. */
function heldRefresh() {
  const sent: { method: string; url: string; auth?: string; at: 'before' | 'after' }[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let done = false;
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).Authorization;
    sent.push({ method: init.method ?? 'GET', url, auth, at: done ? 'after' : 'before' });
    if (url === '/api/v1/auth/refresh') {
      await released;
      done = true;
      return json(200, { access_token: 'A2', token_type: 'Bearer', expires_in: 900, refresh_token: 'R2', user });
    }
    if (url === '/api/v1/me') return auth === 'Bearer A2' ? json(200, user) : json(401, { code: 'unauthenticated' });
    return json(200, { url, auth: auth ?? null });
  }) as unknown as typeof fetch;
  return { sent, release, fetchImpl };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

/** What the fake server echoes instead of the operation's answer. */
const echoed = (answer: unknown) => answer as { url: string; auth: string | null; hidden?: boolean };
const proposal = (id: string) => ({ path: { id } });

describe('restoring a kept session', () => {
  it('sends reads at once without a token while the refresh is held, and says it is restoring', async () => {
    const server = heldRefresh();
    const api = new Api({ fetch: server.fetchImpl, storage: memoryTokenStorage('R1'), locks: null });
    const seen: boolean[] = [];
    api.onSession(() => seen.push(api.restoring));
    const restored = api.restore();
    expect(api.restoring).toBe(true);
    // The proposal is answered while the refresh is still held.
    const read = echoed(await api.get('/api/v1/proposals/{id}', proposal('EMD-1')));
    expect(read.auth).toBeNull();
    expect(api.restoring).toBe(true);
    server.release();
    expect((await restored)?.id).toBe('u1');
    expect(api.restoring).toBe(false);
    expect(seen[0]).toBe(true);
    expect(seen[seen.length - 1]).toBe(false);
    // Once restored, reads carry the token.
    expect(echoed(await api.get('/api/v1/proposals/{id}', proposal('EMD-1'))).auth).toBe('Bearer A2');
  });

  it('makes writes wait for the restore and sends them with the new token', async () => {
    const server = heldRefresh();
    const api = new Api({ fetch: server.fetchImpl, storage: memoryTokenStorage('R1'), locks: null });
    void api.restore();
    const write = api.put('/api/v1/proposals/{id}/support', proposal('p')).then(echoed);
    await tick();
    expect(server.sent.map((s) => s.url)).toEqual(['/api/v1/auth/refresh']);
    server.release();
    expect((await write).auth).toBe('Bearer A2');
    expect(server.sent.find((s) => s.method === 'PUT')?.at).toBe('after');
  });

  it('asks again with the session for what was not found without it during the restore', async () => {
    const server = heldRefresh();
    const hidden = (async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization;
      if (url === '/api/v1/proposals/HIDDEN') return auth === 'Bearer A2' ? json(200, { hidden: true }) : json(404, { code: 'not_found' });
      return server.fetchImpl(url, init);
    }) as unknown as typeof fetch;
    const api = new Api({ fetch: hidden, storage: memoryTokenStorage('R1'), locks: null });
    void api.restore();
    const read = api.get('/api/v1/proposals/{id}', proposal('HIDDEN')).then(echoed);
    await tick();
    server.release();
    expect((await read).hidden).toBe(true);
    // Without a kept session a 404 stays a 404.
    const anonymous = new Api({ fetch: hidden, storage: memoryTokenStorage(null), locks: null });
    await expect(anonymous.get('/api/v1/proposals/{id}', proposal('HIDDEN'))).rejects.toMatchObject({ status: 404 });
  });

  it('retries a read refused during the restore once the session is there, without a second refresh', async () => {
    const server = heldRefresh();
    const api = new Api({ fetch: server.fetchImpl, storage: memoryTokenStorage('R1'), locks: null });
    void api.restore();
    const me = api.get('/api/v1/me');
    await tick();
    // The read went out (and was refused) while the refresh was held.
    expect(server.sent.map((s) => [s.url, s.at])).toEqual([
      ['/api/v1/auth/refresh', 'before'],
      ['/api/v1/me', 'before'],
    ]);
    server.release();
    expect((await me).id).toBe('u1');
    expect(server.sent.filter((s) => s.url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(server.sent[server.sent.length - 1]).toMatchObject({ url: '/api/v1/me', auth: 'Bearer A2', at: 'after' });
  });

  it('retries without refreshing again when the session arrived before the refusal did', async () => {
    let answerMe!: (r: Response) => void;
    let refreshes = 0;
    const calls: (string | undefined)[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization;
      if (url === '/api/v1/auth/refresh') {
        refreshes++;
        return json(200, { access_token: 'A2', token_type: 'Bearer', expires_in: 900, refresh_token: 'R2', user });
      }
      calls.push(auth);
      // The first, tokenless read is answered only after the refresh is done.
      if (!auth) return new Promise<Response>((r) => (answerMe = r));
      return json(200, user);
    }) as unknown as typeof fetch;
    const api = new Api({ fetch: fetchImpl, storage: memoryTokenStorage('R1'), locks: null });
    const restored = api.restore();
    const me = api.get('/api/v1/me');
    await restored;
    await tick();
    answerMe(json(401, { code: 'unauthenticated' }));
    expect((await me).id).toBe('u1');
    expect(refreshes).toBe(1);
    expect(calls).toEqual([undefined, 'Bearer A2']);
  });

  it('has a read that carries an expiring token wait for the refresh under way', async () => {
    const calls: string[] = [];
    let expired = true;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization ?? '';
      calls.push(`${url} ${auth}`);
      if (url === '/api/v1/auth/login') return json(200, { access_token: 'A1', token_type: 'Bearer', expires_in: 900, refresh_token: 'R1', user });
      if (url === '/api/v1/auth/refresh') {
        await tick();
        expired = false;
        return json(200, { access_token: 'A2', token_type: 'Bearer', expires_in: 900, refresh_token: 'R2', user });
      }
      return expired || auth !== 'Bearer A2' ? json(401, { code: 'token_expired' }) : json(200, { ok: true });
    }) as unknown as typeof fetch;
    const api = new Api({ fetch: fetchImpl, storage: memoryTokenStorage(), locks: null });
    await api.login('g@e.it', 'password-123');
    const first = api.get('/api/v1/proposals/{id}', proposal('a'));
    await tick();
    // A refresh is under way (the first read met a 401): the second waits for it.
    const second = api.get('/api/v1/proposals/{id}', proposal('b'));
    await Promise.all([first, second]);
    expect(calls.filter((c) => c.startsWith('/api/v1/proposals/b'))).toEqual(['/api/v1/proposals/b Bearer A2']);
  });

  it('does not say it is restoring when there is no kept session', async () => {
    const api = new Api({ fetch: (async () => json(200, {})) as unknown as typeof fetch, storage: memoryTokenStorage(), locks: null });
    expect(await api.restore()).toBeNull();
    expect(api.restoring).toBe(false);
  });
});
