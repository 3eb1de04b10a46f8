// The public audit log, newest first, with "load more", filters by kind of
// action and by proposal (kept in the address: `?tipo=…&proposta=…`), and
// the result of re-checking its hash chain; and one entry at its own
// address (`/registro/:id`), said in the same words as its row
// (components/AuditEntry.tsx). A list rather than a table: on a 320 px
// phone every word stays in view.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { readAuditSegment, verifyAuditChain } from '../api/chain';
import type { AuditAction } from '../api/types';
import { t } from '../i18n';
import { useCached, usePages, useQuery } from '../hooks';
import { href, setQuery } from '../router';
import { announce, Breadcrumb, ErrorAlert, Field, Loading, LoadMore, PageTitle, ErrorPage } from '../components/ui';
import { AuditEntryText, actionName } from '../components/AuditEntry';

/** The kinds of entry a reader may choose, by what they are about, each subject in the order things happen. */
const KINDS = [
  'proposal.created', 'proposal.edited', 'proposal.filed', 'proposal.answered', 'proposal.withdrawn', 'version.erased',
  'amendment.created', 'amendment.accepted', 'amendment.rejected', 'amendment.withdrawn', 'amendment.promoted',
  'comment.created', 'comment.edited', 'comment.deleted', 'comment.voted',
  'report.created', 'content.hidden', 'content.unhidden', 'reports.upheld', 'reports.dismissed',
  'user.registered', 'user.verified', 'user.blocked', 'user.unblocked', 'role.granted', 'role.revoked', 'account.deleted',
  'space.created', 'space.updated', 'page.edited',
] as const satisfies readonly AuditAction[];
type Listed<T extends true> = T;
/** A kind the API adds and the list above lacks fails the type check here. */
export type EveryKindListed = Listed<[Exclude<AuditAction, (typeof KINDS)[number]>] extends [never] ? true : false>;

export function Audit({ query }: { query: URLSearchParams }) {
  const space = query.get('spazio') ?? undefined;
  const action = query.get('tipo') ?? '';
  const proposal = query.get('proposta') ?? '';
  const [fAction, setFAction] = useState(action);
  const [fProposal, setFProposal] = useState(proposal);
  // Back, forward and a link change the address: the form follows it.
  useEffect(() => {
    setFAction(action);
    setFProposal(proposal);
  }, [action, proposal]);
  // The chain's verification covers the whole log: read once, not again
  // for each filter chosen (nor for the proposal's verification page).
  const report = useCached(['audit', 'chain'], () => verifyAuditChain(readAuditSegment));
  // The address may hold any value: it is sent as it is, and the server's refusal is shown at its field.
  const entries = usePages(
    (cursor, signal) =>
      api.get('/api/v1/audit', { query: { space, action: (action || undefined) as AuditAction | undefined, proposal: proposal || undefined, limit: 50, cursor }, signal }),
    [space, action, proposal],
    { key: (e) => e.id },
  );
  const filtered = !!(action || proposal);
  const items = entries.items;
  const found = entries.loaded && filtered ? (items.length ? t(entries.more ? 'audit.countMore' : 'audit.count', { n: items.length }) : t('audit.noneFound')) : '';
  // After the filters change, what they found is said once the list is in.
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current && entries.loaded) {
      applied.current = false;
      if (found) announce(found);
    }
  }, [entries.loaded]);
  if (report.error) return <ErrorPage error={report.error} />;
  if (!report.data) return <Loading />;
  const chain = report.data;
  const failed = entries.loaded ? null : entries.error;
  // A proposal the reader may not see (or none has this reference) is said at its field.
  const error = failed?.code === 'not_found' && proposal ? new ApiError(404, 'not_found', [{ field: 'proposal', code: 'not_found', message: '' }]) : failed;
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
      <form
        class="audit-filters"
        aria-label={t('audit.filter')}
        onSubmit={(e) => {
          e.preventDefault();
          applied.current = true;
          setQuery({ tipo: fAction, proposta: fProposal.trim().toUpperCase() });
        }}
      >
        <Field id="f-action" label={t('audit.filterAction')} error={error} field="action">
          {(describedBy, invalid) => (
            <select id="f-action" name="tipo" class={`form-control${invalid ? ' is-invalid' : ''}`} value={fAction} onChange={(e) => setFAction(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid}>
              <option value="">{t('filter.any')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {actionName(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="f-proposal" label={t('audit.filterProposal')} hint={t('audit.filterProposalHint')} error={error} field="proposal">
          {(describedBy, invalid) => (
            <input id="f-proposal" name="proposta" type="text" class={`form-control${invalid ? ' is-invalid' : ''}`} value={fProposal} onInput={(e) => setFProposal(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid} spellcheck={false} />
          )}
        </Field>
        <button type="submit" class="btn btn-outline-primary">
          {t('filter.apply')}
        </button>
      </form>
      {error ? (
        <ErrorAlert error={error} />
      ) : !entries.loaded ? (
        <Loading />
      ) : items.length === 0 && !filtered ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <>
          {filtered && (
            <p class="list-count">
              {found}
              {t('common.separator')}
              <a href={href('audit', {}, { spazio: space })}>{t('audit.backToLog')}</a>
            </p>
          )}
          {items.length > 0 && (
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
      )}
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
