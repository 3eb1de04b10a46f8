// One message catalogue: Italian by default, English switchable and
// remembered. Each screen module has its own file per language
// (it/proposal.ts, en/proposal.ts); en/*.ts are typed against it/*.ts, so a
// missing key is a type error, and a unit test checks both ways.
import { it } from './it';
import { en } from './en';

export type Lang = 'it' | 'en';
export type Key = keyof typeof it;
export type Params = Record<string, string | number>;

export const catalogues: Record<Lang, Record<Key, string>> = { it, en };
export const languages: Lang[] = ['it', 'en'];

/** A part of the catalogue beyond the main one, loaded with the screens that need it. */
export type Part = 'staff';

/** Loads the messages of `part` (the whole catalogue is in the main bundle for now). */
export function loadMessages(_part?: Part): Promise<void> {
  return Promise.resolve();
}

const STORAGE_KEY = 'emenda.lang';
const listeners = new Set<(lang: Lang) => void>();

function initialLang(): Lang {
  try {
    const kept = localStorage.getItem(STORAGE_KEY);
    if (kept === 'it' || kept === 'en') return kept;
  } catch {
    /* no storage */
  }
  return 'it';
}

let current: Lang = typeof window === 'undefined' ? 'it' : initialLang();

export function lang(): Lang {
  return current;
}

/** Switches the language, remembers it and re-renders the subscribers. */
export function setLang(next: Lang) {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* no storage */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const l of listeners) l(next);
}

export function onLang(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills `{name}` placeholders. */
export function format(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? (typeof params[name] === 'number' ? formatNumber(params[name] as number) : String(params[name])) : whole,
  );
}

/** The message for `key` in the current language. */
export function t(key: Key, params?: Params): string {
  return format(catalogues[current][key] ?? key, params);
}

/** Whether the catalogue has `key` (for keys built from API codes). */
export function has(key: string): key is Key {
  return key in catalogues[current];
}

/** A plural message: `key.one` / `key.other` by Intl.PluralRules, with `{n}`. */
export function tn(key: string, n: number, params?: Params): string {
  const rule = new Intl.PluralRules(current).select(n);
  const k = `${key}.${rule}`;
  const chosen = has(k) ? k : (`${key}.other` as Key);
  return t(chosen as Key, { n, ...params });
}

const locales: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

/** "20 giugno 2022" / "20 June 2022". */
export function formatDate(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locales[current], { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "20 giugno 2022, 14:05". */
export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locales[current], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locales[current]).format(n);
}

/** The message for an API problem code, in the user's language, never its detail. */
export function errorMessage(code: string): string {
  const key = `error.${code}`;
  return has(key) ? t(key) : t('error.unknown');
}

/** The message for a field error code. */
export function fieldMessage(code: string): string {
  const key = `field.${code}`;
  return has(key) ? t(key) : t('field.invalid');
}
