// The version history as a timeline, oldest first (the API's order, read
// page by page): who, when, what kind of change, from which amendment, each
// linked to its text and to its diff with the previous version; and one
// version read whole, with links to its neighbours.
import { api, ApiError } from '../api/client';
import type { VersionSummary } from '../api/types';
import { contentLang, t, formatDateTime, type Key } from '../i18n';
import { usePages, useQuery } from '../hooks';
import { keyOf } from '../api/queries';
import { href } from '../router';
import { renderMarkdown } from '../markdown';
import { Loading, LoadMore, PageTitle, ErrorPage, BackToProposal, tContent, personName } from '../components/ui';

/**
 * Who made a version, how and when; `linked`: the kind of change links the
 * amendment the version came from.
 */
function VersionMeta({ v, linked }: { v: VersionSummary; linked?: boolean }) {
  const kind = <strong>{t(`versions.kind.${v.kind}` as Key)}</strong>;
  return (
    <p class="mb-1">
      {linked && v.amendment_id ? <a href={href('amendment', { id: v.amendment_id })}>{kind}</a> : kind}
      {t('common.separator')}{t('versions.by', { name: personName(v.editor_nickname) })}{t('common.separator')}
      {v.rewritten_by_nickname && (
        <>
          {t('versions.rewrittenBy', { name: personName(v.rewritten_by_nickname) })}
          {t('common.separator')}
        </>
      )}
      <time dateTime={v.created_at}>{formatDateTime(v.created_at)}</time>
    </p>
  );
}

/** "(Versione n)" for screen readers, after a link whose words each entry repeats. */
function Which({ n }: { n: number }) {
  return <span class="visually-hidden"> ({t('versions.entry', { n })})</span>;
}

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
                    <VersionMeta v={v} />
                    {v.erased_at && <p class="mb-1">{t('version.erased', { date: formatDateTime(v.erased_at) })}</p>}
                    {v.summary && (
                      <p class="mb-1" lang={contentLang()}>
                        {v.summary}
                      </p>
                    )}
                    <p class="mb-0 d-flex flex-wrap gap-3">
                      <a href={href('version', { ref: proposal.reference, n: String(v.number) })}>
                        {t('versions.read')}
                        <Which n={v.number} />
                      </a>
                      {v.amendment_id && <a href={href('amendment', { id: v.amendment_id })}>{t('versions.fromAmendment')}</a>}
                      {v.number > 1 && (
                        <a href={href('compare', { ref: proposal.reference }, { da: v.number - 1, a: v.number })}>
                          {t('versions.compareWithPrevious')}
                          <Which n={v.number} />
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

/** A version number as an address writes it (1 to 999,999,999); anything else is not a version. */
const NUMBER = /^[1-9]\d{0,8}$/;

/**
 * One version read whole: its title, who made it, how and when, the
 * authors' note and the text, with links to the proposal, the history,
 * the versions before and after it and its diff with the previous one.
 */
export function Version({ reference, n: given }: { reference: string; n: string }) {
  const n = NUMBER.test(given) ? Number(given) : 0;
  const path = { id: reference };
  // The proposal (for its reference and current version) and the version, in parallel.
  const data = useQuery('/api/v1/proposals/{id}', n ? { path } : null);
  const version = useQuery('/api/v1/proposals/{id}/versions/{n}', n ? { path: { id: reference, n } } : null);
  const error = n ? (data.error ?? version.error) : new ApiError(404, 'not_found');
  if (error) return <ErrorPage error={error} />;
  if (!data.data || !version.data) return <Loading />;
  const ref = data.data.reference;
  const last = data.data.current_version;
  const v = version.data;
  const at = (k: number) => href('version', { ref, n: String(k) });
  return (
    <>
      <p>
        <BackToProposal reference={ref} label={t('versions.back')} />
        {t('common.separator')}
        <a href={href('versions', { ref })}>{t('proposal.seeVersions')}</a>
      </p>
      <PageTitle title={`${t('versions.entry', { n })}: ${v.title || t('version.erasedTitle')}`} lang={contentLang()}>
        {v.title || t('version.erasedTitle')}
      </PageTitle>
      <p class="version-badge">
        <span class="badge bg-secondary">{t('proposal.versionBadge', { n, total: last })}</span>
        {n === last && `${t('common.separator')}${t('versions.current')}`}
      </p>
      <div class="row">
        <div class="col-lg-8">
          {n !== last && (
            <p class="alert alert-info">
              {t('version.old', { n: last })} <a href={href('proposal', { ref })}>{t('version.readCurrent')}</a>
            </p>
          )}
          <VersionMeta v={v} linked />
          {v.erased_at && (
            <p class="alert alert-warning" role="note">
              {t('version.erased', { date: formatDateTime(v.erased_at) })}
            </p>
          )}
          {v.summary && <p class="mb-1">{tContent('version.summary', { summary: v.summary })}</p>}
          <section aria-labelledby="text-title" class="my-4">
            <h2 id="text-title" class="visually-hidden">
              {t('proposal.text')}
            </h2>
            <div class="markdown proposal-text" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(v.body) }} />
          </section>
          <nav aria-label={t('versions.heading')}>
            <ul class="list-unstyled d-sm-flex flex-wrap gap-3">
              {n > 1 && (
                <li class="mb-2">
                  <a href={at(n - 1)} rel="prev">
                    {t('version.previous', { n: n - 1 })}
                  </a>
                </li>
              )}
              {n > 1 && (
                <li class="mb-2">
                  <a href={href('compare', { ref }, { da: n - 1, a: n })}>{t('versions.compareWithPrevious')}</a>
                </li>
              )}
              {n < last && (
                <li class="mb-2">
                  <a href={at(n + 1)} rel="next">
                    {t('version.next', { n: n + 1 })}
                  </a>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </div>
    </>
  );
}
