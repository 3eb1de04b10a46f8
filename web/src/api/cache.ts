// A small keyed cache of API reads, so that what several screens show (a
// proposal: its page, its history, the diff, the editors, the staff answer
// form) is read once, and read again after a change. The model is SWR's and
// TanStack Query's, cut to what the app needs:
// - a key is an array (['proposals', 'EMD-PROP-2026-1', 'comments', {…}]);
//   invalidation matches by prefix, element by element, or exactly;
// - reads of the same key while one is in flight share it (dedupe);
// - data younger than `fresh` is used as it is; older, or invalidated, it is
//   shown while it is read again;
// - invalidating marks entries stale: those on screen (with a subscriber)
//   are read again at once, the others when next shown;
// - a list read page by page elsewhere can `watch` a key to be told when an
//   invalidation covers it.
// No knowledge of the API here: the app's keys are in queries.ts.

export type KeyPart = string | number | boolean | null | undefined | Record<string, string | number | boolean | null | undefined>;
export type Key = readonly KeyPart[];
export type Match = Key | ((key: Key) => boolean);

interface Entry {
  key: Key;
  data?: unknown;
  error?: unknown;
  /** When the data arrived (the cache's clock). */
  at: number;
  /** Invalidated since it arrived: read again when next wanted. */
  stale: boolean;
  /** The read in flight, if any, and its generation: an answer of an older one is dropped. */
  run?: Promise<unknown>;
  gen: number;
  /** Invalidated while a read was in flight: its answer is kept, but as stale. */
  dirty: boolean;
  /** How the entry was last read, to read it again when invalidated. */
  fetcher?: () => Promise<unknown>;
  listeners: Set<() => void>;
}

export interface CacheOptions {
  /** How long (ms) data is used without reading it again. */
  fresh?: number;
  /** At most this many entries nobody shows are kept. */
  max?: number;
  /** Keys whose data is used however old it is, until invalidated (what changes only by a write made here). */
  lasting?: (key: Key) => boolean;
  now?: () => number;
}

export interface Snapshot<T> {
  data: T | undefined;
  error: unknown;
  /** A read is in flight, or nothing is held yet. */
  loading: boolean;
  /** The next `read` will ask the server (nothing held, stale, failed or too old). */
  due: boolean;
}

/** One string per key: objects with their keys sorted, so `{a, b}` and `{b, a}` are one key. */
export function hashKey(key: Key): string {
  return JSON.stringify(key, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : value,
  );
}

/** Whether `key` starts with `prefix` (or equals it, when `exact`). */
export function matches(prefix: Key, key: Key, exact = false): boolean {
  if (exact ? key.length !== prefix.length : key.length < prefix.length) return false;
  return prefix.every((part, i) => hashKey([part]) === hashKey([key[i]]));
}

export class Cache {
  private readonly entries = new Map<string, Entry>();
  private readonly watchers = new Set<{ key: Key; listener: () => void }>();
  private readonly fresh: number;
  private readonly max: number;
  private readonly now: () => number;
  private readonly lasting: (key: Key) => boolean;

  constructor(options: CacheOptions = {}) {
    this.fresh = options.fresh ?? 30_000;
    this.max = options.max ?? 200;
    this.now = options.now ?? (() => Date.now());
    this.lasting = options.lasting ?? (() => false);
  }

  private entry(key: Key): Entry {
    const hash = hashKey(key);
    let e = this.entries.get(hash);
    if (!e) {
      e = { key, at: this.now(), stale: true, gen: 0, dirty: false, listeners: new Set() };
      this.entries.set(hash, e);
      this.prune();
    }
    return e;
  }

  private due(e: Entry | undefined): boolean {
    return !e || e.stale || e.error !== undefined || e.data === undefined || (!this.lasting(e.key) && this.now() - e.at >= this.fresh);
  }

