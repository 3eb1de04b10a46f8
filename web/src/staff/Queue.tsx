// A staff queue (amendments to decide, reported items): read page by page;
// after a decision on a row, the pages shown are read again (a decided
// row may leave, others may change) and the focus stays on that row, or
// goes to the next one when it left, or to a notice the screen puts where
// the row was (the undo of a hide). Also what the queues' filter forms
// share: their fields kept in the address (`useFilters`), a labelled
// choice, the order (`ordine`) and "Applica".
import { Fragment, type ComponentChildren, type VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Page } from '../api/types';
import type { ApiError } from '../api/client';
import { usePages, useFocusAfterReload } from '../hooks';
import { announce, ErrorAlert, Loading, LoadMore } from '../components/ui';
import { t, tn, type Key } from '../i18n';
import { setQuery } from '../router';

/** The orders of both queues, as the API and the address name them; the first is the default. */
export const SORTS = ['oldest', 'newest'] as const;

/**
 * A queue's filters as the address holds them (`defaults`: each field's
 * address name and the value it has when absent), and its filter form:
 * the fields as being edited, in step with the address (back and
 * forward), put into the address by `apply` (defaults left out). The
 * address may hold any value: it is sent as it is, and the server's
 * refusal of one it does not know is shown.
 */
export function useFilters(query: URLSearchParams, defaults: Record<string, string>) {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(defaults)) values[name] = query.get(name)?.trim() || value;
  const key = JSON.stringify(values);
  const [form, setForm] = useState(values);
  useEffect(() => setForm(values), [key]);
  return {
    values,
    key,
    form,
    set: (name: string) => (value: string) => setForm((f) => ({ ...f, [name]: value })),
    apply: () => setQuery(Object.fromEntries(Object.entries(form).map(([name, value]) => [name, value.trim() === defaults[name] ? null : value.trim()])), { replace: false }),
  };
}
export type Filters = ReturnType<typeof useFilters>;

/**
 * Something the screen shows inside the list in place of a row: after the
 * row of `after` while it is listed, else where it was (`index`), so it
 * stays where the person was working when the row leaves the list.
 */
export interface RowNotice {
  after: string;
  index: number;
  node: ComponentChildren;
}

interface QueueProps<T> {
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;
  deps: unknown[];
  /** The list's element id, and each row's (`<prefix>-<item id>`). */
  listId: string;
  rowPrefix: string;
  label: string;
  empty: string;
  more: string;
  /** A row; `decided` reads the list again, then focuses `focus` (an element id) if given, else the row or its neighbour. */
  row: (item: T, decided: (focus?: string) => void, index: number) => ComponentChildren;
  /** Read again in place (the pages shown) whenever this changes: a change made elsewhere on the screen. */
  version?: number;
  /** The element ids to focus, the first found, once the read `version` asked for is in. */
  focusAfterVersion?: string[];
  notice?: RowNotice | null;
  /** Say how many entries the list holds once a change of `deps` (the filters) has been read. */
  sayCount?: boolean;
  /** Told the error of the first page's read (a filter the server refused), or null once it reads. */
  onError?: (error: ApiError | null) => void;
}

/** One staff queue with its states (loading, empty, error), its rows and "load more". */
export function StaffQueue<T extends { id: string }>({ load, deps, listId, rowPrefix, label, empty, more, row, version, focusAfterVersion, notice, sayCount, onError }: QueueProps<T>) {
  const list = usePages(load, deps, { key: (i) => i.id });
  const refused = list.loaded ? null : list.error;
  useEffect(() => onError?.(refused), [refused]);
  const focusAfter = useFocusAfterReload({ data: list.items, loading: list.loading });
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    if (focusAfterVersion) focusAfter(focusAfterVersion);
    list.reload();
  }, [version]);
  // Filters changed: once their list has been read, how much it holds is
  // said (not the count of the list before, still shown as they change).
  const filters = JSON.stringify(deps);
  const said = useRef(filters);
  const counting = useRef<'no' | 'changed' | 'reading'>('no');
  useEffect(() => {
    if (!sayCount) return;
    if (said.current !== filters) {
      said.current = filters;
      counting.current = 'changed';
    }
    if (counting.current === 'changed' && list.loading) counting.current = 'reading';
    if (counting.current === 'reading' && !list.loading) {
      counting.current = 'no';
      if (list.loaded) announce(list.items.length === 0 ? empty : count(list.items.length, list.more));
    }
  }, [filters, list.loaded, list.loading]);
  const decided = (index: number, focus?: string) => {
    const items = list.items;
    focusAfter([focus, ...[items[index], items[index + 1], items[index - 1]].map((i) => i && `${rowPrefix}-${i.id}`)]);
    list.reload();
  };
  const items = list.items;
  const rows: VNode[] = items.map((item, index) => (
    <Fragment key={item.id}>{row(item, (focus) => decided(index, focus), index)}</Fragment>
  ));
  if (notice) {
    const after = items.findIndex((i) => i.id === notice.after);
    const at = after >= 0 ? after + 1 : Math.min(notice.index, items.length);
    rows.splice(at, 0, <li key={`notice-${notice.after}`}>{notice.node}</li>);
  }
  return (
    <>
      {!list.loaded && <ErrorAlert error={list.error} />}
      {!list.loaded && !list.error && <Loading />}
      {list.loaded && items.length === 0 && <p>{empty}</p>}
      {/* How much is waiting, read again after every decision ("più di" while pages are left to read). */}
      {items.length > 0 && <p class="queue-count">{count(items.length, list.more)}</p>}
      {rows.length > 0 && (
        <ul class="list-unstyled" id={listId} tabIndex={-1} aria-label={label}>
          {rows}
        </ul>
      )}
      <LoadMore pages={list} listId={listId} label={more} />
    </>
  );
}

const count = (n: number, more: boolean) => tn(more ? 'staff.inQueueMore' : 'staff.inQueue', n);

/** One field of a filter form: a labelled list of `choices` (value, words) for the filter `name`. */
export function Choice({ filters, name, id, label, choices }: { filters: Filters; name: string; id: string; label: string; choices: [string, string][] }) {
  return (
    <div class="col-sm-4 col-lg-3">
      <label for={id} class="form-label active">
        {label}
      </label>
      <select id={id} name={name} class="form-control" value={filters.form[name]} onChange={(e) => filters.set(name)(e.currentTarget.value)}>
        {choices.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The order of a queue (`ordine`). */
export const SortChoice = ({ filters, id }: { filters: Filters; id: string }) => (
  <Choice filters={filters} name="ordine" id={id} label={t('staff.sort')} choices={SORTS.map((s) => [s, t(`staff.sort.${s}` as Key)])} />
);

/**
 * A queue's filter form: its fields, then "Applica". Nothing changes
 * until it is applied (a choice made with the arrow keys in a list box
 * does not reload the queue under the keyboard); the filters go into the
 * address, so a reload, back and forward, and a shared link keep them.
 */
export function QueueFilters({ label, filters, children }: { label: string; filters: Filters; children: ComponentChildren }) {
  return (
    <form
      class="filters row g-3 align-items-end mb-4"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        filters.apply();
      }}
    >
      {children}
      <div class="col-sm-12 col-lg-3">
        <button type="submit" class="btn btn-outline-primary">
          {t('filter.apply')}
        </button>
      </div>
    </form>
  );
}
