// Answering a proposal: its reference, the outcome and the official text.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Body } from '../api/paths';
import { contentLang, t, type Key } from '../i18n';
import { href, setQuery } from '../router';
import { useQuery, useSubmit } from '../hooks';
import { proposalChanged } from '../api/queries';
import { announce, ErrorAlert, Field, StateBadge } from '../components/ui';
import { StaffFrame } from './Frame';
import { ANSWER_STATES } from '../policy';

type Outcome = Body<'post', '/api/v1/moderation/proposals/{id}/answer'>['state'];

const OUTCOMES: readonly Outcome[] = ANSWER_STATES;

export function StaffAnswers({ query }: { query: URLSearchParams }) {
  const ref = query.get('proposta') ?? '';
  const [input, setInput] = useState(ref);
  const proposal = useQuery('/api/v1/proposals/{id}', ref ? { path: { id: ref } } : null);
  const [state, setState] = useState<Outcome>('evaluating');
  const [answer, setAnswer] = useState('');
  const p = proposal.data;
  const { error, submit } = useSubmit(async () => {
    if (!p) return;
    await api.post('/api/v1/moderation/proposals/{id}/answer', { path: { id: p.id }, body: { state, answer } });
    announce(t('staff.answered'));
    setAnswer('');
    // The proposal shown here (by whichever code was typed) and its answers are read again.
    void proposalChanged(p, { parts: ['answers'], address: ref });
  });
  return (
    <StaffFrame current="staffAnswers">
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
          <input id="answer-ref" class="form-control" value={input} onInput={(e) => setInput(e.currentTarget.value)} />
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
          <h2 id="answer-proposal" class="h4">
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
