// Every screen of the app, one entry each: its address (the Italian paths
// of SPA.md), the chunk its code is loaded from, how its props come from
// the address, whether it needs a session, and which messages it needs
// beyond the main catalogue. The router's match and `href` (router.ts), the
// screen drawn for an address (App.tsx) and the code-split chunks (each
// `import()` here is one) all come from this table: a new screen is one
// entry here, its component and its messages.
import type { JSX } from 'preact';
import type { Key, Part } from './i18n';
import type { SiteSlug } from './api/types';

type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}` ? N | ParamNames<`/${Rest}`> : P extends `${string}:${infer N}` ? N : never;

/** The parameters an address pattern names (`/proposte/:ref` → `{ ref }`). */
export type Params<P extends string> = { [K in ParamNames<P>]: string };

/** Where a screen is: its address's parameters and query string. */
export interface At<P extends string> {
  params: Params<P>;
  query: URLSearchParams;
}

export interface Screen<P extends string = string, M = unknown> {
  path: P;
  /** Loads the screen's chunk. */
  load(): Promise<M>;
  /** The screen, from its chunk and its address (a method, so any entry is a `Screen`). */
  view(module: M, at: At<P>): JSX.Element;
  /** Needs a session: waits for a kept one being restored instead of asking to sign in. */
  session?: boolean;
  /** Messages beyond the main catalogue, loaded with the chunk (i18n/index.ts). */
  messages?: Part;
  /** A section of the staff console's navigation (staff/Frame.tsx), by its title; `admin` for administrators only. */
  section?: { title: Key; admin?: boolean };
}

type Options = Pick<Screen, 'session' | 'messages' | 'section'>;

function screen<P extends string, M>(path: P, load: () => Promise<M>, view: (module: M, at: At<P>) => JSX.Element, options: Options = {}): Screen<P, M> {
  return { path, load, view, ...options };
}

const session = { session: true } as const;
// The staff console is apart from the citizen screens: its modules are one
// chunk (vite.config.ts) and its messages another, so citizens download neither.
const staff = { session: true, messages: 'staff' } as const;
const from = (query: URLSearchParams) => query.get('da') ?? undefined;
/** A site page's version asked for in the address (`?versione=2`), else the one in force. */
const version = (query: URLSearchParams) => Number(query.get('versione')) || undefined;

export const routes = {
  home: screen('/', () => import('./screens/Home'), (m, { query }) => <m.Home query={query} />),
  space: screen('/spazi/:slug', () => import('./screens/Space'), (m, { params, query }) => <m.Space slug={params.slug} query={query} />),
  newProposal: screen('/nuova-proposta', () => import('./screens/ProposalEditor'), (m, { query }) => <m.ProposalEditor space={query.get('spazio') ?? undefined} />, session),
  proposal: screen('/proposte/:ref', () => import('./screens/Proposal'), (m, { params }) => <m.Proposal reference={params.ref} />),
  versions: screen('/proposte/:ref/versioni', () => import('./screens/Versions'), (m, { params }) => <m.Versions reference={params.ref} />),
  compare: screen('/proposte/:ref/confronto', () => import('./screens/Compare'), (m, { params, query }) => <m.Compare reference={params.ref} query={query} />),
  edit: screen('/proposte/:ref/modifica', () => import('./screens/ProposalEditor'), (m, { params }) => <m.ProposalEditor reference={params.ref} />, session),
  amend: screen('/proposte/:ref/emenda', () => import('./screens/AmendmentEditor'), (m, { params }) => <m.AmendmentEditor reference={params.ref} />, session),
  verify: screen('/proposte/:ref/verifica', () => import('./screens/Verify'), (m, { params }) => <m.Verify reference={params.ref} />),
  amendment: screen('/emendamenti/:id', () => import('./screens/Amendment'), (m, { params }) => <m.Amendment id={params.id} />),
  audit: screen('/registro', () => import('./screens/Audit'), (m, { query }) => <m.Audit query={query} />),
  signIn: screen('/accedi', () => import('./screens/Auth'), (m, { query }) => <m.SignIn next={from(query)} />),
  signUp: screen('/registrati', () => import('./screens/Auth'), (m, { query }) => <m.SignUp next={from(query)} />),
  legalNotes: screen('/note-legali', () => import('./screens/SitePage'), (m, { query }) => <m.SitePage slug="note-legali" version={version(query)} />),
  privacy: screen('/privacy', () => import('./screens/SitePage'), (m, { query }) => <m.SitePage slug="privacy" version={version(query)} />),
  accessibility: screen('/accessibilita', () => import('./screens/SitePage'), (m, { query }) => <m.SitePage slug="accessibilita" version={version(query)} />),
  profile: screen('/profilo', () => import('./screens/Auth'), (m) => <m.Profile />, session),
  staffAmendments: screen('/staff/emendamenti', () => import('./staff/Amendments'), (m) => <m.StaffAmendments />, { ...staff, section: { title: 'staff.amendments' } }),
  staffReports: screen('/staff/segnalazioni', () => import('./staff/Reports'), (m, { query }) => <m.StaffReports query={query} />, { ...staff, section: { title: 'staff.reports' } }),
  staffAnswers: screen('/staff/risposte', () => import('./staff/Answers'), (m, { query }) => <m.StaffAnswers query={query} />, { ...staff, section: { title: 'staff.answers' } }),
  staffUsers: screen('/staff/utenti', () => import('./staff/Users'), (m, { query }) => <m.StaffUsers query={query} />, { ...staff, section: { title: 'staff.users', admin: true } }),
} as const;

export type RouteName = keyof typeof routes;

/** The screen of each of the site's pages (`/api/v1/pages/{slug}`), at the address the footer links. */
export const sitePageRoute = { 'note-legali': 'legalNotes', privacy: 'privacy', accessibilita: 'accessibility' } as const satisfies Record<SiteSlug, RouteName>;
export type RoutePath<N extends RouteName> = (typeof routes)[N]['path'];
