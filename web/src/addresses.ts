// Every address of the app, one entry per screen: its Italian path (SPA.md)
// and, for the staff console, the section it is in. The router's match and
// `href` (router.ts), the console's navigation (staff/Frame.tsx) and the
// screen table (routes.tsx) are all built from this list. It imports no
// screen, so any screen can link to any other without a circle of imports.
import type { Key } from './i18n';
import type { SiteSlug } from './api/types';

type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}` ? N | ParamNames<`/${Rest}`> : P extends `${string}:${infer N}` ? N : never;

/** The parameters an address pattern names (`/proposte/:ref` → `{ ref }`). */
export type Params<P extends string> = { [K in ParamNames<P>]: string };

export interface Address {
  path: string;
  /** A section of the staff console's navigation, by its title; `admin` for administrators only. */
  section?: { title: Key; admin?: boolean };
}

export const addresses = {
  home: { path: '/' },
  space: { path: '/spazi/:slug' },
  newProposal: { path: '/nuova-proposta' },
  proposal: { path: '/proposte/:ref' },
  versions: { path: '/proposte/:ref/versioni' },
  version: { path: '/proposte/:ref/versioni/:n' },
  compare: { path: '/proposte/:ref/confronto' },
  edit: { path: '/proposte/:ref/modifica' },
  amend: { path: '/proposte/:ref/emenda' },
  verify: { path: '/proposte/:ref/verifica' },
  amendment: { path: '/emendamenti/:id' },
  audit: { path: '/registro' },
  auditEntry: { path: '/registro/:id' },
  signIn: { path: '/accedi' },
  signUp: { path: '/registrati' },
  legalNotes: { path: '/note-legali' },
  privacy: { path: '/privacy' },
  accessibility: { path: '/accessibilita' },
  profile: { path: '/profilo' },
  notifications: { path: '/notifiche' },
  forgotPassword: { path: '/password-dimenticata' },
  newPassword: { path: '/nuova-password' },
  confirmAddress: { path: '/conferma-indirizzo' },
  unsubscribe: { path: '/disiscriviti' },
  accountDeleted: { path: '/account-eliminato' },
  staffAmendments: { path: '/staff/emendamenti', section: { title: 'staff.amendments' } },
  staffReports: { path: '/staff/segnalazioni', section: { title: 'staff.reports' } },
  staffAnswers: { path: '/staff/risposte', section: { title: 'staff.answers' } },
  staffTopics: { path: '/staff/categorie', section: { title: 'staff.topics' } },
  staffUsers: { path: '/staff/utenti', section: { title: 'staff.users', admin: true } },
} as const satisfies Record<string, Address>;

export type RouteName = keyof typeof addresses;
export type RoutePath<N extends RouteName> = (typeof addresses)[N]['path'];

/** The screen of each of the site's pages (`/api/v1/pages/{slug}`), at the address the footer links. */
export const sitePageRoute = { 'note-legali': 'legalNotes', privacy: 'privacy', accessibilita: 'accessibility' } as const satisfies Record<SiteSlug, RouteName>;
