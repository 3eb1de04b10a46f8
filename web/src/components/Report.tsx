// Reporting a proposal, amendment or comment: reason and details, in place.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Body } from '../api/paths';
import { useSubmit } from '../hooks';
import { t, type Key } from '../i18n';
import { announce, ErrorAlert, Field } from './ui';

type Report = Body<'post', '/api/v1/reports'>;
type Reason = Report['reason'];

const REASONS: readonly Reason[] = ['spam', 'offensive', 'does_not_belong', 'other'];

export function ReportButton({ kind, id, label }: { kind: Report['target']['kind']; id: string; label?: string }) {
  const [open, setOpen] = useState(false);
  // No reason is chosen for the user: a preselected "Spam" was sent by
  // anyone who only wrote the details.
  const [reason, setReason] = useState<Reason | ''>('');
  const [details, setDetails] = useState('');
  const [done, setDone] = useState(false);
  // The button and the form replace each other: the focus follows (first
  // field when the form opens, the button again on cancel, the confirmation
  // once sent), never falling back to the top of the page.
  const focus = useRef<'field' | 'button' | 'sent' | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const sent = useRef<HTMLSpanElement>(null);
  const base = `report-${id}`;
  const { error, busy, submit } = useSubmit(async () => {
    if (!reason) {
      document.getElementById(`${base}-reason`)?.focus();
      throw new ApiError(422, 'validation_failed', [{ field: 'reason', code: 'required' }]);
    }
    await api.post('/api/v1/reports', { body: { target: { kind, id }, reason, details: details.trim() || undefined } });
    focus.current = 'sent';
    setDone(true);
    announce(t('report.sent'));
  });
  useEffect(() => {
    const target = focus.current;
    focus.current = null;
    if (target === 'field') document.getElementById(`${base}-reason`)?.focus();
    else if (target === 'button') button.current?.focus();
    else if (target === 'sent') sent.current?.focus();
  }, [open, done]);
  if (done)
    return (
      <span class="text-secondary small" tabIndex={-1} ref={sent}>
        {t('report.sent')}
      </span>
    );
  if (!open)
    return (
      <button
        type="button"
        class="btn btn-link btn-sm p-0"
        ref={button}
        onClick={() => {
          focus.current = 'field';
          setOpen(true);
        }}
        aria-expanded="false"
      >
        {label ?? t('comments.report')}
      </button>
    );
  return (
    <form class="report-form card card-bg p-3 my-2" onSubmit={submit} noValidate>
      <fieldset>
        <legend class="h6">{t('report.title')}</legend>
        <ErrorAlert error={error} />
        <Field id={`${base}-reason`} label={t('report.reason')} error={error} field="reason" requiredMessage={t('report.chooseReason')}>
          {(d, invalid) => (
            <select
              id={`${base}-reason`}
              class={`form-control${invalid ? ' is-invalid' : ''}`}
              required
              value={reason}
              aria-describedby={d}
              aria-invalid={invalid}
              onChange={(e) => setReason(e.currentTarget.value as Reason)}
            >
              <option value="">{t('report.pickReason')}</option>
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`report.reason.${r}` as Key)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${base}-details`} label={t('report.details')} error={error} field="details" value={details}>
          {(d, invalid) => (
            <textarea
              id={`${base}-details`}
              class={`form-control${invalid ? ' is-invalid' : ''}`}
              rows={3}
              maxLength={1000}
              value={details}
              aria-describedby={d}
              aria-invalid={invalid}
              onInput={(e) => setDetails(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="d-flex gap-2">
          <button type="submit" class="btn btn-primary btn-sm" disabled={busy}>
            {t('report.send')}
          </button>
          <button
            type="button"
            class="btn btn-outline-secondary btn-sm"
            onClick={() => {
              focus.current = 'button';
              setOpen(false);
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
