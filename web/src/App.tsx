// The frame (header slim + center, navigation, footer, live region) and the
// screen for the current address (from the route table, routes.tsx).
import { useLayoutEffect, useRef } from 'preact/hooks';
import { api } from './api/client';
import { t, setLang, lang, type Lang } from './i18n';
import { useLang, useQuery, useSession } from './hooks';
import { isStaff } from './policy';
import { href, match, navigate, useLocation, type Location } from './router';
import { sitePageRoute } from './addresses';
import { loadScreen, routes, type Screen as RouteEntry } from './routes';
import type { ComponentChildren } from 'preact';
import { LiveRegion, announce, PageTitle, focusTitleWhenReady, Loading, Content } from './components/ui';
import { Lazy } from './components/Lazy';
import { Bell, ConfirmBanner, DeletionBanner } from './components/AccountStatus';

/**
 * Who publishes the site and its pages (`/api/v1/site`), for the header and
 * the footer: read once for the whole visit (api/queries.ts).
 */
function useSite() {
  return useQuery('/api/v1/site', {}).data;
}

/** The owning body's logo, when one is configured; its name is always written beside it. */
function OwnerLogo({ site, class: className }: { site: ReturnType<typeof useSite>; class: string }) {
  return site?.owner.logo ? <img class={className} src="/api/v1/site/logo" alt="" /> : null;
}

/**
 * On every page, a signed-in person whose account waits to be deleted is
 * told when, with the way to keep it; otherwise, where the site sends
 * e-mail, one whose address is not confirmed is asked to confirm it.
 */
function AccountNotice() {
  const { me } = useSession();
  const site = useSite();
  return me?.deletion_due_at ? <DeletionBanner due={me.deletion_due_at} /> : me && site?.email && !me.email_confirmed ? <ConfirmBanner /> : null;
}

function Header() {
  const { me, restoring } = useSession();
  const site = useSite();
  const current = lang();
  const other: Lang = current === 'it' ? 'en' : 'it';
  return (
    <header class="it-header-wrapper">
      <div class="it-header-slim-wrapper">
        <div class="container">
          <div class="it-header-slim-wrapper-content">
            {site?.owner.url ? (
              <a class="navbar-brand" href={site.owner.url}>
                <OwnerLogo site={site} class="owner-logo-slim" />
                <Content>{site.owner.name}</Content>
              </a>
            ) : (
              <span class="navbar-brand">
                <OwnerLogo site={site} class="owner-logo-slim" />
                {site && <Content>{site.owner.name}</Content>}
              </span>
            )}
            <div class="it-header-slim-right-zone gap-3">
              <button type="button" class="slim-link" lang={other} onClick={() => setLang(other)}>
                {t('lang.switch')}
              </button>
              {me ? (
                <>
                  <Bell />
                  <a class="slim-link" href={href('profile')}>
                    {me.display_name}
                  </a>
                  <button
                    type="button"
                    class="slim-link"
                    onClick={async () => {
                      await api.logout().catch(() => undefined);
                      announce(t('auth.signedOut'));
                      navigate('/');
                    }}
                  >
                    {t('nav.signOut')}
                  </button>
                </>
              ) : restoring ? null : (
                <>
                  <a class="slim-link" href={href('signIn')}>
                    {t('nav.signIn')}
                  </a>
                  <a class="slim-link" href={href('signUp')}>
                    {t('nav.signUp')}
                  </a>
                </>
              )}
            </div>
          </div>
        </div>
      </div>
      <div class="it-nav-wrapper">
        <div class="it-header-center-wrapper">
          <div class="container">
            <div class="it-header-center-content-wrapper">
              <div class="it-brand-wrapper">
                <a href="/">
                  <div class="it-brand-text">
                    <div class="it-brand-title">{t('app.name')}</div>
                    <div class="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                  </div>
                </a>
              </div>
            </div>
          </div>
        </div>
        <nav class="app-nav" aria-label={t('nav.main')}>
          <div class="container">
            <ul>
              <li>
                <a href="/">{t('nav.home')}</a>
              </li>
              <li>
                <a href={href('newProposal')}>{t('nav.new')}</a>
              </li>
              <li>
                <a href={href('audit')}>{t('nav.audit')}</a>
              </li>
              {isStaff(me) && (
                <li>
                  <a href={href('staffAmendments')}>{t('nav.staff')}</a>
                </li>
              )}
            </ul>
          </div>
        </nav>
      </div>
    </header>
  );
}

