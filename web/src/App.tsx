// The frame (header slim + center, navigation, footer, live region) and the
// screen for the current address (from the route table, routes.tsx).
import { useLayoutEffect, useRef } from 'preact/hooks';
import { api } from './api/client';
import { t, setLang, lang, type Lang } from './i18n';
import { useLang, useSession } from './hooks';
import { isStaff } from './policy';
import { href, loadScreen, match, navigate, routes, useLocation, type Location } from './router';
import type { Screen as RouteEntry } from './routes';
import type { ComponentChildren } from 'preact';
import { LiveRegion, announce, PageTitle, focusTitleWhenReady, Loading } from './components/ui';
import { Lazy } from './components/Lazy';

function Header() {
  const { me, restoring } = useSession();
  const current = lang();
  const other: Lang = current === 'it' ? 'en' : 'it';
  return (
    <header class="it-header-wrapper">
      <div class="it-header-slim-wrapper">
        <div class="container">
          <div class="it-header-slim-wrapper-content">
            <span class="navbar-brand">{t('app.owner')}</span>
            <div class="it-header-slim-right-zone gap-3">
              <button type="button" class="slim-link" lang={other} onClick={() => setLang(other)}>
                {t('lang.switch')}
              </button>
              {me ? (
                <>
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

function Footer() {
  return (
    <footer class="it-footer">
      <div class="it-footer-main">
        <div class="container">
          <div class="row py-4">
            <div class="col-md-8">
              <p class="h4 text-white">{t('app.name')}</p>
              <p>{t('footer.about')}</p>
            </div>
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
        <Screen location={location} />
      </main>
      <Footer />
    </>
  );
}
