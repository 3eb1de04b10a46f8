// Every screen of the app, one entry per address (addresses.ts): the chunk
// its code is loaded from, how its props come from the address, whether
// it needs a session, and which messages it needs beyond the main
// catalogue. The screen drawn for an address (App.tsx) and the code-split
// chunks (each `import()` here is one) come from this table: a new screen
// is one address, one entry here, its component and its messages.
import type { JSX } from 'preact';
import { loadMessages, type Part } from './i18n';
import { addresses, type Params, type RouteName, type RoutePath } from './addresses';

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
}

type Options = Pick<Screen, 'session' | 'messages'>;

function screen<N extends RouteName, M>(name: N, load: () => Promise<M>, view: (module: M, at: At<RoutePath<N>>) => JSX.Element, options: Options = {}): Screen<RoutePath<N>, M> {
  return { path: addresses[name].path, load, view, ...options };
}

const session = { session: true } as const;
// The staff console is apart from the citizen screens: its modules are one
// chunk (vite.config.ts) and its messages another, so citizens download neither.
const staff = { session: true, messages: 'staff' } as const;
const from = (query: URLSearchParams) => query.get('da') ?? undefined;
/** A site page's version asked for in the address (`?versione=2`), else the one in force. */
const version = (query: URLSearchParams) => Number(query.get('versione')) || undefined;

export const routes = {
  home: screen('home', () => import('./screens/Home'), (m, { query }) => <m.Home query={query} />),
  space: screen('space', () => import('./screens/Space'), (m, { params, query }) => <m.Space slug={params.slug} query={query} />),
  newProposal: screen('newProposal', () => import('./screens/ProposalEditor'), (m, { query }) => <m.ProposalEditor space={query.get('spazio') ?? undefined} />, session),
  proposal: screen('proposal', () => import('./screens/Proposal'), (m, { params }) => <m.Proposal reference={params.ref} />),
  versions: screen('versions', () => import('./screens/Versions'), (m, { params }) => <m.Versions reference={params.ref} />),
  version: screen('version', () => import('./screens/Versions'), (m, { params }) => <m.Version reference={params.ref} n={params.n} />),
  compare: screen('compare', () => import('./screens/Compare'), (m, { params, query }) => <m.Compare reference={params.ref} query={query} />),
  edit: screen('edit', () => import('./screens/ProposalEditor'), (m, { params }) => <m.ProposalEditor reference={params.ref} />, session),
  amend: screen('amend', () => import('./screens/AmendmentEditor'), (m, { params }) => <m.AmendmentEditor reference={params.ref} />, session),
  verify: screen('verify', () => import('./screens/Verify'), (m, { params }) => <m.Verify reference={params.ref} />),
  amendment: screen('amendment', () => import('./screens/Amendment'), (m, { params }) => <m.Amendment id={params.id} />),
  audit: screen('audit', () => import('./screens/Audit'), (m, { query }) => <m.Audit query={query} />),
  auditEntry: screen('auditEntry', () => import('./screens/Audit'), (m, { params }) => <m.AuditEntryPage id={params.id} />),
  signIn: screen('signIn', () => import('./screens/Auth'), (m, { query }) => <m.SignIn next={from(query)} />),
  signUp: screen('signUp', () => import('./screens/Auth'), (m, { query }) => <m.SignUp next={from(query)} />),
  legalNotes: screen('legalNotes', () => import('./screens/SitePage'), (m, { query }) => <m.SitePage slug="note-legali" version={version(query)} />),
  privacy: screen('privacy', () => import('./screens/SitePage'), (m, { query }) => <m.SitePage slug="privacy" version={version(query)} />),
  accessibility: screen('accessibility', () => import('./screens/SitePage'), (m, { query }) => <m.SitePage slug="accessibilita" version={version(query)} />),
  profile: screen('profile', () => import('./screens/Auth'), (m) => <m.Profile />, session),
  notifications: screen('notifications', () => import('./screens/Notifications'), (m) => <m.Notifications />, session),
  forgotPassword: screen('forgotPassword', () => import('./screens/Account'), (m) => <m.ForgotPassword />),
  newPassword: screen('newPassword', () => import('./screens/Account'), (m) => <m.NewPassword />),
  confirmAddress: screen('confirmAddress', () => import('./screens/Account'), (m) => <m.ConfirmAddress />),
  unsubscribe: screen('unsubscribe', () => import('./screens/Account'), (m) => <m.Unsubscribe />),
  accountDeleted: screen('accountDeleted', () => import('./screens/Account'), (m, { query }) => <m.AccountDeleted due={query.get('entro')} />),
  staffAmendments: screen('staffAmendments', () => import('./staff/Amendments'), (m, { query }) => <m.StaffAmendments query={query} />, staff),
  staffReports: screen('staffReports', () => import('./staff/Reports'), (m, { query }) => <m.StaffReports query={query} />, staff),
  staffAnswers: screen('staffAnswers', () => import('./staff/Answers'), (m, { query }) => <m.StaffAnswers query={query} />, staff),
  staffTopics: screen('staffTopics', () => import('./staff/Topics'), (m, { query }) => <m.StaffTopics query={query} />, staff),
  staffUsers: screen('staffUsers', () => import('./staff/Users'), (m, { query }) => <m.StaffUsers query={query} />, staff),
} as const satisfies { [N in RouteName]: Screen<RoutePath<N>> };

const loading = new Map<RouteName, Promise<unknown>>();

/**
 * Loads a screen's chunk and the messages it needs, once (main.tsx starts
 * the first screen's while the catalogue loads); a chunk that failed to
 * load is tried again next time.
 */
export function loadScreen(name: RouteName): Promise<unknown> {
  let pending = loading.get(name);
  if (!pending) {
    const route: Screen = routes[name];
    pending = Promise.all([route.load(), loadMessages(route.messages)]).then(([module]) => module);
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}
