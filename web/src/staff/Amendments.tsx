// The amendment queue, oldest first (or newest), of all proposals or one
// (the filters in the address: `proposta`, `ordine`): each row with the
// proposal, the mergeability, the diff expandable in place, accept, reject
// (reason required) and, for a conflict, an editor for the final text
// prefilled with the merge.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Amendment, MergeSegment as Segment, QueueItem } from '../api/types';
import { contentLang, fieldMessage, t, formatDate, type Key } from '../i18n';
import { useSubmit } from '../hooks';
import { href } from '../router';
import { DiffView, ExcerptView } from '../components/Diff';
import { announce, ErrorAlert, personName } from '../components/ui';
import { StaffFrame } from './Frame';
import { QueueFilters, SORTS, SortChoice, StaffQueue, useFilters } from './Queue';
import { Confirm } from './Confirm';
import { ConflictColumns } from '../components/Conflict';

/** The merged text with each conflict taken from the chosen side. */
export function mergeText(segments: Segment[], choices: Record<number, 'current' | 'proposed'>): string {
  return segments.map((s, i) => (s.kind === 'agreed' ? s.text : s[choices[i] ?? 'proposed'])).join('');
}

function Resolve({ amendment, onDone }: { amendment: Amendment; onDone: (version: number) => void }) {
  const preview = amendment.merged_preview;
  const [choices, setChoices] = useState<Record<'title' | 'body', Record<number, 'current' | 'proposed'>>>({ title: {}, body: {} });
  const [title, setTitle] = useState(() => mergeText(preview?.title_segments ?? [], {}));
  const [body, setBody] = useState(() => mergeText(preview?.body_segments ?? [], {}));
  const { error, submit } = useSubmit(async () => {
    const r = await api.post('/api/v1/moderation/amendments/{id}/accept', { path: { id: amendment.id }, body: { title, body } });
    onDone(r.version?.number ?? 0);
  });
  if (!preview) return null;
  const segments = { title: preview.title_segments, body: preview.body_segments };
  const choose = (field: 'title' | 'body', index: number, side: 'current' | 'proposed') => {
    const next = { ...choices[field], [index]: side };
    setChoices({ ...choices, [field]: next });
    (field === 'title' ? setTitle : setBody)(mergeText(segments[field], next));
  };
  let n = 0;
  const conflicts = (['title', 'body'] as const).flatMap((field) => segments[field].flatMap((s, i) => (s.kind === 'conflict' ? [{ field, i, s, n: ++n }] : [])));
  const id = amendment.id;
  return (
    <form class="card card-bg p-3 my-3" onSubmit={submit}>
      <h3 class="h5">{t('staff.resolveTitle')}</h3>
      <p>{t('staff.resolveIntro')}</p>
      {conflicts.map(({ field, i, s, n }) =>
        s.kind === 'conflict' ? (
          <fieldset key={`${field}-${i}`} class="mb-3">
            <legend class="h6">{t('staff.conflictN', { n })}</legend>
            <ConflictColumns conflict={s} />
            <div class="d-flex flex-wrap gap-2 mt-2">
              <button type="button" class="btn btn-outline-primary btn-sm" onClick={() => choose(field, i, 'current')}>
                {t('staff.useCurrent')}
              </button>
              <button type="button" class="btn btn-outline-primary btn-sm" onClick={() => choose(field, i, 'proposed')}>
                {t('staff.useProposed')}
              </button>
            </div>
          </fieldset>
        ) : null,
      )}
      <ErrorAlert error={error} />
      <div class="form-group mb-3">
        <label for={`final-title-${id}`} class="form-label active">
          {t('staff.finalTitle')}
        </label>
        <input id={`final-title-${id}`} class="form-control" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="form-group mb-3">
        <label for={`final-body-${id}`} class="form-label active">
          {t('staff.finalBody')}
        </label>
        <textarea id={`final-body-${id}`} class="form-control" rows={10} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </div>
      <button type="submit" class="btn btn-primary">
        {t('staff.acceptResolved')}
      </button>
    </form>
  );
}

