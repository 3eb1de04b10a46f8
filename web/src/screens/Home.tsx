// Home: the open processes (spaces) and the latest proposals.
import { api } from '../api/client';
import type { Page, ProposalSummary, Space } from '../api/types';
import { t } from '../i18n';
import { useLoad } from '../hooks';
import { href } from '../router';
import { ErrorAlert, Loading, PageTitle } from '../components/ui';
import { ProposalCards } from '../components/ProposalList';

export function Home() {
  const data = useLoad(
    (signal) =>
      Promise.all([
        api.get<Page<Space>>('/api/v1/spaces', { limit: 50 }, signal),
        api.get<Page<ProposalSummary>>('/api/v1/proposals', { limit: 6, sort: 'recent' }, signal),
      ]),
    [],
  );
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <p class="lead">{t('home.intro')}</p>
      <ErrorAlert error={data.error} />
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <section aria-labelledby="spaces-title" class="mb-5">
            <h2 id="spaces-title">{t('home.spaces')}</h2>
            {data.data[0].items.length === 0 ? (
              <p>{t('home.noSpaces')}</p>
            ) : (
              <ul class="list-unstyled row g-3">
                {data.data[0].items.map((s) => (
                  <li key={s.id} class="col-12 col-md-6 col-lg-4">
                    <article class="card card-bg h-100">
                      <div class="card-body">
                        <h3 class="card-title h5">
                          <a href={href('space', { slug: s.slug })}>{s.title}</a>
                        </h3>
                        <p class="card-text">{excerpt(s.description)}</p>
                      </div>
                    </article>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="latest-title">
            <h2 id="latest-title">{t('home.latest')}</h2>
            {data.data[1].items.length === 0 ? <p>{t('list.empty')}</p> : <ProposalCards items={data.data[1].items} />}
          </section>
        </>
      )}
    </>
  );
}

/** The first sentence-ish of a Markdown description, as plain text. */
export function excerpt(markdown: string, max = 200): string {
  const plain = markdown.replace(/[#*_`>[\]()-]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
