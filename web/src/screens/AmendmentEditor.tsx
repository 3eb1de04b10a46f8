// The amendment editor: the proposal's current text to change, the
// rationale, and a live diff against the version it is based on.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { t } from '../i18n';
import { useMe, useQuery, useSubmit } from '../hooks';
import { cache, keyOf } from '../api/queries';
import { href, navigate } from '../router';
import { announce, ErrorAlert, Field, Loading, PageTitle, ErrorPage, BackToProposal, tContent } from '../components/ui';
import { LiveDiff, TitleBodyFields } from '../components/TextEditor';

export function AmendmentEditor({ reference }: { reference: string }) {
  const me = useMe();
  const proposal = useQuery('/api/v1/proposals/{id}', { path: { id: reference } });
  const [title, setTitle] = useState<string | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const { error, busy, submit } = useSubmit(async () => {
    if (!p) return;
    const a = await api.post('/api/v1/proposals/{id}/amendments', {
      path: { id: p.id },
      body: { title: currentTitle, body: currentBody, rationale, base_version: p.current_version },
    });
    // The new amendment's page shows the write's answer at once.
    cache.set(keyOf('/api/v1/amendments/{id}', { path: { id: a.id } }), a);
    announce(t('amend.sent'));
    navigate(href('amendment', { id: a.id }));
  });
  const p = proposal.data;
  const currentTitle = title ?? p?.title ?? '';
  const currentBody = body ?? p?.body ?? '';
  if (proposal.error) return <ErrorPage error={proposal.error} />;
  if (!p) return <Loading />;
  const heading = t('amend.title', { title: p.title });
  if (!me)
    return (
      <>
        <PageTitle title={heading}>{tContent('amend.title', { title: p.title })}</PageTitle>
        <a href={href('signIn', {}, { da: href('amend', { ref: p.reference }) })}>{t('common.signInToAct')}</a>
      </>
    );
  return (
    <>
      <p>
        <BackToProposal reference={p.reference} label={t('versions.back')} />
      </p>
      <PageTitle title={heading}>{tContent('amend.title', { title: p.title })}</PageTitle>
      <p>{t('amend.intro')}</p>
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TitleBodyFields idPrefix="am" title={currentTitle} body={currentBody} onTitle={setTitle} onBody={setBody} error={error} />
        <Field id="am-rationale" label={t('amend.rationale')} hint={t('amend.rationaleHint')} error={error} field="rationale" value={rationale}>
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
        <LiveDiff id="am-preview" heading={t('amend.preview', { n: p.current_version })} base={p} title={currentTitle} body={currentBody} />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('amend.submit')}
        </button>
      </form>
    </>
  );
}
