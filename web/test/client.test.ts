import { describe, expect, it } from 'vitest';
import { Api, ApiError, memoryTokenStorage, withQuery } from '../src/api/client';

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

function session(access: string, refresh: string) {
  return {
    access_token: access,
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: refresh,
    user: { id: 'u1', nickname: 'giulia', display_name: 'Giulia', verified: false, created_at: '2026-01-01T00:00:00Z', email: 'g@e.it', roles: [], blocked: false },
  };
}

/** A fake server: answers each call with the next scripted answer. */
function fake(answers: ((call: Call) => Response)[]) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    const next = answers.shift();
    if (!next) throw new Error(`unexpected call ${url}`);
    return next(call);
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

const auth = (c: Call) => (c.init.headers as Record<string, string>).Authorization;

describe('api client', () => {
  it('turns problem+json into an ApiError with code and fields', async () => {
    const { fetchImpl } = fake([
      () =>
        json(422, {
          type: 'urn:emenda:problem:validation_failed',
          status: 422,
          detail: 'the request has invalid fields',
          code: 'validation_failed',
          errors: [{ field: 'title', code: 'too_short', message: 'must be at least 10 characters' }],
        }),
    ]);
    const api = new Api({ fetch: fetchImpl, storage: memoryTokenStorage() });
    const error = await api.post('/api/v1/spaces/{slug}/proposals', { path: { slug: 'x' }, body: { title: 'a', body: 'b' } }).catch((e: ApiError) => e) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.fieldCode('title')).toBe('too_short');
    expect(error.fields).toHaveLength(1);
  });

  it('names a network failure and a non-JSON server error', async () => {
    const { fetchImpl } = fake([
      () => {
        throw new TypeError('fetch failed');
      },
      () => new Response('<html>bad gateway</html>', { status: 502 }),
    ]);
    const api = new Api({ fetch: fetchImpl, storage: memoryTokenStorage() });
    expect(((await api.get("/api/v1/spaces").catch((e: ApiError) => e)) as ApiError).code).toBe('network_error');
    expect(((await api.get("/api/v1/spaces").catch((e: ApiError) => e)) as ApiError).code).toBe('internal_error');
  });

  it('reads the account again and tells the screens, keeping the session', async () => {
    const storage = memoryTokenStorage();
    const due = '2026-12-15T10:00:00Z';
    const { calls, fetchImpl } = fake([
      () => json(200, { ...session('A1', 'R1'), user: { ...session('A1', 'R1').user, deletion_due_at: due } }),
      () => json(200, { ...session('A1', 'R1').user, deletion_due_at: null }),
    ]);
    const api = new Api({ fetch: fetchImpl, storage });
    expect((await api.login('g@e.it', 'password-123')).deletion_due_at).toBe(due);
    const heard: (string | null | undefined)[] = [];
    api.onSession((me) => heard.push(me?.deletion_due_at));
    await api.reloadMe();
    expect(calls[1].url).toBe('/api/v1/me');
    expect(auth(calls[1])).toBe('Bearer A1');
    expect(api.me?.deletion_due_at).toBeNull();
    expect(heard).toEqual([null]);
    expect([api.restoring, storage.get()]).toEqual([false, 'R1']);
  });

  it('keeps the access token in memory and sends it', async () => {
    const storage = memoryTokenStorage();
    const { calls, fetchImpl } = fake([() => json(200, session('A1', 'R1')), () => json(200, { items: [] })]);
    const api = new Api({ fetch: fetchImpl, storage });
    const me = await api.login('g@e.it', 'password-123');
    expect(me.nickname).toBe('giulia');
    expect(storage.get()).toBe('R1');
    await api.get('/api/v1/proposals', { query: { limit: 5, cursor: undefined } });
    expect(calls[1].url).toBe('/api/v1/proposals?limit=5');
    expect(auth(calls[1])).toBe('Bearer A1');
  });

  it('refreshes once on 401 and retries the request with the new token', async () => {
    const storage = memoryTokenStorage();
    const { calls, fetchImpl } = fake([
      () => json(200, session('A1', 'R1')),
      () => json(401, { code: 'token_expired', status: 401 }),
      (c) => {
        expect(JSON.parse(String(c.init.body))).toEqual({ refresh_token: 'R1' });
        return json(200, session('A2', 'R2'));
      },
      () => json(200, { ok: true }),
    ]);
    const api = new Api({ fetch: fetchImpl, storage });
    await api.login('g@e.it', 'password-123');
    expect(await api.get('/api/v1/me')).toEqual({ ok: true });
    expect(calls[2].url).toBe('/api/v1/auth/refresh');
    expect(auth(calls[3])).toBe('Bearer A2');
    expect(storage.get()).toBe('R2');
  });

  it('shares one refresh between concurrent 401s', async () => {
    const storage = memoryTokenStorage('R1');
    let refreshes = 0;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      if (url === '/api/v1/auth/refresh') {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, session('A2', 'R2'));
      }
      const token = (init.headers as Record<string, string>).Authorization;
      return token === 'Bearer A2' ? json(200, { url }) : json(401, { code: 'unauthenticated' });
    }) as unknown as typeof fetch;
    const api = new Api({ fetch: fetchImpl, storage });
    const [a, b] = await Promise.all([api.get('/api/v1/proposals/{id}', { path: { id: 'a' } }), api.get('/api/v1/proposals/{id}', { path: { id: 'b' } })]);
    expect(a).toEqual({ url: '/api/v1/proposals/a' });
    expect(b).toEqual({ url: '/api/v1/proposals/b' });
    expect(refreshes).toBe(1);
  });

  it('ends the session when the refresh token is refused, and gives up after one retry', async () => {
    const storage = memoryTokenStorage('R1');
    const { calls, fetchImpl } = fake([() => json(401, { code: 'token_expired' }), () => json(401, { code: 'token_reused' })]);
    const api = new Api({ fetch: fetchImpl, storage });
    const seen: unknown[] = [];
    api.onSession((me) => seen.push(me));
    const error = await api.get('/api/v1/me').catch((e: ApiError) => e) as ApiError;
    expect(error.code).toBe('token_expired');
    expect(calls).toHaveLength(2);
    expect(storage.get()).toBeNull();
    expect(seen).toEqual([null]);
  });

  it('answers 204 with null and returns the ETag', async () => {
    const { fetchImpl } = fake([() => new Response(null, { status: 204 }), () => json(200, { id: 'p' }, { ETag: '"v3-abc"' })]);
    const api = new Api({ fetch: fetchImpl, storage: memoryTokenStorage() });
    expect(await api.delete('/api/v1/proposals/{id}/support', { path: { id: 'p' } })).toBeNull();
    const r = await api.request('get', '/api/v1/proposals/{id}', { path: { id: 'p' } });
    expect(r.etag).toBe('"v3-abc"');
  });

  it('logs out on the server and forgets the tokens', async () => {
    const storage = memoryTokenStorage();
    const { calls, fetchImpl } = fake([() => json(200, session('A1', 'R1')), () => new Response(null, { status: 204 })]);
    const api = new Api({ fetch: fetchImpl, storage });
    await api.login('g@e.it', 'password-123');
    await api.logout();
    expect(calls[1].url).toBe('/api/v1/auth/logout');
    expect(JSON.parse(String(calls[1].init.body))).toEqual({ refresh_token: 'R1' });
    // The server only ends a session for its owner: the access token goes too.
    expect((calls[1].init.headers as Record<string, string>).Authorization).toBe('Bearer A1');
    expect(storage.get()).toBeNull();
    expect(api.me).toBeNull();
  });

  it('fills path parameters (encoded) and sends the typed body and headers', async () => {
    const { calls, fetchImpl } = fake([() => json(201, { id: 'p', reference: 'EMD-1' })]);
    const api = new Api({ fetch: fetchImpl, storage: memoryTokenStorage() });
    await api.post('/api/v1/proposals/{id}/versions', {
      path: { id: 'EMD PROP/1' },
      body: { title: 'Titolo', body: 'Testo', base_version: 2 },
      header: { 'If-Match': '"v2-abc"' },
    });
    expect(calls[0].url).toBe('/api/v1/proposals/EMD%20PROP%2F1/versions');
    expect(calls[0].init.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ title: 'Titolo', body: 'Testo', base_version: 2 });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers['If-Match']).toBe('"v2-abc"');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('reads a file with the session as a Blob, and its refusal as an ApiError', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4]);
    const { calls, fetchImpl } = fake([
      () => json(200, session('A1', 'R1')),
      () => new Response(zip, { status: 200, headers: { 'Content-Type': 'application/zip' } }),
      () => json(404, { code: 'not_found', status: 404 }),
    ]);
    const api = new Api({ fetch: fetchImpl, storage: memoryTokenStorage() });
    await api.login('g@e.it', 'password-123');
    const blob = await api.blob('/api/v1/me/exports/{id}/archive', { path: { id: 'e 1' } });
    expect(calls[1].url).toBe('/api/v1/me/exports/e%201/archive');
    expect(calls[1].init.method).toBe('GET');
    expect(auth(calls[1])).toBe('Bearer A1');
    expect(blob.type).toBe('application/zip');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(zip);
    const error = (await api.blob('/api/v1/me/exports/{id}/archive', { path: { id: 'gone' } }).catch((e: ApiError) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('not_found');
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/x', { a: 1, b: '', c: undefined, d: null, e: false })).toBe('/x?a=1&e=false');
    expect(withQuery('/x')).toBe('/x');
  });
});
