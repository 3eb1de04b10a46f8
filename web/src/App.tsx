// The frame (header slim + center, navigation, footer, live region) and the
// screen for the current address.
import { useEffect, useRef } from 'preact/hooks';
import { api } from './api/client';
import { t, setLang, lang, type Lang } from './i18n';
import { useLang, useSession, isStaff } from './hooks';
import { href, match, navigate, useLocation, type Location } from './router';
import type { ComponentChildren } from 'preact';
import { LiveRegion, announce, PageTitle, focusTitleWhenReady, Loading } from './components/ui';
import { Home } from './screens/Home';
import { Space } from './screens/Space';
import { Proposal } from './screens/Proposal';
import { Versions } from './screens/Versions';
import { Compare } from './screens/Compare';
import { Verify } from './screens/Verify';
import { ProposalEditor } from './screens/ProposalEditor';
import { AmendmentEditor } from './screens/AmendmentEditor';
import { Amendment } from './screens/Amendment';
import { Audit } from './screens/Audit';
import { SignIn, SignUp, Profile } from './screens/Auth';
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

function Screen({ location }: { location: Location }) {
  const m = match(location.path);
  if (!m) return <NotFound />;
  const p = m.params;
  const q = location.query;
  // Screens bound to an address parameter are keyed by it: going from one
  // proposal (or space, amendment) straight to another mounts a fresh screen,
  // so nothing loaded or typed for the first carries over to the second.
  switch (m.name) {
    case 'home':
      return <Home query={q} />;
    case 'space':
      return <Space key={p.slug} slug={p.slug} query={q} />;
    case 'proposal':
      return <Proposal key={p.ref} reference={p.ref} />;
    case 'versions':
      return <Versions key={p.ref} reference={p.ref} />;
    case 'compare':
      return <Compare key={p.ref} reference={p.ref} query={q} />;
    case 'verify':
      return <Verify key={p.ref} reference={p.ref} />;
    case 'newProposal':
      return (
        <NeedsSession>
          <ProposalEditor space={q.get('spazio') ?? undefined} />
        </NeedsSession>
      );
    case 'edit':
      return (
        <NeedsSession>
          <ProposalEditor key={p.ref} reference={p.ref} />
        </NeedsSession>
      );
    case 'amend':
      return (
        <NeedsSession>
          <AmendmentEditor key={p.ref} reference={p.ref} />
        </NeedsSession>
      );
    case 'amendment':
      return <Amendment key={p.id} id={p.id} />;
    case 'audit':
      return <Audit query={q} />;
    case 'signIn':
      return <SignIn next={q.get('da') ?? undefined} />;
    case 'signUp':
      return <SignUp next={q.get('da') ?? undefined} />;
    case 'profile':
      return (
        <NeedsSession>
          <Profile />
        </NeedsSession>
      );
    default:
      // The staff console is its own chunk: citizens never download it. It
      // is fetched while the session is restored.
      return m.name.startsWith('staff') ? (
        <Lazy load={() => import('./staff')} render={(staff) => <NeedsSession>{staff.staffScreen(m.name, q) ?? <NotFound />}</NeedsSession>} />
      ) : (
        <NotFound />
      );
  }
}

export function App() {
  useLang();
  const location = useLocation();
  const first = useRef(true);
  // After a navigation, focus goes to the new page's title (or main) so
  // keyboard and screen-reader users start at the new content.
  useEffect(() => {
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