function Row({ item, onDecided }: { item: QueueItem; onDecided: () => void }) {
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<Amendment | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [resolving, setResolving] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const load = async () => {
    const a = await api.get('/api/v1/amendments/{id}', { path: { id: item.id } });
    setDetail(a);
    return a;
  };
  const toggle = async () => {
    if (!open && !detail) await load().catch((e) => setLoadError(e as ApiError));
    setOpen(!open);
  };
  // A plain acceptance that meets a conflict opens the editor for the
  // final text instead of failing.
  const { error, run: decide } = useSubmit(async (decision: 'accept' | 'reject', note?: string) => {
    if (decision === 'reject') {
      await api.post('/api/v1/moderation/amendments/{id}/reject', { path: { id: item.id }, body: { reason } });
      announce(t('staff.rejected'));
      onDecided();
      return;
    }
    try {
      const r = await api.post('/api/v1/moderation/amendments/{id}/accept', { path: { id: item.id }, body: { note } });
      announce(t('staff.accepted', { n: r.version?.number ?? 0 }));
      onDecided();
    } catch (e) {
      if ((e as ApiError).code !== 'merge_conflict') throw e;
      await load();
      setOpen(true);
      setResolving(true);
    }
  });
  const merge = item.mergeability ?? 'up_to_date';
  return (
    <li class="card card-bg mb-3 staff-row" id={`emendamento-${item.id}`} tabIndex={-1}>
      <div class="card-body">
        <div class="d-flex flex-wrap gap-2 align-items-center mb-1">
          <span class="ref-code">{item.proposal_reference}</span>
          <span class={`badge ${merge === 'conflict' ? 'bg-warning' : 'bg-success'}`}>{t(`amendment.merge.${merge}` as Key)}</span>
        </div>
        <h2 class="h5">
          <a href={href('amendment', { id: item.id })} lang={contentLang()}>
            {item.title}
          </a>
        </h2>
        <p class="small mb-2">
          {/* The proposal's title only where the amendment proposes another: the heading already says it. */}
          {item.proposal_title !== item.title && (
            <>
              <span lang={contentLang()}>{item.proposal_title}</span>
              {t('common.separator')}
            </>
          )}
          {t('common.by', { name: personName(item.author_nickname) })}{t('common.separator')}{t('amendments.onVersion', { n: item.base_version })}{t('common.separator')}
          {formatDate(item.created_at)}
        </p>
        {item.excerpt && (
          <div class="mb-2">
            <ExcerptView excerpt={item.excerpt} />
          </div>
        )}
        <ErrorAlert error={error ?? loadError} />
        <div class="d-flex flex-wrap gap-2">
          <button type="button" class="btn btn-outline-primary btn-sm" aria-expanded={open} onClick={toggle}>
            {open ? t('staff.hideDiff') : t('staff.showDiff')}
          </button>
          <Confirm id={`accept-${item.id}`} label={t('staff.accept')} confirm={t('staff.confirmAccept')} withNote onConfirm={(note) => decide('accept', note)} />
          <button type="button" class="btn btn-outline-danger btn-sm" aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>
            {t('staff.reject')}
          </button>
        </div>
        {rejecting && (
          <form
            class="mt-3"
            onSubmit={(e) => {
              e.preventDefault();
              void decide('reject');
            }}
          >
            <div class="form-group mb-2">
              <label for={`reason-${item.id}`} class="form-label active">
                {t('staff.rejectReason')}
              </label>
              <textarea id={`reason-${item.id}`} class="form-control" rows={2} required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </div>
            <button type="submit" class="btn btn-danger btn-sm" disabled={!reason.trim()}>
              {t('staff.confirmReject')}
            </button>
          </form>
        )}
        {open && detail && (
          <div class="mt-3 diff">
            <DiffView ops={detail.diff.title.ops} layout="inline" label={t('diff.titleField')} />
            <DiffView ops={detail.diff.body.ops} layout="inline" label={t('diff.bodyField')} />
          </div>
        )}
        {(resolving || (open && detail?.mergeability === 'conflict')) && detail && (
          <Resolve
            amendment={detail}
            onDone={(n) => {
              announce(t('staff.accepted', { n }));
              onDecided();
            }}
          />
        )}
      </div>
    </li>
  );
}

export function StaffAmendments({ query }: { query: URLSearchParams }) {
  const filters = useFilters(query, { proposta: '', ordine: SORTS[0] });
  const { proposta, ordine } = filters.values;
  // A proposal the server could not read as one is marked at its field.
  const [refused, setRefused] = useState<ApiError | null>(null);
  const wrong = refused?.fieldCode('proposal');
  // A decided amendment leaves the queue, and the others may now conflict.
  return (
    <StaffFrame current="staffAmendments">
      <QueueFilters label={t('staff.filterAmendments')} filters={filters}>
        <div class="col-sm-8 col-lg-6">
          <label for="amendment-proposal" class="form-label active">
            {t('staff.proposalFilter')}
          </label>
          <input
            id="amendment-proposal"
            name="proposta"
            class={`form-control${wrong ? ' is-invalid' : ''}`}
            value={filters.form.proposta}
            onInput={(e) => filters.set('proposta')(e.currentTarget.value)}
            aria-describedby={wrong && 'amendment-proposal-error'}
            aria-invalid={!!wrong || undefined}
            autocomplete="off"
            spellcheck={false}
          />
          {wrong && (
            <div id="amendment-proposal-error" class="invalid-feedback d-block">
              {fieldMessage(wrong)}
            </div>
          )}
        </div>
        <SortChoice filters={filters} id="amendment-sort" />
      </QueueFilters>
      <StaffQueue<QueueItem>
        load={(cursor, signal) => api.get('/api/v1/moderation/amendments', { query: { proposal: proposta || undefined, sort: ordine as 'oldest', limit: 20, cursor }, signal })}
        deps={[proposta, ordine]}
        sayCount
        onError={setRefused}
        listId="amendment-queue"
        rowPrefix="emendamento"
        label={t('staff.amendments')}
        empty={t('staff.queueEmpty')}
        more={t('staff.moreAmendments')}
        row={(item, decided) => <Row item={item} onDecided={decided} />}
      />
    </StaffFrame>
  );
}
