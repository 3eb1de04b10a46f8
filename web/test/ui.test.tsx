// The one breadcrumb of the app (the proposal and the space use it), the
// live region, and the notice of a hide with its undo, where the item was.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { announce, Breadcrumb, LiveRegion, personName } from '../src/components/ui';
import { HiddenNotice } from '../src/staff/Reports';
import { ApiError } from '../src/api/client';
import { errorMessage, setLang } from '../src/i18n';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Breadcrumb', () => {
  it('leads from the home to the current page, which is marked and not a link', () => {
    setLang('it');
    root = document.createElement('div');
    document.body.appendChild(root);
    render(<Breadcrumb items={[{ label: 'Bilancio 2026', href: '/spazi/bilancio' }, { label: 'EMD-1' }]} />, root);
    const nav = root.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Percorso');
    const items = [...nav.querySelectorAll('li')];
    expect(items.map((li) => li.textContent)).toEqual(['Processi', 'Bilancio 2026', 'EMD-1']);
    expect(items.slice(0, 2).map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(['/', '/spazi/bilancio']);
    expect(items[2].querySelector('a')).toBeNull();
    expect(items[2].getAttribute('aria-current')).toBe('page');
  });
});

describe('personName', () => {
  it('says "Partecipante eliminato" for a deleted account, never its placeholder handle', () => {
    setLang('it');
    expect(personName('Anna Neri')).toBe('Anna Neri');
    expect(personName('anna_neri')).toBe('anna_neri');
    expect(personName('')).toBe('Partecipante eliminato');
    expect(personName(null)).toBe('Partecipante eliminato');
    expect(personName('deleted-01a253261a2a7175bde89b369fae6116')).toBe('Partecipante eliminato');
    setLang('en');
    expect(personName('')).toBe('Deleted participant');
    setLang('it');
  });
});

describe('LiveRegion', () => {
  // A message is shown 50 ms after it is said (so a repeated one is read again).
  const said = () => act(() => new Promise((r) => setTimeout(r, 80)));

  it('says each message, a repeated one again, with nothing to press in it', async () => {
    setLang('it');
    root = document.createElement('div');
    document.body.appendChild(root);
    act(() => render(<LiveRegion />, root));
    await act(() => announce('Contenuto nascosto.'));
    await said();
    const region = root.querySelector('[role=status]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('Contenuto nascosto.');
    expect(root.querySelector('button')).toBeNull();
    await act(() => announce('Contenuto nascosto.'));
    expect(region.textContent).toBe('');
    await said();
    expect(region.textContent).toBe('Contenuto nascosto.');
  });
});

describe('the notice of a hide, where the item was', () => {
  const item = {
    id: '0190f3a2-7b1c-7d4e-8f00-0123456789ab',
    target: { kind: 'comment' as const, id: '0190f3a2-7b1c-7d4e-8f00-0123456789ac' },
    space_id: '0190f3a2-7b1c-7d4e-8f00-0123456789ad',
    preview: { text: 'Compratevi una bottiglia!', author_id: '0190f3a2-7b1c-7d4e-8f00-0123456789ae', author_nickname: 'troll' },
    hidden: false,
    hidden_by_block: false,
    open_reports: 2,
    reasons: { spam: 0, offensive: 2, does_not_belong: 0, other: 0 },
    latest_reports: [],
  };
  const mount = (hide: string | null, onUndo: () => Promise<void>) => {
    root = document.createElement('div');
    document.body.appendChild(root);
    act(() => render(<HiddenNotice hidden={{ item, index: 0, hide }} onUndo={onUndo} />, root));
    return root.querySelector<HTMLElement>('[role=group]')!;
  };

  it('says what was hidden, in words a screen reader reads as its name, and offers the undo after them', async () => {
    setLang('it');
    let runs = 0;
    const group = mount('0190f3a2-7b1c-7d4e-8f00-0000000000f1', async () => {
      runs++;
    });
    const words = document.getElementById(group.getAttribute('aria-labelledby')!)!;
    expect(words.textContent).toBe('Commento nascosto: «Compratevi una bottiglia!»');
    expect(group.tabIndex).toBe(-1);
    const button = group.querySelector('button')!;
    expect(button.textContent).toBe('Annulla');
    expect(button.getAttribute('aria-describedby')).toBe(words.id);
    await act(() => button.click());
    expect(runs).toBe(1);
  });

  it('says why an undo failed, and keeps offering it', async () => {
    setLang('en');
    const group = mount('0190f3a2-7b1c-7d4e-8f00-0000000000f1', async () => {
      throw new ApiError(409, 'moderation_changed');
    });
    await act(async () => group.querySelector('button')!.click());
    expect(group.querySelector('[role=alert]')?.textContent).toBe(errorMessage('moderation_changed'));
    expect(group.querySelector('button')?.textContent).toBe('Undo');
    setLang('it');
  });

  it('offers no undo for a hide that has none', () => {
    setLang('it');
    const group = mount(null, async () => {});
    expect(group.querySelector('button')).toBeNull();
  });
});
