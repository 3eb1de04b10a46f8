// The public audit log, newest first, with "load more", and the result of
// re-checking its hash chain.
import { api } from '../api/client';
import { readAuditSegment, verifyAuditChain } from '../api/chain';
import { t, has, formatDateTime, formatNumber } from '../i18n';
import { useCached, usePages } from '../hooks';
import { href } from '../router';
import { Loading, LoadMore, PageTitle, ErrorPage } from '../components/ui';

/** A detail's value in words: yes/no, a state or role by its name, numbers localised. */
function value(v: string | number | boolean): string {
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (typeof v === 'number') return formatNumber(v);
  for (const key of [`state.${v}`, `profile.role.${v}`, `amendment.merge.${v}`]) if (has(key)) return t(key);
  return v;
}

/** An entry's details, each named from the catalogue (the reference is shown as a link). */
function details(d: unknown): string {
  if (!d || typeof d !== 'object') return '';
  return Object.entries(d as Record<string, unknown>)
    .filter(([k, v]) => v !== null && v !== undefined && typeof v !== 'object' && k !== 'reference' && k !== 'proposal_reference')
    .map(([k, v]) => {
      const field = `audit.field.${k}`;
      const name = has(field) ? t(field) : t('audit.field.other', { key: k });
      return t('audit.detail', { name, value: value(v as string | number | boolean) });
    })
    .join(t('common.separator'));
}

/** An action or a kind by its name; one the catalogue does not know yet, said as such. */
function actionName(action: string): string {
  const key = `audit.action.${action}`;
  return has(key) ? t(key) : t('audit.action.other', { code: action });
}

function kindName(kind: string): string {
  const key = `audit.kind.${kind}`;
  return has(key) ? t(key) : t('audit.kind.other', { kind });
}

/** The proposal an entry is about, when its details name one. */
function reference(d: unknown): string | null {
  const r = d && typeof d === 'object' ? (d as Record<string, unknown>).proposal_reference ?? (d as Record<string, unknown>).reference : null;
  return typeof r === 'string' ? r : null;
}

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
        <div class="table-responsive" id="audit-list" tabIndex={-1}>
          <table class="table audit-table">
            <caption class="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.created_at}>{formatDateTime(e.created_at)}</time>
                  </td>
                  <td>{actionName(e.action)}</td>
                  <td>{kindName(e.target_kind)}</td>
                  <td class="small">
                    {reference(e.details) && (
                      <a class="d-block" href={href('proposal', { ref: reference(e.details)! })}>
                        {reference(e.details)}
                      </a>
                    )}
                    {details(e.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={entries} listId="audit-list" />
    </>
  );
}
