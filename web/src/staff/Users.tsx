// Acting on one user (reached from the report queue): verify, block with a
// public justification (optionally hiding their content), unblock.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { t } from '../i18n';
import { setQuery } from '../router';
import { announce, ErrorAlert, Field } from '../components/ui';
import { StaffFrame } from './Frame';

export function StaffUsers({ query }: { query: URLSearchParams }) {
  const [id, setId] = useState(query.get('utente') ?? '');
  const [justification, setJustification] = useState('');
  const [hideContent, setHideContent] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (action: 'verify' | 'block' | 'unblock') => {
    setError(null);
    try {
      const body = action === 'block' ? { justification, hide_content: hideContent } : {};
      await api.send('POST', `/api/v1/moderation/users/${encodeURIComponent(id.trim())}/${action}`, body);
      setQuery({ utente: id.trim() });
      announce(t('staff.userDone'));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <StaffFrame current="staffUsers">
      <ErrorAlert error={error} />
      <Field id="user-id" label={t('staff.userId')} hint={t('staff.userHint')} error={error} field="id">
        {(d) => <input id="user-id" class="form-control" value={id} aria-describedby={d} onInput={(e) => setId(e.currentTarget.value)} />}
      </Field>
      <div class="d-flex flex-wrap gap-2 mb-4">
        <button type="button" class="btn btn-primary btn-sm" disabled={!id.trim()} onClick={() => act('verify')}>
          {t('staff.verify')}
        </button>
        <button type="button" class="btn btn-outline-primary btn-sm" disabled={!id.trim()} onClick={() => act('unblock')}>
          {t('staff.unblock')}
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act('block');
        }}
      >
        <Field id="block-justification" label={t('staff.justification')} error={error} field="justification">
          {(d, invalid) => (
            <textarea
              id="block-justification"
              class={`form-control${invalid ? ' is-invalid' : ''}`}
              rows={3}
              value={justification}
              aria-describedby={d}
              aria-invalid={invalid}
              onInput={(e) => setJustification(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="form-check mb-3">
          <input id="block-hide" type="checkbox" checked={hideContent} onChange={(e) => setHideContent(e.currentTarget.checked)} />
          <label for="block-hide">{t('staff.hideContent')}</label>
        </div>
        <button type="submit" class="btn btn-danger btn-sm" disabled={!id.trim() || !justification.trim()}>
          {t('staff.block')}
        </button>
      </form>
    </StaffFrame>
  );
}
