// The title and body fields a proposal and an amendment are written in, and
// the live diff of what they change, shared by both editors.
import { useMemo } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { t } from '../i18n';
import { changed, diffTexts } from '../diff';
import { DiffView } from './Diff';
import { Field } from './ui';

/** Title and body inputs; `required` marks them for a new text. */
export function TitleBodyFields(props: {
  idPrefix: string;
  title: string;
  body: string;
  onTitle: (value: string) => void;
  onBody: (value: string) => void;
  error: ApiError | null;
  required?: boolean;
}) {
  const { idPrefix, error, required } = props;
  return (
    <>
      <Field id={`${idPrefix}-title`} label={t('editor.title')} hint={t('editor.titleHint')} error={error} field="title" value={props.title}>
        {(d, invalid) => (
          <input
            id={`${idPrefix}-title`}
            type="text"
            class={`form-control${invalid ? ' is-invalid' : ''}`}
            required={required}
            minLength={required ? 10 : undefined}
            maxLength={150}
            value={props.title}
            aria-describedby={d}
            aria-invalid={invalid}
            onInput={(e) => props.onTitle(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-body`} label={t('editor.body')} hint={t('editor.bodyHint')} error={error} field="body" value={props.body}>
        {(d, invalid) => (
          <textarea
            id={`${idPrefix}-body`}
            class={`form-control${invalid ? ' is-invalid' : ''}`}
            rows={14}
            required={required}
            maxLength={20000}
            value={props.body}
            aria-describedby={d}
            aria-invalid={invalid}
            onInput={(e) => props.onBody(e.currentTarget.value)}
          />
        )}
      </Field>
    </>
  );
}

/** What the texts being written change against their base, as they are typed. */
export function LiveDiff(props: { id: string; heading: string; base: { title: string; body: string }; title: string; body: string }) {
  const { base } = props;
  const title = useMemo(() => diffTexts(base.title, props.title), [base.title, props.title]);
  const body = useMemo(() => diffTexts(base.body, props.body), [base.body, props.body]);
  return (
    <section aria-labelledby={props.id} class="mb-4">
      <h2 id={props.id} class="h5">
        {props.heading}
      </h2>
      {changed(title) || changed(body) ? (
        <div class="diff">
          <DiffView ops={title} layout="inline" label={t('diff.titleField')} />
          <DiffView ops={body} layout="inline" label={t('diff.bodyField')} />
        </div>
      ) : (
        <p class="text-secondary">{t('editor.noChanges')}</p>
      )}
    </section>
  );
}
