// The version history as a timeline: who, when, what kind of change, from
// which amendment, each linked to its diff with the previous version.
import { api } from '../api/client';
import type { Page, Proposal, VersionSummary } from '../api/types';
import { t, formatDateTime, type Key } from '../i18n';
import { useLoad } from '../hooks';
import { href } from '../router';
import { Loading, PageTitle, ErrorPage } from '../components/ui';

export function Versions({ reference }: { reference: string }) {
  const base = `/api/v1/proposals/${encodeURIComponent(reference)}`;
  const data = useLoad(
    (signal) => Promise.all([api.get<Proposal>(base, undefined, signal), api.get<Page<VersionSummary>>(`${base}/versions`, { limit: 100 }, signal)]),
    [reference],
  );
  if (data.error) return <ErrorPage error={data.error} />;
  if (!data.data) return <Loading />;
  const [proposal, versions] = data.data;
  const items = [...versions.items].sort((a, b) => b.number - a.number);
  return (
    <>
      <p>
        <a href={href('proposal', { ref: proposal.reference })}><span aria-hidden="true">{t('common.backArrow')}</span> {t('versions.back')}</a>
      </p>
      <PageTitle title={t('versions.title', { title: proposal.title })}>{t('versions.title', { title: proposal.title })}</PageTitle>
      <h2 class="h4">{t('versions.heading')}</h2>
      <div class="it-timeline-wrapper">
        <ol class="row list-unstyled version-timeline-bi">
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
                    {v.summary && <p class="mb-1">{v.summary}</p>}
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
      <p>
        <a href={href('verify', { ref: proposal.reference })}>{t('proposal.verify')}</a>
      </p>
    </>
  );
}
