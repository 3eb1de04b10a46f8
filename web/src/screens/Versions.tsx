// The version history as a timeline, oldest first (the API's order, read
// page by page): who, when, what kind of change, from which amendment, each
// linked to its diff with the previous version.
import { api } from '../api/client';
import { contentLang, t, formatDateTime, type Key } from '../i18n';
import { usePages, useQuery } from '../hooks';
import { keyOf } from '../api/queries';
import { href } from '../router';
import { Loading, LoadMore, PageTitle, ErrorPage, BackToProposal, tContent } from '../components/ui';

export function Versions({ reference }: { reference: string }) {
  const path = { id: reference };
  // The proposal and the first page of versions are read in parallel.
  const data = useQuery('/api/v1/proposals/{id}', { path });
  const versions = usePages((cursor, signal) => api.get('/api/v1/proposals/{id}/versions', { path, query: { limit: 50, cursor }, signal }), [reference], {
    watch: keyOf('/api/v1/proposals/{id}/versions', { path }),
    key: (v) => String(v.number),
  });
  if (data.error) return <ErrorPage error={data.error} />;
  if (!data.data || !versions.loaded) return versions.error ? <ErrorPage error={versions.error} /> : <Loading />;
  const proposal = data.data;
  const items = versions.items;
  return (
    <>
      <p>
        <BackToProposal reference={proposal.reference} label={t('versions.back')} />
      </p>
      <PageTitle title={t('versions.title', { title: proposal.title })}>{tContent('versions.title', { title: proposal.title })}</PageTitle>
      <h2 class="h4">{t('versions.heading')}</h2>
      <div class="it-timeline-wrapper">
        <ol class="row list-unstyled version-timeline-bi" id="version-list" tabIndex={-1}>
          {items.map((v) => (
            <li key={v.number} class="col-12 version-item">
              <div class="timeline-element">
                <h3 class={`it-pin-wrapper${v.number === proposal.current_version ? ' it-now' : ''}`}>
                  <div class="pin-icon" aria-hidden="true" />
                  <div class="pin-text">
                    <span>
                      {t('versions.entry', { n: v.number })}
                      {v.number === proposal.current_version && `${t('common.separator')}${t('versions.current')}`}
                    </span>
                  </div>
                </h3>
                <div class="card card-bg">
                  <div class="card-body">
                    <p class="mb-1">
                      <strong>{t(`versions.kind.${v.kind}` as Key)}</strong>{t('common.separator')}{t('versions.by', { name: v.editor_nickname })}{t('common.separator')}
                      <time dateTime={v.created_at}>{formatDateTime(v.created_at)}</time>
                    </p>
                    {v.summary && (
                      <p class="mb-1" lang={contentLang()}>
                        {v.summary}
                      </p>
                    )}
                    <p class="mb-0 d-flex flex-wrap gap-3">
                      {v.amendment_id && <a href={href('amendment', { id: v.amendment_id })}>{t('versions.fromAmendment')}</a>}
                      {v.number > 1 && (
                        <a href={href('compare', { ref: proposal.reference }, { da: v.number - 1, a: v.number })}>
                          {t('versions.compareWithPrevious')}
                          <span class="visually-hidden"> ({t('versions.entry', { n: v.number })})</span>
                        </a>
                      )}
                    </p>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ol>
      </div>
      <div class="mb-4">
        <LoadMore pages={versions} listId="version-list" label={t('versions.more')} />
      </div>
      <p>
        <a href={href('verify', { ref: proposal.reference })}>{t('proposal.verify')}</a>
      </p>
    </>
  );
}
