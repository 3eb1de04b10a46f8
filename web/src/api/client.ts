// A thin typed client over the Emenda API: fetch, problem+json errors turned
// into `ApiError` (branch on `code`, never on `detail`), the access token kept
// in memory only, the refresh token rotated through /auth/refresh, and a
// request that meets a 401 retried once after a refresh. While a kept session
// is being restored, reads go out at once (answered as to anyone) and writes
// wait for it. Every call names an operation of the generated `paths`
// (`api.get('/api/v1/proposals/{id}', { path: { id } })`): its parameters,
// body and answer are typed from it (paths.ts), so none is asserted here.
import { fillPath, type DataOf, type InitArgs, type Init, type Method, type Op, type PathOf } from './paths';
import type { Body, Data } from './paths';

export type Me = Data<'get', '/api/v1/me'>;
export type Session = Data<'post', '/api/v1/auth/login'>;

/** One invalid field of a `validation_failed` problem. */
export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

/** An error answer of the API (or the network), by its problem `code`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** The whole problem document, for codes that carry more (conflicts, current_version). */
  readonly problem: Record<string, unknown>;

  constructor(status: number, code: string, fields: FieldError[] = [], problem: Record<string, unknown> = {}) {
    super(code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.problem = problem;
  }

  /** The code of the first error on `field`, if any. */
  fieldCode(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.code;
  }
}

/** Where the refresh token survives a reload (the access token never does). */
export interface TokenStorage {
  get(): string | null;
  set(token: string | null): void;
}

