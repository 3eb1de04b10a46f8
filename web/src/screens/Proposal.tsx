// The proposal page, in the order of SPA.md: reference, state and space;
// title, version badge, dates and authors; the official answer; the text;
// supports; amendments; comments. Two requests in parallel, whatever the
// proposal holds: the proposal with its answers and the first page of its
// supporters and amendments (`include`; it brings its space's name and
// rules too, so every action is right at once), and its first comments.
// "Load more" goes on at each list's own address. The proposal is read
// through the cache, so its other screens (history, diff, editors) reuse
// it, and a change made here replaces it or reads it again.
import { keyOf, proposalChanged, proposalPageKey, readProposalPage } from '../api/queries';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Answer, Included, Proposal as P } from '../api/types';
import { contentLang, t, tn, formatDate, formatNumber, type Key } from '../i18n';
import { useCached, useMe, usePages, useQuery, useSession, useSubmit } from '../hooks';
import * as may from '../policy';
import { href } from '../router';
import { renderMarkdown } from '../markdown';
import { announce, tContent, Breadcrumb, ErrorAlert, Loading, LoadMore, PageTitle, StateBadge, ErrorPage, personName } from '../components/ui';
import { Comments } from '../components/Comments';
import { ExcerptView } from '../components/Diff';
import { ReportButton } from '../components/Report';
import { TopicFields } from '../components/TopicFields';
import { witness, type Witnessed } from '../api/witness';

