// Hooks shared by the screens: the current language, the signed-in user, and
// loading data from the API with its state.
import { useEffect, useState, useCallback, useRef } from 'preact/hooks';
import { api, ApiError, type Me } from './api/client';
import { lang, onLang, type Lang } from './i18n';

/**
 * A form's submission: `busy` while `action` runs (so the button can be
 * disabled), and the API's error when it fails, for the form to show by
 * field. Every form that only sends and reports uses it.
 */
export function useSubmit(action: () => Promise<void>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event?: Event) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

/** Re-renders the caller when the language changes. */
export function useLang(): Lang {
  const [l, setL] = useState(lang());
  useEffect(() => onLang(setL), []);
  return l;
}

/** The signed-in user (null when anonymous); re-renders on sign in and out. */
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

export function useMe(): Me | null {
  return useSession().me;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  set: (data: T) => void;
}

/** Runs `load` whenever `deps` change (or the user signs in or out). */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const me = useMe();
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: null, loading: false }),
      (error) => {
        if (controller.signal.aborted) return;
        setState({ data: null, error: error instanceof ApiError ? error : new ApiError(0, 'unknown'), loading: false });
      },
    );
    return () => controller.abort();
  }, [...deps, tick, me?.id]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ data, error: null, loading: false }), []);
  return { ...state, reload, set };
}

/** Whether the user has staff powers (anywhere, or in the given space). */
export function isStaff(me: Me | null, spaceId?: string): boolean {
  if (!me) return false;
  return me.roles.some((r) => r.role === 'admin' || (r.role === 'staff' && (!spaceId || !r.space_id || r.space_id === spaceId)));
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
