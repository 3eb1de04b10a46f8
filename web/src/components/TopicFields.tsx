// Where a proposal is filed: a select for its space's categories and one
// for its areas, each with "Nessuna" first, and the API's error on
// `category` or `area` at its field. A list the space does not have is not
// asked. The new-proposal form and the proposal page's filing form use it.
import type { ApiError } from '../api/client';
import type { Space } from '../api/types';
import { contentLang, t } from '../i18n';
import { Field } from './ui';

/** The chosen slugs ('' for none). */
export interface Filing {
  category: string;
  area: string;
}

export function TopicFields({
  id,
  space,
  value,
  onChange,
  error,
}: {
  id: string;
  space: Pick<Space, 'categories' | 'areas'>;
  value: Filing;
  onChange: (value: Filing) => void;
  error: ApiError | null;
}) {
  return (
    <>
      {(['category', 'area'] as const).map((kind) => {
        const topics = kind === 'category' ? space.categories : space.areas;
        const fid = `${id}-${kind}`;
        return (
          topics.length > 0 && (
            <Field key={kind} id={fid} label={t(`topic.${kind}`)} error={error} field={kind}>
              {(d, invalid) => (
                <select
                  id={fid}
                  class={`form-control${invalid ? ' is-invalid' : ''}`}
                  // One it no longer offers shows as none (and is not drawn as a blank select).
                  value={topics.some((x) => x.slug === value[kind]) ? value[kind] : ''}
                  aria-describedby={d}
                  aria-invalid={invalid}
                  onChange={(e) => onChange({ ...value, [kind]: e.currentTarget.value })}
                >
                  <option value="">{t('topic.none')}</option>
                  {topics.map((x) => (
                    <option key={x.slug} value={x.slug} lang={contentLang()}>
                      {x.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )
        );
      })}
    </>
  );
}
