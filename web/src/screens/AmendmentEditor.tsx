// The amendment editor: the proposal's current text to change, the
// rationale, and a live diff against the version it is based on.
import { useMemo, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Amendment, Proposal } from '../api/types';
import { t } from '../i18n';
import { useLoad, useMe } from '../hooks';
import { href, navigate } from '../router';
import { diffTexts } from '../diff';
import { DiffView } from '../components/Diff';
import { announce, ErrorAlert, Field, Loading, PageTitle, ErrorPage } from '../components/ui';

export function AmendmentEditor({ reference }: { reference: string }) {
  const me = useMe();
  const proposal = useLoad((signal) => api.get<Proposal>(`/api/v1/proposals/${encodeURIComponent(reference)}`, undefined, signal), [reference]);
  const [title, setTitle] = useState<string | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const p = proposal.data;
  const currentTitle = title ?? p?.title ?? '';
  const currentBody = body ?? p?.body ?? '';
  const liveTitle = useMemo(() => (p ? diffTexts(p.title, currentTitle) : []), [p, currentTitle]);
  const liveBody = useMemo(() => (p ? diffTexts(p.body, currentBody) : []), [p, currentBody]);
  if (proposal.error) return <ErrorPage error={proposal.error} />;
  if (!p) return <Loading />;
  const heading = t('amend.title', { title: p.title });
  if (!me)
    return (
      <>
        <PageTitle title={heading}>{heading}</PageTitle>
        <a href={href('signIn', {}, { da: href('amend', { ref: p.reference }) })}>{t('common.signInToAct')}</a>
      </>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const a = await api.send<Amendment>('POST', `/api/v1/proposals/${p.id}/amendments`, {
        title: currentTitle,
        body: currentBody,
        rationale,
        base_version: p.current_version,
      });
      announce(t('amend.sent'));
      navigate(href("amendment", { id: a.id }));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>
        <a href={href('proposal', { ref: p.reference })}><span aria-hidden="true">{t('common.backArrow')}</span> {t('versions.back')}</a>
      </p>
      <PageTitle title={heading}>{heading}</PageTitle>
      <p>{t('amend.intro')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <Field id="am-title" label={t('editor.title')} hint={t('editor.titleHint')} error={error} field="title">
          {(d, invalid) => (
            <input
              id="am-title"
              type="text"
              class={`form-control${invalid ? ' is-invalid' : ''}`}
              maxLength={150}
              value={currentTitle}
              aria-describedby={d}
              aria-invalid={invalid}
              onInput={(e) => setTitle(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="am-body" label={t('editor.body')} hint={t('editor.bodyHint')} error={error} field="body">
          {(d, invalid) => (
            <textarea
              id="am-body"
              class={`form-control${invalid ? ' is-invalid' : ''}`}
              rows={14}
              maxLength={20000}
              value={currentBody}
              aria-describedby={d}
              aria-invalid={invalid}
              onInput={(e) => setBody(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="am-rationale" label={t('amend.rationale')} hint={t('amend.rationaleHint')} error={error} field="rationale">
          {(d, invalid) => (
            <textarea
              id="am-rationale"
              class={`form-control${invalid ? ' is-invalid' : ''}`}
              rows={4}
              maxLength={2000}
              value={rationale}
              aria-describedby={d}
              aria-invalid={invalid}
              onInput={(e) => setRationale(e.currentTarget.value)}
            />
          )}
        </Field>
        <section aria-labelledby="am-preview" class="mb-4">
          <h2 id="am-preview" class="h5">
            {t('amend.preview', { n: p.current_version })}
          </h2>
          {liveTitle.some((o) => o.op !== 'equal') || liveBody.some((o) => o.op !== 'equal') ? (
            <div class="diff">
              <DiffView ops={liveTitle} layout="inline" label={t('diff.titleField')} />
              <DiffView ops={liveBody} layout="inline" label={t('diff.bodyField')} />
            </div>
          ) : (
            <p class="text-secondary">{t('editor.noChanges')}</p>
          )}
        </section>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('amend.submit')}
        </button>
      </form>
    </>
  );
}
