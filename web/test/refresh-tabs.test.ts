// Several tabs share one stored refresh token, and the server revokes the
// whole token family when a refresh token is used twice. Refreshes are
// serialised across tabs under a lock, the stored token is re-read inside
// it, and a tab clears the shared token only when the token refused is
// still the stored one.
import { describe, expect, it } from 'vitest';
import { Api, memoryTokenStorage, type Locks } from '../src/api/client';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

const user = { id: 'u1', nickname: 'giulia', display_name: 'Giulia', verified: false, created_at: '2026-01-01T00:00:00Z', email: 'g@e.it', roles: [], blocked: false };

/** A server that rotates refresh tokens and revokes the family on reuse, answering after a tick. */
function rotatingServer(first = 'R1') {
  let live = new Set([first]);
  const used = new Set<string>();
  let n = 1;
  let revoked = false;
  const fetchImpl = (async (url: string, init: RequestInit) => {
    await new Promise((r) => setTimeout(r, 5));
    if (url !== '/api/v1/auth/refresh') throw new Error(`unexpected call ${url}`);
    const token = (JSON.parse(String(init.body)) as { refresh_token: string }).refresh_token;
    if (used.has(token)) {
      revoked = true;
      live = new Set();
      return json(401, { code: 'token_reused' });
    }
    if (!live.has(token)) return json(401, { code: 'token_invalid' });
    used.add(token);
    live.delete(token);
    n += 1;
    const next = `R${n}`;
    live.add(next);
    return json(200, { access_token: `A${n}`, token_type: 'Bearer', expires_in: 900, refresh_token: next, user });
  }) as unknown as typeof fetch;
  return { fetchImpl, revoked: () => revoked, live: () => live };
}

/** A lock shared by the "tabs" of one test, like navigator.locks. */
function sharedLock(): Locks {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
      const run = tail.then(callback, callback);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

describe('refresh across tabs', () => {
  it('two tabs restoring at once both stay signed in, and the family is not revoked', async () => {
    const server = rotatingServer();
    const storage = memoryTokenStorage('R1');
    const locks = sharedLock();
    const one = new Api({ fetch: server.fetchImpl, storage, locks });
    const two = new Api({ fetch: server.fetchImpl, storage, locks });
    const [a, b] = await Promise.all([one.restore(), two.restore()]);
    expect(a?.id).toBe('u1');
    expect(b?.id).toBe('u1');
    expect(server.revoked()).toBe(false);
    expect(storage.get()).toBe('R3');
    expect([...server.live()]).toEqual(['R3']);
  });

  it('without a shared lock the same race would revoke the family (what the lock prevents)', async () => {
    const server = rotatingServer();
    const storage = memoryTokenStorage('R1');
    const one = new Api({ fetch: server.fetchImpl, storage, locks: null });
    const two = new Api({ fetch: server.fetchImpl, storage, locks: null });
    await Promise.all([one.restore(), two.restore()]);
    expect(server.revoked()).toBe(true);
  });

  it('a refused token that is no longer the stored one does not clear storage; the newer one is tried', async () => {
    const storage = memoryTokenStorage('OLD');
    const calls: string[] = [];
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      const token = (JSON.parse(String(init.body)) as { refresh_token: string }).refresh_token;
      calls.push(token);
      if (token === 'OLD') {
        // Another tab rotates the token while this request is on its way.
        storage.set('NEW');
        return json(401, { code: 'token_reused' });
      }
      return json(200, { access_token: 'A9', token_type: 'Bearer', expires_in: 900, refresh_token: 'NEWER', user });
    }) as unknown as typeof fetch;
    const api = new Api({ fetch: fetchImpl, storage, locks: null });
    expect(await api.refresh()).toBe(true);
    expect(calls).toEqual(['OLD', 'NEW']);
    expect(storage.get()).toBe('NEWER');
    expect(api.me?.id).toBe('u1');
  });

  it('a refused token still stored ends the session and clears it', async () => {
    const storage = memoryTokenStorage('R1');
    const fetchImpl = (async () => json(401, { code: 'token_invalid' })) as unknown as typeof fetch;
    const api = new Api({ fetch: fetchImpl, storage, locks: sharedLock() });
    expect(await api.refresh()).toBe(false);
    expect(storage.get()).toBeNull();
  });

  it('a refusal of a token other tabs keep rotating ends only this tab\'s session', async () => {
    const storage = memoryTokenStorage('R1');
    const rotations = ['R2', 'R3'];
    const fetchImpl = (async () => {
      storage.set(rotations.shift() ?? 'R9');
      return json(401, { code: 'token_invalid' });
    }) as unknown as typeof fetch;
    const api = new Api({ fetch: fetchImpl, storage, locks: null });
    const seen: unknown[] = [];
    api.onSession((me) => seen.push(me));
    expect(await api.refresh()).toBe(false);
    expect(storage.get()).toBe('R3');
    expect(seen).toEqual([null]);
  });
});
