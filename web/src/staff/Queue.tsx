// A staff queue (amendments to decide, reported items): read page by page;
// after a decision on a row, the pages shown are read again (a decided
// row may leave, others may change) and the focus stays on that row, or
// goes to the next one when it left.
import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Page } from '../api/types';
import { usePages, useFocusAfterReload } from '../hooks';
import { ErrorAlert, Loading, LoadMore } from '../components/ui';
import { tn } from '../i18n';

interface QueueProps<T> {
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;
  deps: unknown[];
  /** The list's element id, and each row's (`<prefix>-<item id>`). */
  listId: string;
  rowPrefix: string;
  label: string;
  empty: string;
  more: string;
  row: (item: T, decided: () => void) => ComponentChildren;
  /** Read again in place (the pages shown) whenever this changes: a change made elsewhere on the screen. */
  version?: number;
}

/** One staff queue with its states (loading, empty, error), its rows and "load more". */
export function StaffQueue<T extends { id: string }>({ load, deps, listId, rowPrefix, label, empty, more, row, version }: QueueProps<T>) {
  const list = usePages(load, deps, { key: (i) => i.id });
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    list.reload();
  }, [version]);
  const focusAfter = useFocusAfterReload({ data: list.items, loading: list.loading });
  const decided = (index: number) => {
    const items = list.items;
    focusAfter([items[index], items[index + 1], items[index - 1]].map((i) => i && `${rowPrefix}-${i.id}`));
    list.reload();
  };
  return (
    <>
      {!list.loaded && <ErrorAlert error={list.error} />}
      {!list.loaded && !list.error && <Loading />}
      {list.loaded && list.items.length === 0 && <p>{empty}</p>}
      {/* How much is waiting, read again after every decision ("più di" while pages are left to read). */}
      {list.items.length > 0 && <p class="queue-count">{tn(list.more ? 'staff.inQueueMore' : 'staff.inQueue', list.items.length)}</p>}
      {list.items.length > 0 && (
        <ul class="list-unstyled" id={listId} tabIndex={-1} aria-label={label}>
          {list.items.map((item, index) => (
            <Fragment key={item.id}>{row(item, () => decided(index))}</Fragment>
          ))}
        </ul>
      )}
      <LoadMore pages={list} listId={listId} label={more} />
    </>
  );
}
