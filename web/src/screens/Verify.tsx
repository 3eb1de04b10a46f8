// Says in words whether a proposal's history (and the public log) is
// intact, and what was checked to say so: how many versions, when, and the
// chain itself, each version with its fingerprint (hash) and the one of the
// version before that it contains, so a reader can see what "intact" rests
// on and compare the fingerprints with a copy of their own.
import { useState } from 'preact/hooks';
import { readAuditSegment, verifyAuditChain } from '../api/chain';
import { t, tn, formatDate, formatDateTime } from '../i18n';
import { useCached, useQuery } from '../hooks';
import { href } from '../router';
import { Loading, PageTitle, ErrorPage, BackToProposal, Content } from '../components/ui';

/** A fingerprint as people compare it: its first 12 characters, the whole one on hover. */
function Hash({ value }: { value: string }) {
  return (
    <code class="hash" title={value}>
      {t('verify.short', { hash: value.slice(0, 12) })}
    </code>
  );
}

export function Verify({ reference }: { reference: string }) {
  const path = { id: reference };
  // Four reads in parallel, each through the cache (the proposal is its
  // page's, the log's check the audit screen's, the versions the
  // history's first page).
  const proposal = useQuery('/api/v1/proposals/{id}', { path });
  const verified = useQuery('/api/v1/proposals/{id}/history/verify', { path });
  const versions = useQuery('/api/v1/proposals/{id}/versions', { path, query: { limit: 50 } });
  const chain = useCached(['audit', 'chain'], () => verifyAuditChain(readAuditSegment));
  // When the check was asked for: the server re-computes it on every read.
  const [checkedAt] = useState(() => new Date());
  const error = proposal.error ?? verified.error ?? chain.error;
  if (error) return <ErrorPage error={error} />;
  const [p, history, audit] = [proposal.data, verified.data, chain.data];
  if (!p || !history || !audit) return <Loading />;
  const list = versions.data?.items ?? [];
  return (
    <>
      <p>
        <BackToProposal reference={p.reference} label={t('versions.back')} />
      </p>
      <PageTitle title={`${t('verify.title')}: ${p.title}`}>
        {t('verify.title')}: <Content>{p.title}</Content>
      </PageTitle>
      <div class={`alert ${history.valid ? 'alert-success' : 'alert-danger'}`} role="status">
        <p class="mb-0 fw-semibold">{history.valid ? t('verify.intact', { n: history.versions }) : t('verify.broken', { n: history.first_invalid ?? 0 })}</p>
      </div>
      <p>
        {tn('verify.what', history.versions)} {t('verify.checkedAt', { date: formatDateTime(checkedAt) })}
      </p>
      <p>{t('verify.explain')}</p>
      {list.length > 0 && (
        <section aria-labelledby="verify-chain" class="mb-4">
          <h2 id="verify-chain" class="h4">
            {t('verify.chainTitle')}
          </h2>
          <ol class="verify-chain list-unstyled">
            {list.map((v) => (
              <li key={v.number}>
                <strong>{t('diff.version', { n: v.number })}</strong>
                {t('common.separator')}
                {formatDate(v.created_at)}
                {t('common.separator')}
                {t('verify.hash')} <Hash value={v.content_hash} />
                {t('common.separator')}
                {v.previous_hash ? (
                  <>
                    {t('verify.previous', { n: v.number - 1 })} <Hash value={v.previous_hash} />
                  </>
                ) : (
                  t('verify.first')
                )}
              </li>
            ))}
          </ol>
          {versions.data?.next_cursor && <a href={href('versions', { ref: p.reference })}>{t('proposal.seeVersions')}</a>}
        </section>
      )}
      <h2 class="h4">{t('verify.audit')}</h2>
      <p class={audit.valid ? '' : 'text-danger fw-semibold'}>
        {audit.valid ? t('verify.auditIntact', { n: audit.entries }) : t('verify.auditBroken', { n: audit.first_invalid ?? 0 })}
      </p>
      {audit.valid && (
        <p>
          {t('verify.auditLast', { n: audit.tree_size })} <Hash value={audit.root_hash} />
        </p>
      )}
      <p>
        <a href={href('versions', { ref: p.reference })}>{t('proposal.seeVersions')}</a>
        {t('common.separator')}
        <a href={href('audit')}>{t('nav.audit')}</a>
      </p>
    </>
  );
}
