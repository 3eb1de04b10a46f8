// The public audit log, newest first, with "load more", and the result of
// re-checking its hash chain.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AuditEntry, Page } from '../api/types';
import type { Schemas } from '../api/client';
import { t, has, formatDateTime, formatNumber } from '../i18n';
import { useLoad } from '../hooks';
import { href } from '../router';
import { Loading, PageTitle, ErrorPage } from '../components/ui';

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
  const data = useLoad(
    (signal) =>
      Promise.all([
        api.get<Page<AuditEntry>>('/api/v1/audit', { space, limit: 50 }, signal),
        api.get<Schemas['AuditChainReport']>('/api/v1/audit/verify', undefined, signal),
      ]),
    [space],
  );
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  if (data.error) return <ErrorPage error={data.error} />;
  if (!data.data) return <Loading />;
  const [page, report] = data.data;
  const cursor = next === undefined ? page.next_cursor : next;
  const items = [...page.items, ...more];
  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <p>{t('audit.intro')}</p>
      <section aria-labelledby="audit-verify" class={`alert ${report.valid ? 'alert-success' : 'alert-danger'}`}>
        <h2 id="audit-verify" class="h5">
          {t('audit.verifyTitle')}
        </h2>
        <p class="mb-0">{report.valid ? t('verify.auditIntact', { n: report.entries }) : t('verify.auditBroken', { n: report.first_invalid ?? 0 })}</p>
      </section>
      {items.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <div class="table-responsive">
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
      {cursor && (
        <button
          type="button"
          class="btn btn-outline-primary btn-sm"
          onClick={async () => {
            const p = await api.get<Page<AuditEntry>>('/api/v1/audit', { space, limit: 50, cursor }).catch(() => null);
            if (!p) return;
            setMore((m) => [...m, ...p.items]);
            setNext(p.next_cursor ?? null);
          }}
        >
          {t('common.loadMore')}
        </button>
      )}
    </>
  );
}
