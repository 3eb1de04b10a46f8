// A process's categories and areas, kept by its staff: two lists, each
// edited on screen (add, rename, reorder, remove) and saved whole
// (`PATCH /spaces/{slug}` with that list alone). A saved entry keeps its
// slug, which addresses and filters use; a new one's is made from its name
// until typed. A removal waits for the save, said at its entry until then; the
// server refuses one while proposals are filed under it (409
// `topic_in_use`, which does not say which entry), so the removed entries
// that still list proposals are found and the refusal shown at each.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Space } from '../api/types';
import { fieldMessage, t, type Key } from '../i18n';
import { useQuery } from '../hooks';
import { href } from '../router';
import { announce, ErrorAlert, Field, Loading, tContent } from '../components/ui';
import { StaffFrame } from './Frame';
import { SpacePicker, useStaffSpaces } from './Spaces';

type Kind = 'categories' | 'areas';

/** A name as a slug: lower case, accents dropped, any run of other characters one hyphen, at most 60 characters. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-|-$/g, '');
}

interface Row {
  key: number;
  name: string;
  slug: string;
  /** In the list as the server has it: its slug stays. */
  saved: boolean;
  /** A new entry's slug was typed, so it no longer follows the name. */
  typed?: boolean;
  /** To leave the list at the next save. */
  removed?: boolean;
  /** Refused removal: proposals are filed under it. */
  inUse?: boolean;
}

let nextKey = 0;
const rowsOf = (list: Space['categories']): Row[] => list.map((x) => ({ key: nextKey++, name: x.name, slug: x.slug, saved: true }));

