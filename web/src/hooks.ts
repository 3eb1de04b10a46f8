// Hooks shared by the screens: the current language, the signed-in user,
// reads of the API through the cache with their state, and lists read page
// by page.
import { useEffect, useState, useCallback, useReducer, useRef } from 'preact/hooks';
import { api, ApiError, type Me } from './api/client';
import { cache, keyOf, type Key } from './api/queries';
import type { DataOf, Init, InitArgs, Op, PathOf } from './api/paths';
import type { Page } from './api/types';
import { lang, onLang, type Lang } from './i18n';

/**
 * A form's submission, or an action's: `busy` while `action` runs (so the
 * button can be disabled), and the API's error when it fails, for the form
 * to show by field. A second call while one runs is dropped, so a double
 * click sends once. `submit` is for a form's `onSubmit`; `run` passes the
 * action its arguments (which of a row's buttons was pressed). Every form
 * and action that only sends and reports uses it.
 */
export function useSubmit<A extends unknown[] = []>(action: (...args: A) => Promise<void>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = async (...args: A) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  const submit = (event?: Event) => {
    event?.preventDefault();
    return run(...([] as unknown as A));
  };
  return { error, busy, submit, run };
}

/** Re-renders the caller when the language changes. */
export function useLang(): Lang {
  const [l, setL] = useState(lang());
  useEffect(() => onLang(setL), []);
  return l;
}

export interface SessionState {
  /** The signed-in user, or null. */
  me: Me | null;
  /** A kept session is being restored: whether someone is signed in is not known yet. */
  restoring: boolean;
}

/** The session as the client has it; re-renders on sign in and out and when a restore ends. */
export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>(() => ({ me: api.me, restoring: api.restoring }));
  useEffect(() => {
    const sync = () => setState((s) => (s.me === api.me && s.restoring === api.restoring ? s : { me: api.me, restoring: api.restoring }));
    // The session may have changed between the first render and now.
    sync();
    return api.onSession(sync);
  }, []);
  return state;
}

/** The signed-in user (null when anonymous); re-renders on sign in and out. */
export function useMe(): Me | null {
  return useSession().me;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** Reads it again (what is shown stays meanwhile). */
  reload: () => void;
  /** Replaces it (a write answered with the new representation), for every screen showing it. */
  set: (data: T) => void;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'unknown'));

/**
 * A read through the cache (api/queries.ts), under `key`; null reads
 * nothing (not wanted yet). Every screen showing the same key shares one
 * read; a change elsewhere that invalidates it reads it again here, and so
 * does another user signing in or out.
 */
export function useCached<T>(key: Key | null, fetcher: () => Promise<T>): Loaded<T> {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const redraw = () => bump(0);
  const latest = useRef(fetcher);
  latest.current = fetcher;
  const hash = key ? JSON.stringify(key) : null;
  // Until this key's read is asked for, a read that is due counts as loading.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!key) return;
    const off = cache.subscribe(key, redraw);
    asked.current = hash;
    cache.read(key, () => latest.current()).catch(() => undefined);
    redraw();
    return off;
  }, [hash]);
  const reload = useCallback(() => {
    if (key) void cache.invalidate(key, { exact: true });
  }, [hash]);
  const set = useCallback((data: T) => key && cache.set(key, data), [hash]);
  if (!key) return { data: null, error: null, loading: false, reload, set };
  const s = cache.peek<T>(key);
  return {
    data: s.data ?? null,
    error: s.error === undefined ? null : asApiError(s.error),
    loading: s.loading || (asked.current !== hash && s.due),
    reload,
    set,
  };
}

/**
 * A GET of the API through the cache, typed by its operation: `init` is
 * the call's parameters, or null while it is not wanted.
 */
export function useQuery<P extends PathOf<'get'>>(path: P, init: Init<Op<'get', P>> | null): Loaded<DataOf<Op<'get', P>>> {
  const params = init as { path?: Record<string, string>; query?: Record<string, string | number | boolean | null | undefined> } | null;
  return useCached(params ? keyOf(path, params) : null, () => api.get(path, ...([init] as InitArgs<Op<'get', P>>)));
}

export interface Pages<T> {
  /** The items of every page read so far, in order. */
  items: T[];
  /** Whether the list goes on (a "load more" is due). */
  more: boolean;
  /** Whether the first page has arrived. */
  loaded: boolean;
  /** Whether a page is being read. */
  loading: boolean;
  /** How many pages are shown. */
  pages: number;
  error: ApiError | null;
  /** Reads the next page and appends it; resolves to the number of items added. */
  loadMore: () => Promise<number>;
  /** Reads the list again, as many pages as are shown (a queue after a decision keeps its place). */
  reload: () => void;
  /** Changes the items shown (an item added, edited or gone) without reading again. */
  update: (change: (items: T[]) => T[]) => void;
}

export interface PagesOptions<T> {
  /** A first page the caller already read (with the proposal): shown instead of reading it; a new one replaces the list. */
  first?: Page<T> | null;
  /** False until the list is wanted (replies not yet opened). */
  enabled?: boolean;
  /** How many pages to read at first (a count kept in the address). */
  pages?: number;
  /** Told how many pages are shown whenever that changes (to keep it in the address). */
  onPages?: (pages: number) => void;
  /** Identifies an item, so a page never repeats one already shown (an item added here that the next page also holds). */
  key?: (item: T) => string;
  /** A cache key (api/queries.ts): an invalidation that covers it reads the list again. */
  watch?: Key;
}

