// Create a proposal, or edit one: the edit shows a live diff against the
// version it is based on, and on 409/412 shows what changed meanwhile while
// keeping the author's text.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type FieldError } from '../api/client';
import type { Diff } from '../api/types';
import { contentLang, t } from '../i18n';
import { useMe, useQuery } from '../hooks';
import { proposalChanged } from '../api/queries';
import { href, navigate } from '../router';
import { DiffView } from '../components/Diff';
import { announce, ErrorAlert, Field, Loading, PageTitle, ErrorPage, BackToProposal } from '../components/ui';
import { LiveDiff, TitleBodyFields } from '../components/TextEditor';
import { TopicFields } from '../components/TopicFields';
import * as may from '../policy';

/** The shortest title and text the server takes (the hints say the same). */
const MIN = { title: 10, body: 15 };

/**
 * A new proposal's fields checked here, all at once: the process is not
 * sent in the body (it is in the address), so without this an empty one
 * was the only error shown while the title and text were wrong too.
 */
function newProposalErrors(space: string, title: string, body: string): FieldError[] {
  const text = (field: 'title' | 'body', value: string): FieldError[] =>
    !value.trim() ? [{ field, code: 'required' }] : value.trim().length < MIN[field] ? [{ field, code: 'too_short' }] : [];
  return [...(space ? [] : [{ field: 'space', code: 'required' }]), ...text('title', title), ...text('body', body)];
}

interface Conflict {
  from: number;
  to: number;
  diff: Diff;
}

