// The processes a staff member looks after, and the small form that picks
// one of them for a staff screen (kept in the address as `?processo=`).
import { useEffect, useState } from 'preact/hooks';
import { contentLang, t } from '../i18n';
import { useMe, useQuery } from '../hooks';
import { setQuery } from '../router';
import { isStaff } from '../policy';
import { ErrorAlert, Loading } from '../components/ui';

/** The processes the signed-in person is staff of, and the one the address names (else the first). */
export function useStaffSpaces(query: URLSearchParams) {
  const me = useMe();
  // The same read as the new-proposal form's list of processes.
  const list = useQuery('/api/v1/spaces', { query: { limit: 100 } });
  const spaces = (list.data?.items ?? []).filter((s) => isStaff(me, s.id));
  return { spaces, slug: query.get('processo') || spaces[0]?.slug || '', error: list.error, loaded: !!list.data };
}

/** A select of the processes and a button that shows the one chosen (a select alone changes nothing). */
export function SpacePicker({ staff: { spaces, slug, error, loaded } }: { staff: ReturnType<typeof useStaffSpaces> }) {
  const [value, setValue] = useState(slug);
  useEffect(() => setValue(slug), [slug]);
  if (error) return <ErrorAlert error={error} />;
  if (!loaded) return <Loading />;
  return (
    <form
      class="space-picker d-flex flex-wrap align-items-end gap-2 mb-4"
      onSubmit={(e) => {
        e.preventDefault();
        setQuery({ processo: value }, { replace: false });
      }}
    >
      <div>
        <label for="staff-space" class="form-label active">
          {t('staff.space')}
        </label>
        <select id="staff-space" class="form-control" value={value} onChange={(e) => setValue(e.currentTarget.value)}>
          {spaces.map((s) => (
            <option key={s.slug} value={s.slug} lang={contentLang()}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="btn btn-outline-primary">
        {t('staff.show')}
      </button>
    </form>
  );
}