/**
 * The footer of the Designers Italia pattern: the owning body (logo, name,
 * its site and address), the platform's own links, and in the small prints
 * the pages the law asks of a public body's site (legal notes, privacy
 * notice, accessibility statement), by the titles they are published under.
 */
function Footer() {
  const site = useSite();
  const owner = site?.owner;
  return (
    <footer class="it-footer">
      <div class="it-footer-main">
        <div class="container">
          {owner && (
            <div class="it-brand-wrapper">
              <OwnerLogo site={site} class="owner-logo" />
              <div class="it-brand-text">
                <p class="it-brand-title">
                  <Content>{owner.name}</Content>
                </p>
              </div>
            </div>
          )}
          <div class="row py-4">
            <div class="col-md-4">
              <p class="h4 text-white">{t('app.name')}</p>
              <p>{t('footer.about')}</p>
            </div>
            {(owner?.url || owner?.email) && (
              <div class="col-md-4">
                <p class="h5 text-white">{t('footer.contacts')}</p>
                <ul class="footer-list">
                  {owner.url && (
                    <li>
                      <a href={owner.url}>{t('footer.ownerSite')}</a>
                    </li>
                  )}
                  {owner.email && (
                    <li>
                      <a href={`mailto:${owner.email}`}>{t('footer.ownerEmail', { email: owner.email })}</a>
                    </li>
                  )}
                </ul>
              </div>
            )}
            <div class="col-md-4">
              <p class="h5 text-white">{t('footer.links')}</p>
              <ul class="footer-list">
                <li>
                  <a href={href('audit')}>{t('footer.audit')}</a>
                </li>
                <li>
                  <a href="/api/openapi.json" target="_blank" rel="noopener">
                    {t('footer.api')}
                  </a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
      {site && (
        <div class="it-footer-small-prints">
          <div class="container">
            <nav aria-label={t('footer.legal')}>
              <ul class="it-footer-small-prints-list">
                {site.pages.map((p) => (
                  <li key={p.slug}>
                    <a href={href(sitePageRoute[p.slug])}>
                      <Content>{p.title}</Content>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      )}
    </footer>
  );
}

function NotFound() {
  return (
    <>
      <PageTitle title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageTitle>
      <p>{t('common.notFoundText')}</p>
      <a href="/">{t('common.backHome')}</a>
    </>
  );
}

/**
 * A screen that needs a session (own account, editors, staff console):
 * while a kept session is restored it shows "loading", never the "sign in"
 * it would show to someone anonymous.
 */
function NeedsSession({ children }: { children: ComponentChildren }) {
  const { restoring } = useSession();
  return restoring ? <Loading /> : <>{children}</>;
}

/**
 * The screen for the address, from the route table (routes.tsx): its chunk
 * (and the messages it needs) loaded on demand, its props from the address.
 * A screen bound to an address parameter is keyed by it: going from one
 * proposal (or space, amendment) straight to another mounts a fresh screen,
 * so nothing loaded or typed for the first carries over to the second.
 */
function Screen({ location }: { location: Location }) {
  const m = match(location.path);
  if (!m) return <NotFound />;
  const route: RouteEntry = routes[m.name];
  const at = { params: m.params, query: location.query };
  return (
    <Lazy
      key={`${m.name} ${JSON.stringify(m.params)}`}
      id={m.name}
      load={() => loadScreen(m.name)}
      render={(module) => (route.session ? <NeedsSession>{route.view(module, at)}</NeedsSession> : route.view(module, at))}
    />
  );
}

export function App() {
  useLang();
  const location = useLocation();
  const first = useRef(true);
  // After a navigation, focus goes to the new page's title (or main) so
  // keyboard and screen-reader users start at the new content; at once
  // after the commit, before any key the user presses next is handled.
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The title of a page still loading takes the focus when it appears.
    const title = document.getElementById('page-title');
    if (title) title.focus();
    else {
      document.getElementById('main')?.focus();
      focusTitleWhenReady();
    }
  }, [location.path]);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} class="container my-4">
        <LiveRegion />
        <AccountNotice />
        <Screen location={location} />
      </main>
      <Footer />
    </>
  );
}