/** Keeps the refresh token in localStorage under one key. */
export function localTokenStorage(key = 'emenda.refresh'): TokenStorage {
  return {
    get: () => {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (token) => {
      try {
        if (token) localStorage.setItem(key, token);
        else localStorage.removeItem(key);
      } catch {
        /* storage unavailable: the session lasts as long as the page */
      }
    },
  };
}

/** Keeps the refresh token in memory (tests, private windows). */
export function memoryTokenStorage(initial: string | null = null): TokenStorage {
  let token = initial;
  return { get: () => token, set: (t) => (token = t) };
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** A request as sent: its address with the query string, the JSON to send (any operation's body), its headers. */
interface Wire {
  url: string;
  json?: string;
  headers?: Record<string, string | null | undefined>;
  anonymous?: boolean;
  signal?: AbortSignal;
  /** The answer is a file: its body as a Blob. */
  blob?: boolean;
}

/** A successful answer: its body (null for 204), status and ETag. */
export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
}

/**
 * A lock shared by every tab of the site (the Web Locks API's shape): the
 * server revokes the whole token family when a refresh token is used twice,
 * so two tabs must never exchange the same one.
 */
export interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The browser's `navigator.locks`, when there is one. */
function browserLocks(): Locks | null {
  const locks = (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

export interface ClientOptions {
  fetch?: typeof fetch;
  base?: string;
  storage?: TokenStorage;
  /** Serialises refreshes across tabs; `navigator.locks` by default, null for none. */
  locks?: Locks | null;
}

type Listener = (me: Me | null) => void;

/** Reads never change anything: they need not wait for a session being restored. */
const READS = new Set(['GET', 'HEAD']);

/** Builds `path?query`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Turns a failed response into an ApiError, whatever its body. */
export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Record<string, unknown> = {};
  try {
    problem = (await response.json()) as Record<string, unknown>;
  } catch {
    /* not JSON: the status decides */
  }
  const code = typeof problem.code === 'string' ? problem.code : response.status >= 500 ? 'internal_error' : 'unknown';
  const fields = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
  return new ApiError(response.status, code, fields, problem);
}

export class Api {
  private readonly fetchImpl: typeof fetch;
  private readonly base: string;
  private readonly storage: TokenStorage;
  private readonly locks: Locks | null;
  private access: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private listeners = new Set<Listener>();
  private writeListeners = new Set<() => void>();
  /** The signed-in user, or null. */
  me: Me | null = null;
  /** Whether a session kept from a previous visit is being restored (`restore()` runs). */
  restoring = false;

  constructor(options: ClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.base = options.base ?? '';
    this.storage = options.storage ?? localTokenStorage();
    this.locks = options.locks === undefined ? browserLocks() : options.locks;
  }

  /** Called with the user whenever signing in or out, or the end of a restore, changes it. */
  onSession(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after every write the server accepted (so what was read before can be marked stale). */
  onWrite(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  private setSession(session: Session | null) {
    this.access = session?.access_token ?? null;
    this.storage.set(session?.refresh_token ?? null);
    this.me = session?.user ?? null;
    this.emit();
  }

  private emit() {
    for (const l of this.listeners) l(this.me);
  }

  /** Whether a refresh token is kept (a session may be restored). */
  hasStoredSession(): boolean {
    return this.storage.get() !== null;
  }

  private async raw(method: string, wire: Wire, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const [k, v] of Object.entries(wire.headers ?? {})) if (v !== null && v !== undefined) headers[k] = v;
    if (wire.json !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await this.fetchImpl(this.base + wire.url, {
        method,
        headers,
        body: wire.json,
        signal: wire.signal,
      });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new ApiError(0, 'network_error');
    }
  }

  /** Runs `work` holding the cross-tab refresh lock, when there is one. */
  private underRefreshLock<T>(work: () => Promise<T>): Promise<T> {
    return this.locks ? this.locks.request('emenda.refresh', work) : work();
  }

  /**
   * Exchanges the refresh token for a new pair: one exchange at a time in
   * this tab, and one at a time across tabs under a shared lock.
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      const run = () => this.exchange();
      this.refreshing = this.underRefreshLock(run).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  /**
   * The exchange itself, run under the lock. The stored token is read here,
   * inside the lock: if another tab rotated it meanwhile, the new one is
   * used. A refusal ends the session only when the refused token is still
   * the stored one; otherwise another tab has signed in or rotated it, and
   * the newer token gets one try.
   */
  private async exchange(): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = this.storage.get();
      if (!token) {
        if (this.me || this.access) this.endLocalSession();
        return false;
      }
      const body: Body<'post', '/api/v1/auth/refresh'> = { refresh_token: token };
      const response = await this.raw('POST', { url: '/api/v1/auth/refresh', json: JSON.stringify(body) }, null);
      if (response.ok) {
        const fresh: Data<'post', '/api/v1/auth/refresh'> = await response.json();
        this.setSession(fresh);
        return true;
      }
      const error = await toApiError(response);
      // Only a refusal of the token ends the session; a network or server
      // failure keeps it for the next try.
      if (response.status !== 401 && response.status !== 403) throw error;
      if (this.storage.get() === token) {
        this.setSession(null);
        return false;
      }
    }
    this.endLocalSession();
    return false;
  }

  /** Forgets this tab's session without touching the token other tabs share. */
  private endLocalSession() {
    this.access = null;
    this.me = null;
    this.emit();
  }

  /**
   * Sends a request; on 401 with a session, refreshes once and retries.
   *
   * While a refresh runs, a write, or a read that would carry the (expiring)
   * access token, waits for it. A read without a token (the first screen of
   * a returning user, while the kept session is restored) goes out at once
   * and is answered as to anyone; the screens read again when the session
   * arrives. A 401 to a request sent before the session changed is retried
   * with the new token, without another refresh; so is a 403 or 404 to a
   * read sent without a token during the refresh (a hidden proposal staff
   * open in a new tab is "not found" to anyone, not to them).
   */
  private async send(method: string, wire: Wire): Promise<ApiResponse<unknown>> {
    if (!wire.anonymous && this.refreshing && (!READS.has(method) || this.access)) await this.refreshing.catch(() => false);
    const token = wire.anonymous ? null : this.access;
    const restoring = !wire.anonymous && !token ? this.refreshing : null;
    let response = await this.raw(method, wire, token);
    if (restoring && (response.status === 403 || response.status === 404)) {
      await restoring.catch(() => false);
      if (this.access) response = await this.raw(method, wire, this.access);
    }
    if (response.status === 401 && !wire.anonymous && this.storage.get() && !wire.url.startsWith('/api/v1/auth/')) {
      if (this.refreshing) await this.refreshing.catch(() => false);
      if (this.access && this.access !== token) response = await this.raw(method, wire, this.access);
      else if (await this.refresh()) response = await this.raw(method, wire, this.access);
    }
    if (!response.ok && response.status !== 304) throw await toApiError(response);
    if (wire.blob) return { data: await response.blob(), status: response.status, etag: null };
    const text = response.status === 204 || response.status === 304 ? '' : await response.text();
    return {
      data: text ? JSON.parse(text) : null,
      status: response.status,
      etag: response.headers.get('ETag'),
    };
  }

  /**
   * Calls the operation at `method` `path` with its parameters and body;
   * answers its body (typed by the operation), status and ETag. The typed
   * shorthands below answer the body only.
   */
  async request<M extends Method, P extends PathOf<M>>(method: M, path: P, ...[init]: InitArgs<Op<M, P>>): Promise<ApiResponse<DataOf<Op<M, P>>>> {
    const i = (init ?? {}) as Init<Op<M, P>> & { path?: Record<string, string | number>; query?: Query; header?: Record<string, string | null | undefined> };
    const answer = await this.send(method.toUpperCase(), {
      url: withQuery(fillPath(path, i.path), i.query),
      json: i.body === undefined ? undefined : JSON.stringify(i.body),
      headers: i.header,
      anonymous: i.anonymous,
      signal: i.signal,
    });
    if (method !== 'get') for (const l of [...this.writeListeners]) l();
    // The server answers what its OpenAPI document says (`npm run check:api`
    // keeps the two in step): the body is the operation's.
    return answer as ApiResponse<DataOf<Op<M, P>>>;
  }

  /**
   * A file the API answers (a data archive), read with the session like any
   * other read: a link could not carry the token.
   */
  async blob<P extends PathOf<'get'>>(path: P, ...[init]: InitArgs<Op<'get', P>>): Promise<Blob> {
    return (await this.send('GET', { url: fillPath(path, (init as { path?: Record<string, string> } | undefined)?.path), blob: true })).data as Blob;
  }

  async get<P extends PathOf<'get'>>(path: P, ...init: InitArgs<Op<'get', P>>): Promise<DataOf<Op<'get', P>>> {
    return (await this.request('get', path, ...init)).data;
  }

  async post<P extends PathOf<'post'>>(path: P, ...init: InitArgs<Op<'post', P>>): Promise<DataOf<Op<'post', P>>> {
    return (await this.request('post', path, ...init)).data;
  }

  async put<P extends PathOf<'put'>>(path: P, ...init: InitArgs<Op<'put', P>>): Promise<DataOf<Op<'put', P>>> {
    return (await this.request('put', path, ...init)).data;
  }

  async patch<P extends PathOf<'patch'>>(path: P, ...init: InitArgs<Op<'patch', P>>): Promise<DataOf<Op<'patch', P>>> {
    return (await this.request('patch', path, ...init)).data;
  }

  async delete<P extends PathOf<'delete'>>(path: P, ...init: InitArgs<Op<'delete', P>>): Promise<DataOf<Op<'delete', P>>> {
    return (await this.request('delete', path, ...init)).data;
  }

  /** Signs in; the session is kept. */
  async login(email: string, password: string): Promise<Me> {
    const session = await this.post('/api/v1/auth/login', { body: { email, password }, anonymous: true });
    this.setSession(session);
    return session.user;
  }

  /** Creates an account and signs in with it. */
  async register(body: Body<'post', '/api/v1/auth/register'>): Promise<Me> {
    await this.post('/api/v1/auth/register', { body, anonymous: true });
    return this.login(body.email, body.password);
  }

  /**
   * Ends the session on the server (best effort) and here. The server wants
   * the access token with the refresh token, so both are taken before the
   * session is cleared; it runs under the refresh lock, so another tab's
   * refresh cannot store a new token of this sign-in meanwhile.
   */
  async logout(): Promise<void> {
    const run = async () => {
      const token = this.storage.get();
      const access = this.access;
      this.setSession(null);
      if (token && access) {
        const body: Body<'post', '/api/v1/auth/logout'> = { refresh_token: token };
        await this.raw('POST', { url: '/api/v1/auth/logout', json: JSON.stringify(body) }, access).catch(() => undefined);
      }
    };
    await this.underRefreshLock(run);
  }

  /**
   * Reads the signed-in account again and tells the screens: a change the
   * session's copy cannot know of (a deletion cancelled), without the
   * "restoring" a new session would show.
   */
  async reloadMe(): Promise<void> {
    this.me = await this.get('/api/v1/me');
    this.emit();
  }

  /**
   * Restores the session kept from a previous visit, if any. `restoring` is
   * true meanwhile, so screens that need a session wait instead of asking
   * to sign in; public screens need not wait.
   */
  async restore(): Promise<Me | null> {
    if (!this.hasStoredSession()) return null;
    this.restoring = true;
    this.emit();
    try {
      await this.refresh();
    } catch {
      /* the server is unreachable: stay anonymous for now */
    } finally {
      this.restoring = false;
      this.emit();
    }
    return this.me;
  }
}

/** The app's one client. */
export const api = new Api();
