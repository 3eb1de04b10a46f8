// The one paging hook every long list uses, and its "load more" button.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { Page } from '../src/api/types';
import { usePages } from '../src/hooks';
import { LoadMore } from '../src/components/ui';
import { setLang } from '../src/i18n';

/** A list of `total` numbered items served `size` at a time, cursors being offsets. */
function server(total: number, size: number) {
  const reads: (string | undefined)[] = [];
  const load = async (cursor: string | undefined): Promise<Page<{ id: string }>> => {
    reads.push(cursor);
    const from = Number(cursor ?? 0);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => ({ id: `n${from + i}` }));
    return { items, next_cursor: from + size < total ? String(from + size) : null };
  };
  return { reads, load };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
};

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.appendChild(root);
  render(node, root);
}

describe('usePages and LoadMore', () => {
  it('reads the first page, appends the next ones, and ends with the list focused', async () => {
    setLang('it');
    const s = server(45, 20);
    let api: ReturnType<typeof usePages<{ id: string }>> | null = null;
    function List() {
      const pages = usePages((cursor) => s.load(cursor), [], { key: (i) => i.id });
      api = pages;
      return (
        <>
          <ul id="the-list" tabIndex={-1}>
            {pages.items.map((i) => (
              <li key={i.id}>{i.id}</li>
            ))}
          </ul>
          <LoadMore pages={pages} listId="the-list" label="Carica altri numeri" />
        </>
      );
    }
    mount(<List />);
    await settle();
    expect(root.querySelectorAll('li')).toHaveLength(20);
    const button = () => root.querySelector<HTMLButtonElement>('button.load-more');
    expect(button()!.textContent).toBe('Carica altri numeri');
    button()!.focus();
    await act(() => button()!.click());
    await settle();
    expect(root.querySelectorAll('li')).toHaveLength(40);
    expect(api!.pages).toBe(2);
    await act(() => button()!.click());
    await settle();
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(Array.from({ length: 45 }, (_, i) => `n${i}`));
    // The last page is there: no button, and the focus it had is on the list.
    expect(button()).toBeNull();
    expect(document.activeElement?.id).toBe('the-list');
    expect(s.reads).toEqual([undefined, '20', '40']);
    // A reload reads again as many pages as are shown.
    await act(() => api!.reload());
    await settle();
    expect(s.reads.slice(3)).toEqual([undefined, '20', '40']);
    expect(root.querySelectorAll('li')).toHaveLength(45);
  });

  it('starts from a first page it is given, reads `pages` pages at first, and never repeats an item', async () => {
    const s = server(30, 10);
    let api: ReturnType<typeof usePages<{ id: string }>> | null = null;
    const told: number[] = [];
    function List({ first }: { first?: Page<{ id: string }> }) {
      api = usePages((cursor) => s.load(cursor), [], { first, pages: first ? 1 : 5, onPages: (n) => told.push(n), key: (i) => i.id });
      return <p>{api.items.map((i) => i.id).join(',')}</p>;
    }
    mount(<List />);
    await settle();
    // Five pages asked (an address kept them), three there: it says so.
    expect(s.reads).toEqual([undefined, '10', '20']);
    expect(api!.items).toHaveLength(30);
    expect(told).toEqual([3]);
    render(null, root);
    s.reads.length = 0;
    render(<List first={{ items: [{ id: 'n0' }], next_cursor: '0' }} />, root);
    await settle();
    expect(s.reads).toEqual([]);
    expect(api!.items.map((i) => i.id)).toEqual(['n0']);
    // The next page repeats n0 (say, an item added here meanwhile): it is shown once.
    await act(async () => {
      await api!.loadMore();
    });
    expect(api!.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `n${i}`));
  });

  it('does not read a list that is not wanted yet', async () => {
    const s = server(5, 10);
    function List({ enabled }: { enabled: boolean }) {
      const pages = usePages((cursor) => s.load(cursor), [], { enabled });
      return <p>{pages.items.length}</p>;
    }
    mount(<List enabled={false} />);
    await settle();
    expect(s.reads).toEqual([]);
    render(<List enabled />, root);
    await settle();
    expect(s.reads).toEqual([undefined]);
    expect(root.textContent).toBe('5');
  });
});
