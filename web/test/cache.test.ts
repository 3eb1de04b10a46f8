// The keyed cache of API reads: one read per key in flight, fresh data
// reused, invalidation by key prefix (on screen: read again; elsewhere:
// read when next shown), a write's answer put in place.
import { describe, expect, it } from 'vitest';
import { Cache, hashKey, matches } from '../src/api/cache';

/** A fetcher whose answers the test releases one by one. */
function deferred<T>() {
  const calls: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const fetcher = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { calls, fetcher };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function clock() {
  let t = 1000;
  return { now: () => t, pass: (ms: number) => (t += ms) };
}

describe('cache keys', () => {
  it('hashes objects whatever the order of their keys, leaving out undefined values', () => {
    expect(hashKey(['proposals', { limit: 20, cursor: undefined, order: 'oldest' }])).toBe(hashKey(['proposals', { order: 'oldest', limit: 20 }]));
    expect(hashKey(['proposals', 'A'])).not.toBe(hashKey(['proposals', 'B']));
  });

  it('matches a prefix element by element, or the key exactly', () => {
    expect(matches(['proposals', 'EMD-1'], ['proposals', 'EMD-1', 'comments', { limit: 20 }])).toBe(true);
    expect(matches(['proposals', 'EMD-1'], ['proposals', 'EMD-11'])).toBe(false);
    expect(matches(['proposals', 'EMD-1'], ['proposals'])).toBe(false);
    expect(matches(['proposals', 'EMD-1'], ['proposals', 'EMD-1', 'comments'], true)).toBe(false);
    expect(matches(['proposals', 'EMD-1'], ['proposals', 'EMD-1'], true)).toBe(true);
    expect(matches(['proposals', { a: 1, b: 2 }], ['proposals', { b: 2, a: 1 }], true)).toBe(true);
  });
});

describe('cache reads', () => {
  it('shares one read in flight between every caller of a key', async () => {
    const cache = new Cache();
    const server = deferred<string>();
    const a = cache.read(['proposals', 'P'], server.fetcher);
    const b = cache.read(['proposals', 'P'], server.fetcher);
    expect(cache.peek(['proposals', 'P']).loading).toBe(true);
    expect(server.calls).toHaveLength(1);
    server.calls[0].resolve('proposta');
    expect(await a).toBe('proposta');
    expect(await b).toBe('proposta');
    expect(cache.peek(['proposals', 'P'])).toMatchObject({ data: 'proposta', loading: false, due: false });
  });

  it('uses fresh data as it is, and reads it again once it is older than `fresh`', async () => {
    const time = clock();
    const cache = new Cache({ fresh: 30_000, now: time.now });
    let reads = 0;
    const fetcher = async () => ++reads;
    expect(await cache.read(['x'], fetcher)).toBe(1);
    time.pass(29_999);
    expect(await cache.read(['x'], fetcher)).toBe(1);
    time.pass(1);
    expect(cache.peek(['x'])).toMatchObject({ data: 1, due: true });
    expect(await cache.read(['x'], fetcher)).toBe(2);
    expect(reads).toBe(2);
  });

  it('keeps a failed read as an error, and reads again when next asked', async () => {
    const cache = new Cache();
    let fail = true;
    const fetcher = async () => {
      if (fail) throw new Error('down');
      return 'ok';
    };
    await expect(cache.read(['x'], fetcher)).rejects.toThrow('down');
    expect(cache.peek(['x'])).toMatchObject({ data: undefined, loading: false, due: true });
    expect((cache.peek(['x']).error as Error).message).toBe('down');
    fail = false;
    expect(await cache.read(['x'], fetcher)).toBe('ok');
    expect(cache.peek(['x']).error).toBeUndefined();
  });

  it('puts a write’s answer in place, dropping a read in flight that predates it', async () => {
    const cache = new Cache();
    const server = deferred<string>();
    const seen: unknown[] = [];
    cache.subscribe(['proposals', 'P'], () => seen.push(cache.peek(['proposals', 'P']).data));
    void cache.read(['proposals', 'P'], server.fetcher);
    cache.set(['proposals', 'P'], 'after the write');
    server.calls[0].resolve('before the write');
    await flush();
    expect(cache.peek(['proposals', 'P']).data).toBe('after the write');
    expect(seen).toContain('after the write');
    expect(seen).not.toContain('before the write');
  });
});

describe('cache invalidation', () => {
  it('reads again at once what is on screen under the prefix, and leaves the rest for later', async () => {
    const cache = new Cache();
    const reads: string[] = [];
    const fetcher = (name: string) => async () => {
      reads.push(name);
      return `${name} ${reads.length}`;
    };
    await cache.read(['proposals', 'P'], fetcher('proposal'));
    await cache.read(['proposals', 'P', 'answers'], fetcher('answers'));
    await cache.read(['proposals', 'Q'], fetcher('other'));
    let redrawn = 0;
    cache.subscribe(['proposals', 'P'], () => redrawn++);
    reads.length = 0;
    await cache.invalidate(['proposals', 'P']);
    // Shown: read again now. Not shown: stale, read when next wanted.
    expect(reads).toEqual(['proposal']);
    expect(redrawn).toBeGreaterThan(0);
    expect(cache.peek(['proposals', 'P', 'answers']).due).toBe(true);
    expect(cache.peek(['proposals', 'Q']).due).toBe(false);
    await cache.read(['proposals', 'P', 'answers'], fetcher('answers'));
    expect(reads).toEqual(['proposal', 'answers']);
  });

  it('keeps what is shown while it is read again', async () => {
    const cache = new Cache();
    const server = deferred<string>();
    void cache.read(['x'], server.fetcher);
    server.calls[0].resolve('first');
    await flush();
    cache.subscribe(['x'], () => undefined);
    void cache.invalidate(['x'], { exact: true });
    expect(cache.peek(['x'])).toMatchObject({ data: 'first', loading: true });
    server.calls[1].resolve('second');
    await flush();
    expect(cache.peek(['x'])).toMatchObject({ data: 'second', loading: false });
  });

  it('matches exactly when asked, leaving the parts under the key alone', async () => {
    const cache = new Cache();
    await cache.read(['proposals', 'P'], async () => 1);
    await cache.read(['proposals', 'P', 'comments'], async () => 2);
    void cache.invalidate(['proposals', 'P'], { exact: true });
    expect(cache.peek(['proposals', 'P']).due).toBe(true);
    expect(cache.peek(['proposals', 'P', 'comments']).due).toBe(false);
  });

  it('marks stale without reading when `refetch` is false, even what is shown', async () => {
    const cache = new Cache();
    let reads = 0;
    await cache.read(['x'], async () => ++reads);
    cache.subscribe(['x'], () => undefined);
    await cache.invalidate(() => true, { refetch: false });
    expect(reads).toBe(1);
    expect(cache.peek(['x'])).toMatchObject({ data: 1, loading: false, due: true });
  });

  it('keeps an answer in flight during an invalidation, but as stale', async () => {
    const cache = new Cache();
    const server = deferred<string>();
    void cache.read(['x'], server.fetcher);
    void cache.invalidate(['x'], { refetch: false });
    server.calls[0].resolve('maybe old');
    await flush();
    expect(cache.peek(['x'])).toMatchObject({ data: 'maybe old', due: true });
  });

  it('forgets what nobody shows when asked, and reads again what is shown', async () => {
    const cache = new Cache();
    let reads = 0;
    await cache.read(['shown'], async () => ++reads);
    await cache.read(['hidden'], async () => 'staff only');
    cache.subscribe(['shown'], () => undefined);
    await cache.invalidate(() => true, { forget: true });
    expect(cache.peek(['hidden']).data).toBeUndefined();
    expect(cache.peek(['shown']).data).toBe(2);
  });

  it('tells a watched list when an invalidation that reads again covers it', () => {
    const cache = new Cache();
    const told: string[] = [];
    const stop = cache.watch(['proposals', 'P', 'supporters'], () => told.push('supporters'));
    void cache.invalidate(['proposals', 'P']);
    void cache.invalidate(['proposals', 'Q']);
    void cache.invalidate(['proposals', 'P'], { refetch: false });
    expect(told).toEqual(['supporters']);
    stop();
    void cache.invalidate(['proposals', 'P']);
    expect(told).toEqual(['supporters']);
  });

  it('keeps at most `max` entries nobody shows, forgetting the oldest', async () => {
    const time = clock();
    const cache = new Cache({ max: 2, now: time.now });
    cache.subscribe(['shown'], () => undefined);
    for (const k of ['a', 'b', 'c']) {
      await cache.read([k], async () => k);
      time.pass(1);
    }
    // The entry shown stays; of the others only the newest is kept.
    expect(cache.size).toBe(2);
    expect(cache.peek(['a']).data).toBeUndefined();
    expect(cache.peek(['b']).data).toBeUndefined();
    expect(cache.peek(['c']).data).toBe('c');
  });
});
