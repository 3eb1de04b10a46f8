// Says in words whether a proposal's history (and the public log) is intact.
import { readAuditSegment, verifyAuditChain } from '../api/chain';
import { t } from '../i18n';
import { useCached, useQuery } from '../hooks';
import { href } from '../router';
import { Loading, PageTitle, ErrorPage, BackToProposal, Content } from '../components/ui';

export function Verify({ reference }: { reference: string }) {
  const path = { id: reference };
  // Three reads in parallel, each through the cache (the proposal is its
  // page's, the log's check the audit screen's).
  const proposal = useQuery('/api/v1/proposals/{id}', { path });
  const verified = useQuery('/api/v1/proposals/{id}/history/verify', { path });
  const chain = useCached(['audit', 'chain'], () => verifyAuditChain(readAuditSegment));
  const error = proposal.error ?? verified.error ?? chain.error;
  if (error) return <ErrorPage error={error} />;
  const [p, history, audit] = [proposal.data, verified.data, chain.data];
  if (!p || !history || !audit) return <Loading />;
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
      <p>{t('verify.explain')}</p>
      <h2 class="h4">{t('verify.audit')}</h2>
      <p class={audit.valid ? '' : 'text-danger fw-semibold'}>
        {audit.valid ? t('verify.auditIntact', { n: audit.entries }) : t('verify.auditBroken', { n: audit.first_invalid ?? 0 })}
      </p>
      <p>
        <a href={href('versions', { ref: p.reference })}>{t('proposal.seeVersions')}</a>{t('common.separator')}<a href={href('audit')}>{t('nav.audit')}</a>
      </p>
    </>
  );
}