interface PagesState<T> {
  items: T[];
  next: string | null;
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
}

/**
 * A list read page by page through the API's cursors: the first page when
 * `deps` change (or the user signs in or out), the next on `loadMore`. What
 * is shown stays on screen while the list is read again. Every long list of
 * the app uses it (comments, replies, supporters, amendments, versions, the
 * staff queues, the latest proposals).
 */
export function usePages<T>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: unknown[],
  options: PagesOptions<T> = {},
): Pages<T> {
  const me = useMe();
  const { first, enabled = true, key } = options;
  const [state, setState] = useState<PagesState<T>>(() => ({
    items: first?.items ?? [],
    next: first?.next_cursor ?? null,
    loaded: !!first,
    loading: false,
    error: null,
  }));
  const [tick, setTick] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  const onPages = useRef(options.onPages);
  onPages.current = options.onPages;
  const current = useRef(state);
  current.current = state;
  // Each read of the list is one run; the answers of an older run are dropped.
  const run = useRef(0);
  const shown = useRef(Math.max(1, options.pages ?? 1));
  const usedFirst = useRef<Page<T> | null>(null);
  const lastDeps = useRef<unknown[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const id = ++run.current;
    if (first && first !== usedFirst.current) {
      usedFirst.current = first;
      lastDeps.current = deps;
      shown.current = 1;
      setState({ items: first.items, next: first.next_cursor ?? null, loaded: true, loading: false, error: null });
      return;
    }
    // Another list (new deps) starts empty at its first page. The same list
    // read again (a reload, another user) reads as many pages as are shown,
    // and stays on screen meanwhile; the first read reads `pages`.
    const other = lastDeps.current !== null && (lastDeps.current.length !== deps.length || deps.some((d, i) => d !== lastDeps.current![i]));
    lastDeps.current = deps;
    const wanted = other ? 1 : shown.current;
    const controller = new AbortController();
    setState((s) => (other ? { items: [], next: null, loaded: false, loading: true, error: null } : { ...s, loading: true, error: null }));
    (async () => {
      let items: T[] = [];
      let next: string | null = null;
      let read = 0;
      do {
        const page = await latest.current(next ?? undefined, controller.signal);
        items = items.concat(page.items);
        next = page.next_cursor ?? null;
        read++;
      } while (read < wanted && next);
      return { items, next, read };
    })().then(
      ({ items, next, read }) => {
        if (id !== run.current || controller.signal.aborted) return;
        if (shown.current !== read) onPages.current?.(read);
        shown.current = read;
        setState({ items, next, loaded: true, loading: false, error: null });
      },
      (error) => {
        if (id !== run.current || controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: asApiError(error) }));
      },
    );
    return () => controller.abort();
    // A caller that passes the first page reads again through it when the user changes.
  }, [...deps, tick, enabled, first, first ? null : me?.id]);

  const loadMore = useCallback(async () => {
    const { next, loading } = current.current;
    if (!next || loading) return 0;
    const id = run.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await latest.current(next, new AbortController().signal);
      if (id !== run.current) return 0;
      shown.current += 1;
      onPages.current?.(shown.current);
      const seen = key ? new Set(current.current.items.map(key)) : null;
      const fresh = seen ? page.items.filter((i) => !seen.has(key!(i))) : page.items;
      setState((s) => ({ items: [...s.items, ...fresh], next: page.next_cursor ?? null, loaded: true, loading: false, error: null }));
      return fresh.length;
    } catch (e) {
      if (id === run.current) setState((s) => ({ ...s, loading: false, error: asApiError(e) }));
      return 0;
    }
  }, [key]);
  // Answers that arrive after the screen is gone are dropped.
  useEffect(
    () => () => {
      run.current++;
    },
    [],
  );
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const watched = options.watch ? JSON.stringify(options.watch) : null;
  useEffect(() => (options.watch ? cache.watch(options.watch, reload) : undefined), [watched]);
  const update = useCallback((change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })), []);
  return { items: state.items, more: !!state.next, loaded: state.loaded, loading: state.loading, pages: shown.current, error: state.error, loadMore, reload, update };
}

/**
 * After an action reloads a list (a queue row decided), where the focus goes
 * once the new list is shown: the first of `ids` still on the page (the row
 * itself, then the next, then the previous), else the page title. Without
 * this the focus would fall to the document when the row it was on goes.
 */
export function useFocusAfterReload(list: { data: unknown; loading: boolean }): (ids: (string | undefined)[]) => void {
  const pending = useRef<(string | undefined)[] | null>(null);
  useEffect(() => {
    if (!pending.current || list.loading) return;
    const ids = pending.current;
    pending.current = null;
    for (const id of ids) {
      const el = id ? document.getElementById(id) : null;
      if (el) {
        el.focus();
        return;
      }
    }
    document.getElementById('page-title')?.focus();
  }, [list.data, list.loading]);
  return useCallback((ids) => {
    pending.current = ids;
  }, []);
}