function TopicList({ space, kind, onSaved }: { space: Space; kind: Kind; onSaved: (space: Space) => void }) {
  const categories = kind === 'categories';
  const id = categories ? 'cat' : 'area';
  const [rows, setRows] = useState(() => rowsOf(space[kind]));
  const [error, setError] = useState<ApiError | null>(null);
  // The rows sent with the last save, in order: the API names an entry by its place in it (`categories.2.slug`).
  const [sent, setSent] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  // Where the focus goes once the rows are drawn (the control that replaced the one used).
  const focus = useRef<string | null>(null);
  const saved = JSON.stringify(space[kind]);
  // The rows follow the space as saved in the same commit (a layout
  // effect): an effect after paint could come late, after the next save's
  // rows, and draw an older list for a moment.
  useLayoutEffect(() => {
    setRows(rowsOf(space[kind]));
    setError(null);
  }, [space.slug, saved]);
  // In the commit that draws the rows, not after paint: a keyboard user's
  // next key (or a test's next step) already goes to the new control.
  useLayoutEffect(() => {
    if (!focus.current) return;
    let el = document.getElementById(focus.current) as HTMLButtonElement | null;
    // At either end the arrow pressed is disabled: the other one takes the focus.
    if (el?.disabled) el = document.getElementById(focus.current.replace(/(up|down)$/, (d) => (d === 'up' ? 'down' : 'up'))) as HTMLButtonElement | null;
    focus.current = null;
    el?.focus();
  });

  const change = (key: number, changes: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...changes } : r)));
  const label = (r: Row, i: number) => r.name.trim() || t('staff.entry', { n: i + 1 });
  const move = (i: number, by: -1 | 1) => {
    const list = [...rows];
    const [row] = list.splice(i, 1);
    list.splice(i + by, 0, row);
    setRows(list);
    focus.current = `${id}-${row.key}-${by < 0 ? 'up' : 'down'}`;
    announce(t('staff.moved', { name: label(row, i), n: i + by + 1, total: list.length }));
  };
  const remove = (i: number) => {
    const row = rows[i];
    if (row.saved) {
      change(row.key, { removed: true });
      focus.current = `${id}-${row.key}-keep`;
    } else {
      // Never saved: it simply goes; the focus to the entry after it, else to "add".
      setRows(rows.filter((r) => r.key !== row.key));
      const after = rows[i + 1] ?? rows[i - 1];
      focus.current = after ? `${id}-${after.key}-${after.removed ? 'keep' : 'name'}` : `${id}-add`;
    }
  };
  const add = () => {
    const key = nextKey++;
    setRows([...rows, { key, name: '', slug: '', saved: false }]);
    focus.current = `${id}-${key}-name`;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const kept = rows.filter((r) => !r.removed);
    const list = kept.map((r) => ({ slug: r.slug.trim(), name: r.name.trim() }));
    setBusy(true);
    setError(null);
    setSent(kept.map((r) => r.key));
    setRows((rs) => rs.map((r) => ({ ...r, inUse: false })));
    try {
      const fresh = await api.patch('/api/v1/spaces/{slug}', { path: { slug: space.slug }, body: categories ? { categories: list } : { areas: list } });
      setRows(rowsOf(fresh[kind]));
      onSaved(fresh);
      announce(t('staff.topicsSaved'));
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'topic_in_use') {
        const removed = rows.filter((r) => r.removed);
        const used = await Promise.all(
          removed.map((r) =>
            api
              .get('/api/v1/proposals', { query: { space: space.slug, category: categories ? r.slug : undefined, area: categories ? undefined : r.slug, limit: 1 } })
              .then((page) => page.items.length > 0, () => true),
          ),
        );
        // None found (hidden from lists): every removed entry is the one.
        const keys = new Set(removed.filter((_, i) => used[i] || !used.includes(true)).map((r) => r.key));
        setRows((rs) => rs.map((r) => ({ ...r, inUse: keys.has(r.key) })));
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (r: Row, part: 'name' | 'slug') => `${kind}.${sent.indexOf(r.key)}.${part}`;
  return (
    <section aria-labelledby={`${id}-title`} class="mb-5">
      <h2 id={`${id}-title`} class="h4">
        {t(categories ? 'staff.categories' : 'staff.areas')}
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error} />
        {error?.fieldCode(kind) && <p class="text-danger">{fieldMessage(error.fieldCode(kind)!)}</p>}
        {rows.length === 0 ? (
          <p>{t(categories ? 'staff.noCategories' : 'staff.noAreas')}</p>
        ) : (
          <ol class="topic-list">
            {rows.map((r, i) => {
              const rid = `${id}-${r.key}`;
              const name = label(r, i);
              // A button of the row, its accessible name saying which entry it acts on.
              const act = (part: string, action: Key, onClick: () => void, disabled = false, tone = 'primary') => (
                <button type="button" id={`${rid}-${part}`} class={`btn btn-outline-${tone} btn-sm`} disabled={disabled} aria-label={t('staff.named', { action: t(action), name })} onClick={onClick}>
                  {t(action)}
                </button>
              );
              return (
                <li key={r.key} class="topic-row">
                  {r.removed ? (
                    <>
                      <p class="mb-2">{tContent('staff.toRemove', { name: r.name })}</p>
                      {r.inUse && (
                        <p class="text-danger mb-2">
                          {t('staff.inUse')}{' '}
                          <a href={href('space', { slug: space.slug }, categories ? { categoria: r.slug } : { zona: r.slug })}>{tContent('staff.inUseLink', { name: r.name })}</a>
                        </p>
                      )}
                      {act('keep', 'staff.keep', () => change(r.key, { removed: false, inUse: false }))}
                    </>
                  ) : (
                    <div class="topic-fields">
                      <Field id={`${rid}-name`} label={t('staff.topicName')} error={error} field={field(r, 'name')} value={r.name}>
                        {(d, invalid) => (
                          <input
                            id={`${rid}-name`}
                            type="text"
                            class={`form-control${invalid ? ' is-invalid' : ''}`}
                            value={r.name}
                            maxLength={150}
                            aria-describedby={d}
                            aria-invalid={invalid}
                            onInput={(e) => {
                              const value = e.currentTarget.value;
                              change(r.key, r.saved || r.typed ? { name: value } : { name: value, slug: slugify(value) });
                            }}
                          />
                        )}
                      </Field>
                      {r.saved ? (
                        <p class="topic-slug small">{t('staff.topicSlugIs', { slug: r.slug })}</p>
                      ) : (
                        <Field id={`${rid}-slug`} label={t('staff.topicSlug')} hint={t('staff.topicSlugHint')} error={error} field={field(r, 'slug')}>
                          {(d, invalid) => (
                            <input
                              id={`${rid}-slug`}
                              type="text"
                              class={`form-control${invalid ? ' is-invalid' : ''}`}
                              value={r.slug}
                              maxLength={60}
                              aria-describedby={d}
                              aria-invalid={invalid}
                              onInput={(e) => change(r.key, { slug: e.currentTarget.value, typed: e.currentTarget.value !== '' })}
                            />
                          )}
                        </Field>
                      )}
                      <div class="topic-actions d-flex flex-wrap gap-2">
                        {act('up', 'staff.moveUp', () => move(i, -1), i === 0)}
                        {act('down', 'staff.moveDown', () => move(i, 1), i === rows.length - 1)}
                        {act('remove', 'staff.remove', () => remove(i), false, 'danger')}
                      </div>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        <div class="d-flex flex-wrap gap-2">
          <button type="button" id={`${id}-add`} class="btn btn-outline-primary" onClick={add}>
            {t(categories ? 'staff.addCategory' : 'staff.addArea')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t(categories ? 'staff.saveCategories' : 'staff.saveAreas')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function StaffTopics({ query }: { query: URLSearchParams }) {
  const staff = useStaffSpaces(query);
  const space = useQuery('/api/v1/spaces/{slug}', staff.slug ? { path: { slug: staff.slug } } : null);
  const s = space.data;
  return (
    <StaffFrame current="staffTopics">
      <p>{t('staff.topicsIntro')}</p>
      <SpacePicker staff={staff} />
      <ErrorAlert error={space.error} />
      {space.loading && !s && <Loading />}
      {s && (
        <>
          <TopicList key={`${s.slug}-c`} space={s} kind="categories" onSaved={space.set} />
          <TopicList key={`${s.slug}-a`} space={s} kind="areas" onSaved={space.set} />
        </>
      )}
    </StaffFrame>
  );
}
