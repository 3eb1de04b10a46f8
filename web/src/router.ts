// A tiny router: real URLs with Italian paths, history back/forward, and the
// screen's state (versions compared, sort, filters, page) in the query string.
import { useEffect, useState } from 'preact/hooks';
import { addresses, type Params, type RouteName, type RoutePath } from './addresses';

export { type RouteName } from './addresses';

export interface Match {
  name: RouteName;
  params: Record<string, string>;
}

const names = Object.keys(addresses) as RouteName[];

/** Matches a path against the app's addresses (addresses.ts); null when none does. */
export function match(path: string): Match | null {
  const parts = split(path);
  for (const name of names) {
    const pattern = split(addresses[name].path);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      if (pattern[i].startsWith(':')) {
        try {
          params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          ok = false;
          break;
        }
      } else if (pattern[i] !== parts[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return { name, params };
  }
  return null;
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export type QueryValues = Record<string, string | number | undefined | null>;

/** A route's parameters: required when its address names some (checked by tsc). */
type HrefArgs<N extends RouteName> = [keyof Params<RoutePath<N>>] extends [never]
  ? [params?: Record<string, never>, query?: QueryValues]
  : [params: Params<RoutePath<N>>, query?: QueryValues];

/** Builds the path of a route from its parameters and an optional query. */
export function href<N extends RouteName>(name: N, ...[params, query]: HrefArgs<N>): string {
  const route = addresses[name];
  if (!route) throw new Error(`unknown route ${String(name)}`);
  const values: Record<string, string> = params ?? {};
  const path = route.path.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(values[k] ?? ''));
  if (!query) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

const listeners = new Set<() => void>();

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

/** Goes to `to` (a path with its query); `replace` keeps history clean for filter changes. */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (!options.replace) window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** Changes the query string of the current address (state in the URL). */
export function setQuery(changes: Record<string, string | number | null | undefined>, options: { replace?: boolean } = { replace: true }) {
  const q = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, String(v));
  }
  const s = q.toString();
  navigate(window.location.pathname + (s ? `?${s}` : ''), options);
}

/** Follows same-origin links without reloading the page. */
export function interceptLinks(root: Document = document) {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) {
      document.getElementById(url.hash.slice(1))?.focus();
      return;
    }
    navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener('popstate', () => {
    for (const l of listeners) l();
  });
}

/** The current location; re-renders on every navigation. */
export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const l = () => setLoc(current());
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return loc;
}

/**
 * Where to go after signing in: only a path of this site. `next` comes from
 * the address (`?da=`), so anyone can craft it; "//evil.com", "/\\evil.com"
 * and "https://evil.com" would leave the site, and are replaced by the home.
 */
export function safeNext(next: string | undefined | null, origin: string = window.location.origin): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  return url.pathname + url.search + url.hash;
}
