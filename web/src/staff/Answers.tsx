// Answering a proposal: the proposals of a process still waiting for an
// answer (those over the threshold first), each with its process and since
// when it waits, then the chosen one's reference, the outcome and the
// official text.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Body } from '../api/paths';
import type { Page, ProposalSummary } from '../api/types';
import { contentLang, formatDate, t, tn, type Key } from '../i18n';
import { href, setQuery } from '../router';
import { useQuery, useSubmit } from '../hooks';
import { proposalChanged } from '../api/queries';
import { announce, ErrorAlert, Field, StateBadge } from '../components/ui';
import { StaffFrame } from './Frame';
import { StaffQueue } from './Queue';
import { SpacePicker, useStaffSpaces } from './Spaces';
import { ANSWER_STATES } from '../policy';

type Outcome = Body<'post', '/api/v1/moderation/proposals/{id}/answer'>['state'];

const OUTCOMES: readonly Outcome[] = ANSWER_STATES;

const PAGE = 20;

/**
 * The published (not yet answered) proposals of `space`, those that
 * reached the threshold first, each group most supported first: two lists
 * of the API read on as one. The cursor says which one a page ended in
 * ("q…" the qualified, "n…" the others); where the first ends, the second
 * fills the rest of that page.
 */
/**
 * How long a proposal has waited, in whole days ("da 3 giorni"): the list
 * is of one process already, and a count reads the same in every language
 * (a date after "dal" would need "dall'8").
 */
export function waitingFor(published: string): string {
  const days = Math.floor((Date.now() - new Date(published).getTime()) / 86_400_000);
  return days < 1 ? t('staff.waitingToday') : tn('staff.waitingDays', days);
}

export const waiting =
  (space: string) =>
  async (cursor: string | undefined, signal: AbortSignal): Promise<Page<ProposalSummary>> => {
    const read = (qualified: boolean, at: string | undefined, limit: number) =>
      api.get('/api/v1/proposals', { query: { space, state: 'published', qualified, sort: 'most_supported', cursor: at, limit }, signal });
    const qualified = !cursor?.startsWith('n');
    const page = await read(qualified, cursor?.slice(1) || undefined, PAGE);
    if (page.next_cursor || !qualified) return { items: page.items, next_cursor: page.next_cursor && (qualified ? 'q' : 'n') + page.next_cursor };
    const rest = await read(false, undefined, Math.max(1, PAGE - page.items.length));
    return { items: [...page.items, ...rest.items], next_cursor: rest.next_cursor && `n${rest.next_cursor}` };
  };

export function StaffAnswers({ query }: { query: URLSearchParams }) {
  const ref = query.get('proposta') ?? '';
  const [input, setInput] = useState(ref);
  useEffect(() => setInput(ref), [ref]);
  const staff = useStaffSpaces(query);
  // Answers given here: the list of those waiting is read again after each.
  const [answered, setAnswered] = useState(0);
  const proposal = useQuery('/api/v1/proposals/{id}', ref ? { path: { id: ref } } : null);
  const [state, setState] = useState<Outcome>('evaluating');
  const [answer, setAnswer] = useState('');
  const p = proposal.data;
  const { error, submit } = useSubmit(async () => {
    if (!p) return;
    await api.post('/api/v1/moderation/proposals/{id}/answer', { path: { id: p.id }, body: { state, answer } });
    announce(t('staff.answered'));
    setAnswer('');
    setAnswered((n) => n + 1);
    // The proposal shown here (by whichever code was typed) and its answers are read again.
    void proposalChanged(p, { parts: ['answers'], address: ref });
  });
  // A proposal chosen in the list: its form (below the list) takes the focus once it is shown.
  const chosen = useRef(false);
  useLayoutEffect(() => {
    if (chosen.current && p) {
      chosen.current = false;
      document.getElementById('answer-proposal')?.focus();
    }
  }, [p]);
  return (
    <StaffFrame current="staffAnswers">
      <section aria-labelledby="waiting-title" class="mb-5">
        <h2 id="waiting-title" class="h4">
          {t('staff.waiting')}
        </h2>
        <p>{t('staff.waitingIntro')}</p>
        <SpacePicker staff={staff} />
        {staff.slug && (
          <StaffQueue
            load={waiting(staff.slug)}
            deps={[staff.slug]}
            version={answered}
            listId="waiting-list"
            rowPrefix="waiting"
            label={t('staff.waiting')}
            empty={t('staff.noneWaiting')}
            more={t('staff.moreWaiting')}
            row={(w) => (
              <li id={`waiting-${w.id}`} class="waiting-row">
                <a href={href('staffAnswers', {}, { processo: staff.slug, proposta: w.reference })} lang={contentLang()} onClick={() => (chosen.current = true)}>
                  {w.title}
                </a>
                <div class="small waiting-where">
                  <time dateTime={w.created_at} title={formatDate(w.created_at)}>
                    {waitingFor(w.created_at)}
                  </time>
                </div>
                <div class="d-flex flex-wrap gap-2 align-items-center small">
                  <span class="ref-code">{w.reference}</span>
                  <span>{tn('supports.count', w.supports_count)}</span>
                  {w.qualified_at && <span class="badge bg-success">{t('list.qualified')}</span>}
                </div>
              </li>
            )}
          />
        )}
      </section>
      <form
        class="row g-2 align-items-end mb-4"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ proposta: input.trim() }, { replace: false });
        }}
      >
        <div class="col-sm-8">
          <label for="answer-ref" class="form-label active">
            {t('staff.answerRef')}
          </label>
          <input id="answer-ref" type="text" class="form-control" value={input} onInput={(e) => setInput(e.currentTarget.value)} />
        </div>
        <div class="col-sm-4">
          <button type="submit" class="btn btn-outline-primary">
            {t('staff.load')}
          </button>
        </div>
      </form>
      <ErrorAlert error={proposal.error} />
      {p && (
        <section aria-labelledby="answer-proposal">
          <h2 id="answer-proposal" class="h4" tabIndex={-1}>
            <a href={href('proposal', { ref: p.reference })} lang={contentLang()}>
              {p.title}
            </a> <StateBadge state={p.state} />
          </h2>
          <ErrorAlert error={error} />
          <form onSubmit={submit}>
            <Field id="answer-state" label={t('staff.answerState')} error={error} field="state">
              {(d) => (
                <select id="answer-state" class="form-control" value={state} aria-describedby={d} onChange={(e) => setState(e.currentTarget.value as Outcome)}>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`state.${o}` as Key)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="answer-text" label={t('staff.answerText')} error={error} field="answer" value={answer}>
              {(d, invalid) => (
                <textarea
                  id="answer-text"
                  class={`form-control${invalid ? ' is-invalid' : ''}`}
                  rows={6}
                  value={answer}
                  aria-describedby={d}
                  aria-invalid={invalid}
                  onInput={(e) => setAnswer(e.currentTarget.value)}
                />
              )}
            </Field>
            <button type="submit" class="btn btn-primary" disabled={!answer.trim()}>
              {t('staff.publishAnswer')}
            </button>
          </form>
        </section>
      )}
    </StaffFrame>
  );
}