export function ProposalEditor({ reference, space: initialSpace }: { reference?: string; space?: string }) {
  const me = useMe();
  const editing = !!reference;
  const original = useQuery('/api/v1/proposals/{id}', reference ? { path: { id: reference } } : null);
  const spaces = useQuery('/api/v1/spaces', editing ? null : { query: { limit: 100 } });
  const [spaceSlug, setSpaceSlug] = useState(initialSpace ?? '');
  // Its category and area, among the chosen process's (the list of processes brings them).
  const [filing, setFiling] = useState({ category: '', area: '' });
  const [title, setTitle] = useState<string | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);

  const p = original.data;
  const currentTitle = title ?? p?.title ?? '';
  const currentBody = body ?? p?.body ?? '';
  const basedOn = baseVersion ?? p?.current_version ?? 0;
  const [baseTitle, setBaseTitle] = useState<string | null>(null);
  const [baseBody, setBaseBody] = useState<string | null>(null);
  const openSpaces = spaces.data?.items.filter(may.canPropose) ?? [];
  const chosen = openSpaces.find((s) => s.slug === spaceSlug);
  // A choice the process no longer offers (its lists read again after the server refused one) is dropped; the refusal stays said at the field.
  useEffect(() => {
    const offered = (list: { slug: string }[] = [], slug: string) => (list.some((x) => x.slug === slug) ? slug : '');
    setFiling((f) => ({ category: offered(chosen?.categories, f.category), area: offered(chosen?.areas, f.area) }));
  }, [chosen]);

  if (!me)
    return (
      <>
        <PageTitle title={t(editing ? 'editor.editTitle' : 'editor.newTitle')}>{t(editing ? 'editor.editTitle' : 'editor.newTitle')}</PageTitle>
        <a href={href('signIn', {}, { da: window.location.pathname + window.location.search })}>{t('common.signInToAct')}</a>
      </>
    );
  if (original.error) return <ErrorPage error={original.error} />;
  if (editing && !p) return <Loading />;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (editing && p) {
        const saved = await api.post('/api/v1/proposals/{id}/versions', {
          path: { id: p.id },
          body: { title: currentTitle, body: currentBody, summary: summary.trim() || undefined, base_version: basedOn },
        });
        void proposalChanged(saved, { fresh: saved });
        announce(t('editor.saved'));
        navigate(href('proposal', { ref: saved.reference }));
      } else if (newProposalErrors(spaceSlug, currentTitle, currentBody).length > 0) {
        setError(new ApiError(422, 'validation_failed', newProposalErrors(spaceSlug, currentTitle, currentBody)));
      } else {
        const created = await api.post('/api/v1/spaces/{slug}/proposals', {
          path: { slug: spaceSlug },
          body: { title: currentTitle, body: currentBody, category: filing.category || undefined, area: filing.area || undefined },
        });
        void proposalChanged(created, { fresh: created });
        announce(t('editor.published'));
        navigate(href('proposal', { ref: created.reference }));
      }
    } catch (e) {
      const err = e as ApiError;
      if (p && (err.code === 'stale_version' || err.code === 'precondition_failed')) {
        // Show what changed between the version the edit was based on and
        // the current one; the author's text stays in the form.
        try {
          const latest = await api.get('/api/v1/proposals/{id}', { path: { id: p.id } });
          const diff = await api.get('/api/v1/proposals/{id}/diff', { path: { id: p.id }, query: { from: basedOn, to: latest.current_version } });
          setConflict({ from: basedOn, to: latest.current_version, diff });
          setBaseVersion(latest.current_version);
          setBaseTitle(latest.title);
          setBaseBody(latest.body);
        } catch {
          /* the error below still says the proposal changed */
        }
      }
      if (err.fieldCode('category') === 'invalid_choice' || err.fieldCode('area') === 'invalid_choice') spaces.reload();
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const heading = editing ? t('editor.editTitle') : t('editor.newTitle');
  return (
    <>
      {p && (
        <p>
          <BackToProposal reference={p.reference} label={t('versions.back')} />
        </p>
      )}
      <PageTitle title={heading}>{heading}</PageTitle>
      {p && (
        <p class="lead" lang={contentLang()}>
          {p.title}
        </p>
      )}
      {conflict && (
        <section class="alert alert-warning" aria-labelledby="conflict-title">
          <h2 id="conflict-title" class="h5">
            {t('editor.meanwhile', { from: conflict.from, to: conflict.to })}
          </h2>
          <p>{t('editor.conflict', { n: conflict.to })}</p>
          <DiffView ops={conflict.diff.title.ops} layout="inline" label={t('diff.titleField')} />
          <DiffView ops={conflict.diff.body.ops} layout="inline" label={t('diff.bodyField')} />
        </section>
      )}
      <ErrorAlert error={conflict && (error?.code === 'stale_version' || error?.code === 'precondition_failed') ? null : error} />
      <form onSubmit={submit} class="editor-form" noValidate>
        {!editing && (
          <Field id="ed-space" label={t('editor.space')} error={error} field="space">
            {(d, invalid) => (
              <select id="ed-space" class={`form-control${invalid ? ' is-invalid' : ''}`} required value={spaceSlug} aria-describedby={d} aria-invalid={invalid} onChange={(e) => setSpaceSlug(e.currentTarget.value)}>
                <option value="">{t('editor.chooseSpace')}</option>
                {openSpaces.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <TitleBodyFields idPrefix="ed" title={currentTitle} body={currentBody} onTitle={setTitle} onBody={setBody} error={error} required />
        {chosen && <TopicFields id="ed" space={chosen} value={filing} onChange={setFiling} error={error} />}
        {editing && (
          <Field id="ed-summary" label={t('editor.summary')} error={error} field="summary">
            {(d) => (
              <input id="ed-summary" type="text" class="form-control" maxLength={300} value={summary} aria-describedby={d} onInput={(e) => setSummary(e.currentTarget.value)} />
            )}
          </Field>
        )}
        {editing && p && (
          <LiveDiff
            id="preview-title"
            heading={t('editor.preview', { n: basedOn })}
            base={{ title: baseTitle ?? p.title, body: baseBody ?? p.body }}
            title={currentTitle}
            body={currentBody}
          />
        )}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {editing ? t('editor.saveVersion') : t('editor.publish')}
        </button>
      </form>
    </>
  );
}
