// Small shared pieces: error alerts from problem codes, state badges with
// text, form fields with labels and errors (and the account's text
// fields), the live region, loading, the breadcrumb, and "load more" under
// a list read page by page.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { contentLang, errorMessage, fieldMessage, t, tn, type Key, type Params } from '../i18n';
import type { Pages } from '../hooks';
import { href } from '../router';

/** What the live region says. */
type Said = { message: string };

const announceListeners = new Set<(said: Said) => void>();

/** Says `message` to screen readers (and shows it) through the live region. */
export function announce(message: string) {
  for (const l of announceListeners) l({ message });
}

/**
 * The page's one polite live region for async results. A step offered
 * after a result (the undo of a hide) is not here but next to what it
 * acts on, where the keyboard already is (see `staff/Reports.tsx`).
 */
export function LiveRegion() {
  const [said, setSaid] = useState<Said>({ message: '' });
  useEffect(() => {
    const l = (next: Said) => {
      // Emptied first, so a message said twice is read twice.
      setSaid({ message: '' });
      setTimeout(() => setSaid(next), 50);
    };
    announceListeners.add(l);
    return () => {
      announceListeners.delete(l);
    };
  }, []);
  return (
    <div class="live-region" role="status" aria-live="polite" aria-atomic="true">
      {said.message && (
        <div class="alert alert-success my-2" id="live-message" tabIndex={-1}>
          {said.message}
        </div>
      )}
    </div>
  );
}

/** User-written text, marked with the content language when the interface speaks another. */
export function Content({ children }: { children: ComponentChildren }) {
  const l = contentLang();
  return l ? <span lang={l}>{children}</span> : <>{children}</>;
}

/**
 * A message with user-written parameters (`content`, e.g. a proposal's
 * title inside "Versioni di «{title}»"): the words around them in the
 * interface language, each parameter marked with the content language.
 */
export function tContent(key: Key, content: Record<string, string>, params?: Params): ComponentChildren {
  return t(key, params)
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 === 0 ? part : part in content ? <Content key={i}>{content[part]}</Content> : `{${part}}`));
}

/** The handle an erased account is left with: no handle a person chooses has a hyphen. */
const ERASED_HANDLE = /^deleted-[0-9a-f]{32}$/;

/**
 * A person's name or handle as shown beside what they did. Once their
 * account is deleted the API leaves the name empty and the handle a
 * placeholder (`deleted-…`): what they published stays, signed
 * "Partecipante eliminato", and the placeholder is never shown.
 */
export function personName(name: string | null | undefined): string {
  return !name || ERASED_HANDLE.test(name) ? t('common.deletedPerson') : name;
}