  /** What the cache holds for `key`, for a screen to draw. */
  peek<T>(key: Key): Snapshot<T> {
    const e = this.entries.get(hashKey(key));
    return { data: e?.data as T | undefined, error: e?.error, loading: !!e?.run || (e?.data === undefined && e?.error === undefined), due: this.due(e) };
  }

  /**
   * The data for `key`: as held when fresh, else from `fetcher` (one read
   * in flight per key, shared by every caller).
   */
  read<T>(key: Key, fetcher: () => Promise<T>, { force = false } = {}): Promise<T> {
    const e = this.entry(key);
    e.fetcher = fetcher;
    if (e.run) return e.run as Promise<T>;
    if (!force && !this.due(e)) return Promise.resolve(e.data as T);
    return this.start(e) as Promise<T>;
  }

  private start(e: Entry): Promise<unknown> {
    const gen = ++e.gen;
    const fetcher = e.fetcher!;
    e.error = undefined;
    e.dirty = false;
    const run = fetcher().then(
      (data) => {
        if (e.gen === gen) {
          Object.assign(e, { data, error: undefined, at: this.now(), stale: e.dirty, dirty: false, run: undefined });
          this.notify(e);
        }
        return data;
      },
      (error: unknown) => {
        if (e.gen === gen) {
          Object.assign(e, { data: undefined, error, run: undefined });
          this.notify(e);
        }
        throw error;
      },
    );
    e.run = run;
    this.notify(e);
    return run;
  }

  /** Puts `data` under `key` (a write answered with the new representation): fresh, shown at once. */
  set<T>(key: Key, data: T): void {
    const e = this.entry(key);
    e.gen++;
    Object.assign(e, { data, error: undefined, at: this.now(), stale: false, dirty: false, run: undefined });
    this.notify(e);
  }

  /** Calls `listener` whenever the entry for `key` changes; the entry is kept while someone listens. */
  subscribe(key: Key, listener: () => void): () => void {
    const e = this.entry(key);
    e.listeners.add(listener);
    return () => {
      e.listeners.delete(listener);
      this.prune();
    };
  }

  /** Calls `listener` when an invalidation that reads again covers `key` (a list kept outside the cache). */
  watch(key: Key, listener: () => void): () => void {
    const w = { key, listener };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  /**
   * Marks every entry `match` covers (a key prefix, the key itself when
   * `exact`, or a predicate) stale. Unless `refetch` is false, those on
   * screen are read again now, and so are the watched lists it covers;
   * with `forget`, those nobody shows are dropped instead of kept stale.
   * Resolves when the reads it started are done.
   */
  invalidate(match: Match, { exact = false, refetch = true, forget = false } = {}): Promise<void> {
    const covers = typeof match === 'function' ? match : (key: Key) => matches(match, key, exact);
    const reads: Promise<unknown>[] = [];
    for (const [hash, e] of [...this.entries]) {
      if (!covers(e.key)) continue;
      if (forget && e.listeners.size === 0) {
        this.entries.delete(hash);
        continue;
      }
      e.stale = true;
      if (refetch && e.listeners.size > 0 && e.fetcher) reads.push(this.start(e).catch(() => undefined));
      // An answer already on its way may predate the change: it is kept as stale.
      else if (e.run) e.dirty = true;
    }
    if (refetch) for (const w of [...this.watchers]) if (covers(w.key)) w.listener();
    return Promise.all(reads).then(() => undefined);
  }

  /** How many entries are held (tests). */
  get size(): number {
    return this.entries.size;
  }

  private notify(e: Entry) {
    for (const l of [...e.listeners]) l();
  }

  /** Forgets the oldest entries nobody shows once there are more than `max`. */
  private prune() {
    if (this.entries.size <= this.max) return;
    const idle = [...this.entries].filter(([, e]) => e.listeners.size === 0 && !e.run).sort(([, a], [, b]) => a.at - b.at);
    for (const [hash] of idle.slice(0, this.entries.size - this.max)) this.entries.delete(hash);
  }
}
