// The public audit log, newest first, with "load more", and the result of
// re-checking its hash chain; and one entry at its own address
// (`/registro/:id`), said in the same words as its row
// (components/AuditEntry.tsx). A list rather than a table: on a 320 px
// phone every word stays in view.
import { api } from '../api/client';
import { readAuditSegment, verifyAuditChain } from '../api/chain';
import { t } from '../i18n';
import { useCached, usePages, useQuery } from '../hooks';
import { href } from '../router';
import { Breadcrumb, Loading, LoadMore, PageTitle, ErrorPage } from '../components/ui';
import { AuditEntryText, actionName } from '../components/AuditEntry';

export function Audit({ query }: { query: URLSearchParams }) {
  const space = query.get('spazio') ?? undefined;
  // The chain's verification covers the whole log: read once, not again
  // for each space chosen (nor for the proposal's verification page).
  const report = useCached(['audit', 'chain'], () => verifyAuditChain(readAuditSegment));
  const entries = usePages((cursor, signal) => api.get('/api/v1/audit', { query: { space, limit: 50, cursor }, signal }), [space], {
    key: (e) => e.id,
  });
  const error = report.error ?? (entries.loaded ? null : entries.error);
  if (error) return <ErrorPage error={error} />;
  if (!report.data || !entries.loaded) return <Loading />;
  const items = entries.items;
  const chain = report.data;
  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <section aria-labelledby="audit-verify" class={`alert ${chain.valid ? 'alert-success' : 'alert-danger'}`}>
        <h2 id="audit-verify" class="h5">
          {t('audit.verifyTitle')}
        </h2>
        <p class="mb-0">{chain.valid ? t('verify.auditIntact', { n: chain.entries }) : t('verify.auditBroken', { n: chain.first_invalid ?? 0 })}</p>
      </section>
      {items.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <ol class="audit-list" id="audit-list" tabIndex={-1} aria-label={t('audit.title')}>
          {items.map((e) => (
            <li key={e.id} class="audit-entry">
              <AuditEntryText entry={e} link />
            </li>
          ))}
        </ol>
      )}
      <LoadMore pages={entries} listId="audit-list" />
    </>
  );
}

/** One entry at its own address: the words of its row, under the log's title. */
export function AuditEntryPage({ id }: { id: string }) {
  const entry = useQuery('/api/v1/audit/{id}', { path: { id } });
  if (entry.error) return <ErrorPage error={entry.error} />;
  if (!entry.data) return <Loading />;
  const e = entry.data;
  return (
    <>
      <Breadcrumb items={[{ label: t('audit.title'), href: href('audit') }, { label: t('audit.entryTitle') }]} />
      <PageTitle title={t('audit.detail', { name: t('audit.entryTitle'), value: actionName(e.action) })}>{t('audit.entryTitle')}</PageTitle>
      <div class="audit-entry mb-4">
        <AuditEntryText entry={e} />
      </div>
      <a class="back-link" href={href('audit')}>
        {t('audit.backToLog')}
      </a>
    </>
  );
}