/** An API error in the user's language, from its code. */
export function ErrorAlert({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  return (
    <div class="alert alert-danger" role="alert">
      {errorMessage(error.code)}
    </div>
  );
}

export function Loading() {
  return (
    <p class="text-secondary" role="status">
      {t('common.loading')}
    </p>
  );
}

// White on every state colour: 5.0:1 to 5.6:1. Dark text on the orange was
// 2.39:1.
const stateClass: Record<string, string> = {
  published: 'bg-primary',
  evaluating: 'bg-warning',
  accepted: 'bg-success',
  rejected: 'bg-danger',
  withdrawn: 'bg-secondary',
};

/** A state as a badge: colour and words. */
export function StateBadge({ state, amendment }: { state: string; amendment?: boolean }) {
  const key = `${amendment ? 'amendmentState' : 'state'}.${state}` as Key;
  return <span class={`badge ${stateClass[state] ?? 'bg-secondary'}`}>{t(key)}</span>;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: ApiError | null;
  field?: string;
  /** The field's value: empty, a "too short" from the API is said as "required" (an empty title is not short, it is missing). */
  value?: string;
  /** What "required" means for this field, said instead of the generic "Campo obbligatorio.". */
  requiredMessage?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A labelled form field with its hint and its error from the API. */
export function Field({ id, label, hint, error, field, value, requiredMessage, children }: FieldProps) {
  const given = error && field ? error.fieldCode(field) : undefined;
  const code = given === 'too_short' && value !== undefined && !value.trim() ? 'required' : given;
  const ids = [hint ? `${id}-hint` : '', code ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="form-group mb-4">
      <label for={id} class="form-label active">
        {label}
      </label>
      {children(ids, !!code)}
      {hint && (
        <small id={`${id}-hint`} class="form-text">
          {hint}
        </small>
      )}
      {code && (
        <div id={`${id}-error`} class="invalid-feedback d-block">
          {code === 'required' && requiredMessage ? requiredMessage : fieldMessage(code, field)}
        </div>
      )}
    </div>
  );
}

/**
 * A required text, e-mail or password field of a form: `Field` with its
 * input, `set` given what is typed, the API's error on `field` said under
 * it and marking it.
 */
export function textField(id: string, label: string, value: string, set: (v: string) => void, type: 'text' | 'email' | 'password', autoComplete: string, error: ApiError | null, field: string, hint?: string) {
  return (
    <Field id={id} label={label} hint={hint} error={error} field={field} value={value}>
      {(d, invalid) => (
        <input
          id={id}
          type={type as 'text'}
          autoComplete={autoComplete}
          class={`form-control${invalid ? ' is-invalid' : ''}`}
          required
          value={value}
          aria-describedby={d}
          aria-invalid={invalid}
          onInput={(e) => set(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

let titleFocusPending = false;

/** True while nobody has put the focus anywhere since the navigation (document or `main`). */
export function focusIsUnclaimed(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.id === 'main';
}

/** After a navigation: the next page title to appear takes the focus. */
export function focusTitleWhenReady() {
  titleFocusPending = true;
}

/** A page title that also names the document (and takes the focus after a navigation). */
export function PageTitle({ children, title, lang }: { children: ComponentChildren; title: string; lang?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { title, app: t('app.name') });
  }, [title]);
  // At once after the commit, not after paint, and only while the focus is
  // still where the navigation left it: a keyboard user who already tabbed
  // into the page (a slow machine delays effects) keeps their place.
  useLayoutEffect(() => {
    if (titleFocusPending) {
      titleFocusPending = false;
      if (focusIsUnclaimed()) ref.current?.focus();
    }
  }, []);
  return (
    <h1 id="page-title" tabIndex={-1} ref={ref} lang={lang}>
      {children}
    </h1>
  );
}

/** A screen that could not load: a title and the error in words, with a way on. */
export function ErrorPage({ error }: { error: ApiError }) {
  const title = error.code === 'not_found' ? t('common.notFoundTitle') : t('common.errorTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ErrorAlert error={error} />
      <a href="/">{t('common.backHome')}</a>
    </>
  );
}

export interface Crumb {
  label: string;
  /** The label is user-written (a process's or proposal's title). */
  content?: boolean;
  /** Where it leads; the last crumb is the page itself and has none. */
  href?: string;
}

/** Where the page sits: the home first, the page itself last (marked as the current page). */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label={t('nav.breadcrumb')} class="breadcrumb-container">
      <ol class="breadcrumb">
        {[{ label: t('nav.home'), href: '/' }, ...items].map((c, i, all) =>
          i === all.length - 1 ? (
            <li key={i} class="breadcrumb-item active" aria-current="page" lang={c.content ? contentLang() : undefined}>
              {c.label}
            </li>
          ) : (
            <li key={i} class="breadcrumb-item">
              <a href={c.href} lang={c.content ? contentLang() : undefined}>
                {c.label}
              </a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/**
 * "Load more" under a list read page by page (`usePages`), with the error
 * of a page that failed. The number of items added is said through the live
 * region; when the last page arrives the button goes, and the focus it had
 * moves to the list (`listId`, focusable with tabIndex -1).
 */
export function LoadMore({ pages, listId, label }: { pages: Pick<Pages<unknown>, 'more' | 'loading' | 'loaded' | 'error' | 'loadMore'>; listId?: string; label?: string }) {
  const button = useRef<HTMLButtonElement>(null);
  const focusList = useRef(false);
  useEffect(() => {
    if (!focusList.current || pages.loading) return;
    focusList.current = false;
    if (!pages.more && listId) document.getElementById(listId)?.focus();
  });
  return (
    <>
      {pages.loaded && <ErrorAlert error={pages.error} />}
      {pages.more && (
        <button
          type="button"
          ref={button}
          class="btn btn-outline-primary btn-sm load-more"
          aria-disabled={pages.loading}
          onClick={async () => {
            if (pages.loading) return;
            focusList.current = document.activeElement === button.current;
            const n = await pages.loadMore();
            if (n > 0) announce(tn('common.loadedMore', n));
          }}
        >
          {label ?? t('common.loadMore')}
        </button>
      )}
    </>
  );
}

/** The link back to a proposal's page that its sub-pages (versions, diff, editors, verification) start with. */
export function BackToProposal({ reference, label }: { reference: string; label: string }) {
  return (
    <a class="back-link" href={href('proposal', { ref: reference })}>
      {label}
    </a>
  );
}