/** `address`: what the page read the proposal by (its reference, or its id), where a change puts the new proposal. */
function SupportBox({ proposal, space, address }: { proposal: P; space: P['space']; address: string }) {
  const { me, restoring } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const threshold = space.settings.support_threshold ?? 0;
  const count = proposal.counters.supports;
  const mine = proposal.my_support;
  const noSupport = may.whyNoSupport(proposal, space, me);
  const returnTo = href('proposal', { ref: proposal.reference });
  // The button pressed is disabled while the request runs (Chromium then
  // drops the focus to the page) and is replaced when it is done: the focus
  // goes to the control that takes its place ("Sostieni" ↔ "Ritira il
  // sostegno"), or back to the same one after an error, once it is drawn.
  const focusNext = useRef<'support' | 'withdraw' | null>(null);
  useEffect(() => {
    const el = focusNext.current && !busy ? document.getElementById(`support-${focusNext.current}`) : null;
    if (el) {
      focusNext.current = null;
      el.focus();
    }
  });

  const act = async (method: 'PUT' | 'DELETE') => {
    setBusy(true);
    setError(null);
    focusNext.current = method === 'PUT' ? 'withdraw' : 'support';
    try {
      if (method === 'PUT') {
        const s = await api.put('/api/v1/proposals/{id}/support', { path: { id: proposal.id } });
        const fresh = {
          ...proposal,
          my_support: s.my_support,
          qualified_at: s.qualified_at,
          counters: { ...proposal.counters, supports: s.supports_count, supports_given: s.supports_given },
        };
        void proposalChanged(proposal, { fresh, parts: ['supporters'], address });
        announce(t('supports.given'));
      } else {
        await api.delete('/api/v1/proposals/{id}/support', { path: { id: proposal.id } });
        await proposalChanged(proposal, { parts: ['supporters'], address });
        announce(t('supports.withdrawn'));
      }
    } catch (e) {
      focusNext.current = method === 'PUT' ? 'support' : 'withdraw';
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="supports-title" class="card card-bg p-3 mb-4">
      <h2 id="supports-title" class="h4">
        {t('supports.title')}
      </h2>
      <p class="h5">{tn('supports.count', count)}</p>
      {threshold > 0 && (
        <div class="mb-3">
          <div class="progress" role="progressbar" aria-label={t('supports.progress')} aria-valuemin={0} aria-valuemax={threshold} aria-valuenow={Math.min(count, threshold)}>
            <div class="progress-bar" style={{ width: `${Math.min(100, (count / threshold) * 100)}%` }} />
          </div>
          <p class="small mt-1 mb-0">{t('supports.threshold', { n: formatNumber(count), threshold: formatNumber(threshold) })}</p>
        </div>
      )}
      {proposal.qualified_at && <p class="small">{t('supports.qualified', { date: formatDate(proposal.qualified_at) })}</p>}
      <ErrorAlert error={error} />
      {mine && (
        <div class="mb-2">
          {mine.version >= mine.current_version && <p class="mb-1">{t('supports.youSupport', { n: mine.version })}</p>}
          {mine.pending && <p class="small">{t('supports.pending', { n: space.settings.minimum_supports_per_user })}</p>}
          {mine.receipt?.pseudonym && (
            // What the supporter alone is shown of their support's log
            // entry: where it is, and the salt that ties its pseudonym to
            // them, to find and check it with any tool (docs/transparency-log.md).
            <details class="mb-2">
              <summary>{t('supports.receipt')}</summary>
              <p class="small mb-1">
                {mine.receipt.log_index != null ? t('supports.receiptEntry', { n: mine.receipt.log_index }) : t('witness.pending')} <code class="text-break">{mine.receipt.pseudonym}</code>
              </p>
              <p class="small mb-0">
                {t('supports.receiptSalt')} <code class="text-break">{mine.receipt.salt}</code>
              </p>
            </details>
          )}
          {mine.version < mine.current_version && (
            <p class="alert alert-info py-2">
              {t('supports.behind', { from: mine.version, to: mine.current_version })}{t('common.dash')}
              <a href={href('compare', { ref: proposal.reference }, { da: mine.version, a: mine.current_version })}>{t('supports.seeChanges')}</a>
            </p>
          )}
        </div>
      )}
      {!me && !restoring && may.supportsOpen(proposal, space) && <a href={href('signIn', {}, { da: returnTo })}>{t('common.signInToAct')}</a>}
      {may.mustVerifyToSupport(proposal, space, me) && <p>{t('supports.verificationNeeded')}</p>}
      {noSupport && <p id="support-refused">{t(noSupport)}</p>}
      {(may.canSupport(proposal, me) || may.canWithdrawSupport(proposal, me)) && (
        <div class="d-flex flex-wrap gap-2">
          {may.canSupport(proposal, me) && (
            <button type="button" id="support-support" class="btn btn-primary" disabled={busy} onClick={() => act('PUT')}>
              {t('supports.support')}
            </button>
          )}
          {mine && may.canConfirmSupport(proposal, me) && (
            <button type="button" id={may.canSupport(proposal, me) ? undefined : 'support-support'} class="btn btn-primary" disabled={busy} onClick={() => act('PUT')}>
              {t('supports.confirm', { n: mine.current_version })}
            </button>
          )}
          {may.canWithdrawSupport(proposal, me) && (
            <button type="button" id="support-withdraw" class="btn btn-outline-primary" disabled={busy} onClick={() => act('DELETE')}>
              {t('supports.withdraw')}
            </button>
          )}
        </div>
      )}
      {!space.settings.supports_open && <p class="text-secondary mb-0">{t('supports.closed')}</p>}
    </section>
  );
}

/**
 * `first`: the first page, read with the proposal at `address` (a list's
 * cursor goes on at the address it was read by: the reference, or the id);
 * `hidden`: the space keeps them from this reader.
 */
function Supporters({ proposal, address, first, hidden }: { proposal: P; address: string; first: Included['supporters']; hidden: boolean }) {
  // A support given or withdrawn here invalidates the list: the pages shown
  // are read again, staying on screen meanwhile.
  const path = { id: proposal.id };
  const list = usePages(
    (cursor, signal) => api.get('/api/v1/proposals/{id}/supporters', { path: { id: address }, query: { limit: 20, cursor }, signal }),
    [proposal.id],
    { first, enabled: !hidden, key: (s) => s.user.id, watch: keyOf('/api/v1/proposals/{id}/supporters', { path }) },
  );
  return (
    <section aria-labelledby="supporters-title" class="mb-4">
      <h2 id="supporters-title" class="h5">
        {t('supporters.title')}
      </h2>
      {hidden || list.error?.code === 'supporters_private' ? <p>{t('supporters.private')}</p> : !list.loaded && <ErrorAlert error={list.error} />}
      {list.loaded && list.items.length === 0 && !list.error && <p>{t('supporters.empty')}</p>}
      {list.items.length > 0 && (
        <ul class="supporter-list" id="supporter-list" tabIndex={-1}>
          {list.items.map((s) => (
            <li key={s.user.id}>
              {personName(s.user.display_name)} <span class="text-secondary small">({t('supporters.onVersion', { n: s.version })})</span>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pages={list} listId="supporter-list" label={t('supporters.more')} />
    </section>
  );
}

/** `first`: the first page, read with the proposal at `address` (as for the supporters). */
function Amendments({ proposal, space, address, first }: { proposal: P; space: P['space']; address: string; first: Included['amendments'] }) {
  const { me, restoring } = useSession();
  const path = { id: proposal.id };
  const list = usePages((cursor, signal) => api.get('/api/v1/proposals/{id}/amendments', { path: { id: address }, query: { limit: 20, cursor }, signal }), [proposal.id], {
    first,
    key: (a) => a.id,
    watch: keyOf('/api/v1/proposals/{id}/amendments', { path }),
  });
  const noAmend = may.whyNoAmend(proposal, space, me);
  const a = proposal.amendments;
  const total = a.evaluating + a.accepted + a.rejected + a.withdrawn;
  return (
    <section aria-labelledby="amendments-title" class="mb-4">
      <h2 id="amendments-title" class="h4">
        {t('amendments.title', { n: total })}
      </h2>
      {!list.loaded && <ErrorAlert error={list.error} />}
      {list.loaded && list.items.length === 0 && <p>{t('amendments.empty')}</p>}
      {list.items.length > 0 && (
        <ul class="list-unstyled amendment-list" id="amendment-list" tabIndex={-1}>
          {list.items.map((am) => (
            <li key={am.id} class="mb-3">
              <div class="d-flex flex-wrap gap-2 align-items-center">
                <StateBadge state={am.state} amendment />
                <a href={href('amendment', { id: am.id })} lang={contentLang()}>
                  {am.title}
                </a>
              </div>
              <p class="small text-secondary mb-0">
                {t('common.by', { name: personName(am.author_nickname) })}{t('common.separator')}{t('amendments.onVersion', { n: am.base_version })}
                {am.resulting_version ? `${t('common.separator')}${t('amendments.resulting', { n: am.resulting_version })}` : ''}
              </p>
              {am.excerpt && <ExcerptView excerpt={am.excerpt} />}
              {am.state === 'rejected' && am.decision_reason && <p class="small mb-0">{tContent('amendments.reason', { reason: am.decision_reason })}</p>}
            </li>
          ))}
        </ul>
      )}
      <div class="mb-3">
        <LoadMore pages={list} listId="amendment-list" label={t('amendments.more')} />
      </div>
      {noAmend && <p class="small">{t(noAmend)}</p>}
      {may.canAmend(proposal, me) && (
        <a class="btn btn-outline-primary btn-sm" href={href('amend', { ref: proposal.reference })}>
          {t('amendments.propose')}
        </a>
      )}
      {may.amendmentsOpen(proposal, space) && !me && !restoring && <a href={href('signIn', {}, { da: href('amend', { ref: proposal.reference }) })}>{t('common.signInToAct')}</a>}
    </section>
  );
}

/** `answers`: every answer, newest first, read with the proposal. */
function AnswerBox({ proposal, answers }: { proposal: P; answers: Answer[] }) {
  const answer = proposal.answer;
  if (!answer) return null;
  const older = answers.slice(1);
  return (
    <section aria-labelledby="answer-title" class="callout-answer card card-bg p-3 mb-4">
      <h2 id="answer-title" class="h4">
        {t('proposal.answer')} <StateBadge state={answer.state} />
      </h2>
      <p class="small text-secondary">{t('proposal.answerBy', { name: answer.staff_name, date: formatDate(answer.created_at) })}</p>
      <div class="markdown" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(answer.answer) }} />
      {older.length > 0 && (
        <details>
          <summary>{t('proposal.previousAnswers', { n: older.length })}</summary>
          <ul>
            {older.map((o) => (
              <li key={o.created_at}>
                <StateBadge state={o.state} /> {t('proposal.answerBy', { name: o.staff_name, date: formatDate(o.created_at) })}
                <div class="markdown" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(o.answer) }} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/**
 * Its category and area, changed here by staff of the space or an author
 * while it takes edits (`actions.file`). The space's lists are read only
 * for them: a reader's page makes no request more.
 */
function FilingForm({ proposal, address }: { proposal: P; address: string }) {
  const space = useQuery('/api/v1/spaces/{slug}', { path: { slug: proposal.space_slug } });
  const [open, setOpen] = useState(false);
  // The choice as the proposal has it, and again whenever that changes.
  const filed = { category: proposal.category?.slug ?? '', area: proposal.area?.slug ?? '' };
  const [value, setValue] = useState(filed);
  useEffect(() => setValue(filed), [filed.category, filed.area]);
  const summary = useRef<HTMLElement>(null);
  const { error, busy, submit } = useSubmit(async () => {
    const fresh = await api.put('/api/v1/proposals/{id}/filing', { path: { id: proposal.id }, body: { category: value.category || null, area: value.area || null } });
    await proposalChanged(proposal, { fresh, address });
    announce(t('filing.saved'));
    setOpen(false);
    summary.current?.focus();
  });
  const s = space.data;
  if (!s || s.categories.length + s.areas.length === 0) return null;
  return (
    <details class="filing mb-3" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary ref={summary}>{t('filing.change')}</summary>
      <form onSubmit={submit} class="mt-3" noValidate>
        <ErrorAlert error={error} />
        <TopicFields id="filing" space={s} value={value} onChange={setValue} error={error} />
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}

/**
 * The version shown is an entry of the public log, checked by this browser
 * against the signed checkpoint and the one it kept (src/api/witness.ts).
 * A new version has its leaf within about a second: it is asked again a
 * few times meanwhile. A failure is announced; the rest is only shown.
 */
function LogWitness({ proposal }: { proposal: P }) {
  const [w, setW] = useState<Witnessed | null>(null);
  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (tries: number) =>
      void witness(proposal, stop.signal).then((r) => {
        if (stop.signal.aborted) return;
        setW(r);
        if ('pending' in r && tries) timer = setTimeout(() => check(tries - 1), 1000);
      });
    check(10);
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, [proposal.id, proposal.current_version, proposal.content_hash]);
  const failed = w && 'failed' in w && w.failed;
  return (
    <p key={failed ? 'failed' : 'ok'} id="log-witness" class={failed ? 'alert alert-danger mt-2' : 'small text-secondary'} role={failed ? 'alert' : undefined}>
      {!w
        ? t('witness.checking')
        : 'verified' in w
          ? t(w.signed ? 'witness.verified' : 'witness.unsigned', { n: w.verified })
          : failed === 'rewritten'
            ? t('witness.rewritten')
            : failed
              ? t('witness.failed', { why: t(`witness.why.${failed}` as Key) })
              : 'pending' in w
                ? t('witness.pending')
                : t('witness.unavailable')}
    </p>
  );
}

export function Proposal({ reference }: { reference: string }) {
  const me = useMe();
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const path = { id: reference };
  // Two reads in parallel, each through the cache.
  const data = useCached(proposalPageKey(reference), () => readProposalPage(reference));
  const comments = useQuery('/api/v1/proposals/{id}/comments', { path, query: { limit: 20 } });
  const proposal = data.data;
  const included = proposal?.included;
  const error = data.error ?? comments.error;
  if (error) return <ErrorPage error={error} />;
  if (!proposal || !comments.data) return <Loading />;
  const creators = proposal.authors.filter((a) => a.kind === 'creator');
  const coauthors = proposal.authors.filter((a) => a.kind !== 'creator');
  // The space's name and rules come with the proposal: the actions are
  // right after this one round trip.
  const s = proposal.space;
  return (
    <>
      <Breadcrumb items={[{ label: s.title, href: href('space', { slug: proposal.space_slug }), content: true }, { label: proposal.reference }]} />
      <div class="d-flex flex-wrap gap-2 align-items-center mb-2">
        <span class="ref-code">{t('proposal.reference', { ref: proposal.reference })}</span>
        <StateBadge state={proposal.state} />
        {proposal.hidden && <span class="badge bg-dark">{t('hidden.badge')}</span>}
        <span class="small">{tContent('proposal.space', { name: s.title })}</span>
      </div>
      <PageTitle title={proposal.title} lang={contentLang()}>
        {proposal.title}
      </PageTitle>
      {proposal.hidden && <p class="alert alert-warning">{t('proposal.hiddenNotice')}</p>}
      <p class="version-badge mb-1">
        <span class="badge bg-secondary">{t('proposal.versionBadge', { n: proposal.current_version, total: proposal.current_version })}</span>
        {t('common.dash')}<a href={href('versions', { ref: proposal.reference })}>{t('proposal.seeVersions')}</a>
      </p>
      <LogWitness proposal={proposal} />
      <dl class="proposal-meta">
        <div>
          <dt>{t('proposal.created')}</dt>
          <dd>
            <time dateTime={proposal.created_at}>{formatDate(proposal.created_at)}</time>
          </dd>
        </div>
        <div>
          <dt>{tn('proposal.authors', creators.length)}</dt>
          <dd>{creators.map((a) => personName(a.display_name)).join(', ')}</dd>
        </div>
        {coauthors.length > 0 && (
          <div>
            <dt>{t('proposal.editedBy')}</dt>
            <dd>{coauthors.map((a) => personName(a.display_name)).join(', ')}</dd>
          </div>
        )}
        {proposal.category && (
          <div>
            <dt>{t('topic.category')}</dt>
            <dd lang={contentLang()}>{proposal.category.name}</dd>
          </div>
        )}
        {proposal.area && (
          <div>
            <dt>{t('topic.area')}</dt>
            <dd lang={contentLang()}>{proposal.area.name}</dd>
          </div>
        )}
      </dl>
      {proposal.actions.file && <FilingForm proposal={proposal} address={reference} />}
      <AnswerBox proposal={proposal} answers={included?.answers ?? []} />
      <div class="row">
        <div class="col-lg-8">
          <section aria-labelledby="text-title" class="mb-4">
            <h2 id="text-title" class="visually-hidden">
              {t('proposal.text')}
            </h2>
            <div class="markdown proposal-text" lang={contentLang()} dangerouslySetInnerHTML={{ __html: renderMarkdown(proposal.body) }} />
            <ErrorAlert error={actionError} />
            <div class="d-flex flex-wrap gap-3 mt-3">
              {may.canEdit(proposal, me) && (
                <a class="btn btn-outline-primary btn-sm" href={href('edit', { ref: proposal.reference })}>
                  {t('proposal.edit')}
                </a>
              )}
              {may.canWithdraw(proposal, me) && (
                <button
                  type="button"
                  class="btn btn-outline-danger btn-sm"
                  onClick={async () => {
                    if (!window.confirm(t('proposal.withdrawConfirm'))) return;
                    try {
                      const fresh = await api.post('/api/v1/proposals/{id}/withdraw', { path: { id: proposal.id } });
                      void proposalChanged(proposal, { fresh, address: reference });
                      announce(t('proposal.withdrawn'));
                    } catch (e) {
                      setActionError(e as ApiError);
                    }
                  }}
                >
                  {t('proposal.withdraw')}
                </button>
              )}
              <a class="btn btn-link btn-sm p-0" href={href('verify', { ref: proposal.reference })}>
                {t('proposal.verify')}
              </a>
              <a class="btn btn-link btn-sm p-0" href={href('audit', {}, { proposta: proposal.reference })}>
                {t('proposal.auditEntries')}
              </a>
              {may.canReportProposal(proposal, me) && <ReportButton kind="proposal" id={proposal.id} label={t('report.proposal')} />}
              {may.reportedAlready(proposal, me) && <span class="small text-secondary">{t('error.already_reported')}</span>}
              {may.canAnswer(proposal, me) && (
                <a class="btn btn-link btn-sm p-0" href={href('staffAnswers', {}, { proposta: proposal.reference })}>
                  {t('proposal.answerThis')}
                </a>
              )}
            </div>
          </section>
        </div>
        <div class="col-lg-4">
          <SupportBox proposal={proposal} space={s} address={reference} />
          {may.canSeeSupporters(s) && <Supporters proposal={proposal} address={reference} first={included?.supporters} hidden={!!included?.supporters_private} />}
          <Amendments proposal={proposal} space={s} address={reference} first={included?.amendments} />
        </div>
      </div>
      <Comments
        target={{ kind: 'proposal', id: reference }}
        count={proposal.counters.comments}
        open={may.proposalCommentsOpen(proposal, s, me)}
        returnTo={href('proposal', { ref: proposal.reference })}
        first={comments.data}
      />
    </>
  );
}
