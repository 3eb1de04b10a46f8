// An amendment: its diff against its base, the rationale, its state and
// decision, and (while evaluated) whether it still applies to the current
// version, with the conflicts when it does not.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Amendment as A } from '../api/types';
import { ConflictColumns } from '../components/Conflict';
import { contentLang, t, formatDate, type Key } from '../i18n';
import { useQuery, useSession } from '../hooks';
import { href } from '../router';
import { renderMarkdown } from '../markdown';
import { DiffView } from '../components/Diff';
import { Comments } from '../components/Comments';
import { ReportButton } from '../components/Report';
import { announce, tContent, ErrorAlert, Loading, PageTitle, StateBadge, ErrorPage, BackToProposal, personName } from '../components/ui';
import * as may from '../policy';

type Segment = NonNullable<A['merged_preview']>['body_segments'][number];

const CONTEXT = 80;

/**
 * Each conflict with the text around it, as base, current and proposed.
 * The title's and the body's segments are read apart, so the text around
 * a conflict is always from its own field.
 */
export function Conflicts({ fields }: { fields: Segment[][] }) {
  const around = (segments: Segment[], i: number) => {
    const before = segments[i - 1];
    const after = segments[i + 1];
    const b = before?.kind === 'agreed' ? before.text : '';
    const f = after?.kind === 'agreed' ? after.text : '';
    return { before: (b.length > CONTEXT ? '…' : '') + b.slice(-CONTEXT), after: f.slice(0, CONTEXT) + (f.length > CONTEXT ? '…' : '') };
  };
  const conflicts = fields.flatMap((segments, f) => segments.flatMap((s, i) => (s.kind === 'conflict' ? [{ s, key: `${f}-${i}`, ...around(segments, i) }] : [])));
  if (conflicts.length === 0) return null;
  return (
    <>
      <h3 class="h5">{t('amendment.conflicts')}</h3>
      {conflicts.map(({ s, key, before, after }) =>
        s.kind === 'conflict' ? (
          <div key={key} class="mb-3">
            <ConflictColumns conflict={s} before={before} after={after} />
          </div>
        ) : null,
      )}
    </>
  );
}

export function Amendment({ id }: { id: string }) {
  const { me, restoring } = useSession();
  const data = useQuery('/api/v1/amendments/{id}', { path: { id } });
  const [error, setError] = useState<ApiError | null>(null);
  const [layout, setLayout] = useState<'inline' | 'side'>('inline');
  if (data.error) return <ErrorPage error={data.error} />;
  if (!data.data) return <Loading />;
  const a = data.data;
  const s = a;
  const withdraw = async () => {
    setError(null);
    try {
      await api.post('/api/v1/amendments/{id}/withdraw', { path: { id: s.id } });
      announce(t('amendment.withdrawn'));
      data.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const heading = t('amendment.title', { title: s.title });
  return (
    <>
      <p>
        <BackToProposal reference={a.proposal_reference} label={t('amendment.back')} />
      </p>
      <div class="d-flex flex-wrap gap-2 align-items-center mb-2">
        <StateBadge state={s.state} amendment />
        {s.hidden && <span class="badge bg-dark">{t('hidden.badge')}</span>}
        <span class="ref-code">{t('amendment.to', { ref: a.proposal_reference })}</span>
      </div>
      <PageTitle title={heading}>{tContent('amendment.title', { title: s.title })}</PageTitle>
      <p class="text-secondary">{t('amendment.author', { name: personName(s.author_nickname), date: formatDate(s.created_at), n: s.base_version })}</p>
      {s.decided_at && (
        <p>
          {t('amendment.decided', { date: formatDate(s.decided_at) })}
          {s.resulting_version ? `${t('common.separator')}${t('amendments.resulting', { n: s.resulting_version })}` : ''}
          {s.decision_reason && (
            <>
              {t('common.separator')}
              {tContent('amendments.reason', { reason: s.decision_reason })}
            </>
          )}
        </p>
      )}
      <ErrorAlert error={error} />
      <section aria-labelledby="am-rationale-title" class="mb-4">
        <h2 id="am-rationale-title" class="h4">
          {t('amendment.rationale')}
        </h2>
        <div class="markdown" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(a.rationale) }} />
      </section>
      {/* Whether it still applies matters only while it waits for a decision. */}
      {a.mergeability && s.state === 'evaluating' && (
        <section aria-labelledby="am-merge-title" class="mb-4">
          <h2 id="am-merge-title" class="h4">
            {t('amendment.mergeability', { n: a.current_version })}
          </h2>
          <p class={`alert ${a.mergeability === 'conflict' ? 'alert-warning' : 'alert-info'}`}>
            {t(`amendment.merge.${a.mergeability}` as Key)}
            {/* Staff who decide it resolve the conflicts themselves; not said while the session is still being restored either. */}
            {a.mergeability === 'conflict' && !restoring && !a.actions.reject && !may.isStaff(me) && ` ${t('amendment.merge.staffResolves')}`}
          </p>
          {a.merged_preview && <Conflicts fields={[a.merged_preview.title_segments, a.merged_preview.body_segments]} />}
        </section>
      )}
      <section aria-labelledby="am-changes-title" class="mb-4 diff">
        <h2 id="am-changes-title" class="h4">
          {t('amendment.changes')}
        </h2>
        <div class="btn-group mb-3" role="group" aria-label={t('diff.layout')}>
          <button type="button" class={`btn btn-sm ${layout === 'inline' ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={layout === 'inline'} onClick={() => setLayout('inline')}>
            {t('diff.inline')}
          </button>
          <button type="button" class={`btn btn-sm ${layout === 'side' ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={layout === 'side'} onClick={() => setLayout('side')}>
            {t('diff.sideBySide')}
          </button>
        </div>
        <DiffView ops={a.diff.title.ops} layout={layout} from={s.base_version} label={t('diff.titleField')} />
        <DiffView ops={a.diff.body.ops} layout={layout} from={s.base_version} label={t('diff.bodyField')} />
      </section>
      <div class="d-flex gap-3 mb-4">
        {may.canWithdrawAmendment(s, me) && (
          <button type="button" class="btn btn-outline-primary btn-sm" onClick={withdraw}>
            {t('amendment.withdraw')}
          </button>
        )}
        {may.canReportAmendment(s, me) && <ReportButton kind="amendment" id={s.id} />}
      </div>
      <Comments target={{ kind: 'amendment', id: s.id }} open={may.amendmentCommentsOpen(s, me)} returnTo={href('amendment', { id: s.id })} />
    </>
  );
}
