// Home: the open processes (spaces) and the latest proposals, read page by
// page; how many pages are shown is kept in the address (`?pagine=3`), so a
// reload or a shared link opens the same list.
import { api } from '../api/client';
import { contentLang, t } from '../i18n';
import { usePages, useQuery } from '../hooks';
import { href, setQuery } from '../router';
import { ErrorAlert, Loading, LoadMore, PageTitle } from '../components/ui';
import { ProposalCards } from '../components/ProposalList';

/** Proposals per page of the latest list. */
const LATEST = 10;
/** The most pages an address may ask for at once. */
const MAX_PAGES = 10;

export function Home({ query }: { query?: URLSearchParams }) {
  const spaces = useQuery('/api/v1/spaces', { query: { limit: 50 } });
  const asked = Math.trunc(Number(query?.get('pagine') ?? 1));
  const latest = usePages((cursor, signal) => api.get('/api/v1/proposals', { query: { limit: LATEST, sort: 'recent', cursor }, signal }), [], {
    pages: asked >= 1 ? Math.min(asked, MAX_PAGES) : 1,
    onPages: (n) => setQuery({ pagine: n > 1 ? n : null }),
    key: (p) => p.id,
  });
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <p class="lead">{t('home.intro')}</p>
      <ErrorAlert error={spaces.error} />
      {spaces.loading && !spaces.data && <Loading />}
      {spaces.data && (
        <section aria-labelledby="spaces-title" class="mb-5">
          <h2 id="spaces-title">{t('home.spaces')}</h2>
          {spaces.data.items.length === 0 ? (
            <p>{t('home.noSpaces')}</p>
          ) : (
            <ul class="list-unstyled row g-3">
              {spaces.data.items.map((s) => (
                <li key={s.id} class="col-12 col-md-6 col-lg-4">
                  <article class="card card-bg">
                    <div class="card-body">
                      <h3 class="card-title h5">
                        <a href={href('space', { slug: s.slug })} lang={contentLang()}>
                          {s.title}
                        </a>
                      </h3>
                      <p class="card-text" lang={contentLang()}>
                        {excerpt(s.description)}
                      </p>
                    </div>
                  </article>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {(spaces.data || spaces.error) && (
        <section aria-labelledby="latest-title">
          <h2 id="latest-title">{t('home.latest')}</h2>
          {!latest.loaded && <ErrorAlert error={latest.error} />}
          {!latest.loaded && !latest.error && <Loading />}
          {latest.loaded && latest.items.length === 0 && <p>{t('list.empty')}</p>}
          {latest.items.length > 0 && (
            <div id="latest-list" tabIndex={-1}>
              <ProposalCards items={latest.items} spaces={spaces.data?.items} />
            </div>
          )}
          <LoadMore pages={latest} listId="latest-list" label={t('home.more')} />
        </section>
      )}
    </>
  );
}

/** The first sentence-ish of a Markdown description, as plain text. */
export function excerpt(markdown: string, max = 200): string {
  const plain = markdown.replace(/[#*_`>[\]()-]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
