// The message catalogue: Italian by default, English switchable and
// remembered. Each screen module has its own file per language
// (it/proposal.ts, en/proposal.ts); en/*.ts are typed against it/*.ts, so a
// missing key is a type error, and a unit test checks both ways. Only the
// current language is downloaded, in parts: the main catalogue before the
// first screen is drawn, the staff console's messages with its screens
// (routes.tsx names the part a screen needs); switching language loads the
// parts already in use in the other language first.
import type { it } from './it';
import type { staff } from './it/staff';

export type Lang = 'it' | 'en';
export type Key = keyof typeof it | keyof typeof staff;
export type Params = Record<string, string | number>;
type Messages = Partial<Record<Key, string>>;

export const languages: Lang[] = ['it', 'en'];

/** A part of the catalogue: the main one, or one loaded with the screens that need it. */
export type Part = 'main' | 'staff';

/** Each part in each language is a chunk of its own. */
const sources: Record<Part, Record<Lang, () => Promise<Messages>>> = {
  main: { it: () => import('./it').then((m) => m.it), en: () => import('./en').then((m) => m.en) },
  staff: { it: () => import('./it/staff').then((m) => m.staff), en: () => import('./en/staff').then((m) => m.staff) },
};

const messages: Record<Lang, Messages> = { it: {}, en: {} };
const loading: Record<Lang, Map<Part, Promise<void>>> = { it: new Map(), en: new Map() };
const loaded: Record<Lang, Set<Part>> = { it: new Set(), en: new Set() };
/** The parts the app has asked for: a change of language loads them all in the new one. */
const wanted = new Set<Part>();

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

/**
 * The language people write in on this deployment: proposals, comments,
 * amendments, answers, process names. One setting, so another deployment
 * changes it here; the interface language is the reader's choice.
 */
export const CONTENT_LANG: Lang = 'it';

/**
 * The `lang` attribute for user-written text: the content language where the
 * interface speaks another (so a screen reader switches voice, WCAG 3.1.2),
 * else none (the page's own language already says it).
 */
export function contentLang(): Lang | undefined {
  return current === CONTENT_LANG ? undefined : CONTENT_LANG;
}

/** The `lang` for interface words inside user-written text (a diff's "inserted"): the interface language where the content's differs. */
export function uiLangInContent(): Lang | undefined {
  return current === CONTENT_LANG ? undefined : current;
}

/**
 * Loads a part of the catalogue (the main one by default) in the current
 * language, or in `l`; each part once.
 */
export function loadMessages(part: Part = 'main', l: Lang = current): Promise<void> {
  wanted.add(part);
  let pending = loading[l].get(part);
  if (!pending) {
    pending = sources[part][l]().then((m) => {
      Object.assign(messages[l], m);
      loaded[l].add(part);
    });
    // A part that failed to load (the network) is tried again next time.
    pending.catch(() => loading[l].delete(part));
    loading[l].set(part, pending);
  }
  return pending;
}

/**
 * Switches the language once the parts in use are loaded in it (at once
 * when they are), remembers it and re-renders the subscribers.
 */
export function setLang(next: Lang): Promise<void> {
  const missing = [...wanted].filter((p) => !loaded[next].has(p));
  if (missing.length > 0) return Promise.all(missing.map((p) => loadMessages(p, next))).then(() => setLang(next));
  apply(next);
  return Promise.resolve();
}

function apply(next: Lang) {
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
  const text = format(messages[current][key] ?? key, params);
  return current === 'it' && params ? elideBeforeDates(text) : text;
}

const MONTHS = 'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';
const BEFORE_VOWEL = new RegExp(`\\b(il|dal|al|del|nel) (8|11) (${MONTHS})\\b`, 'g');
const FIRST = new RegExp(`\\b(il|dal|al|del|nel) 1 (${MONTHS})\\b`, 'g');
const ELIDED: Record<string, string> = { il: "l'", dal: "dall'", al: "all'", del: "dell'", nel: "nell'" };

/**
 * A date put after an article reads as Italian writes it: "l'8 marzo",
 * "dall'11 aprile" (the number starts with a vowel sound), "il 1° marzo".
 * Messages say "il {date}", "dal {from} al {to}"; the date is known only
 * when the message is filled.
 */
export function elideBeforeDates(text: string): string {
  return text
    .replace(BEFORE_VOWEL, (_, article: string, day: string, month: string) => `${ELIDED[article]}${day} ${month}`)
    .replace(FIRST, (_, article: string, month: string) => `${article} 1° ${month}`);
}

/** Whether the catalogue has `key` (for keys built from API codes). */
export function has(key: string): key is Key {
  return key in messages[current];
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

/** The message for a field error code: the field's own first, where the generic one says too little (`field.password.mismatch`). */
export function fieldMessage(code: string, field?: string): string {
  const own = `field.${field}.${code}`;
  const key = `field.${code}`;
  return has(own) ? t(own) : has(key) ? t(key) : t('field.invalid');
}
