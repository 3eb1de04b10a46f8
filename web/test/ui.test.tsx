// The one breadcrumb of the app (the proposal and the space use it), and
// the live region with a step offered after a message (undo a hide).
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { announce, Breadcrumb, LiveRegion, withdrawOffer } from '../src/components/ui';
import { ApiError } from '../src/api/client';
import { navigate } from '../src/router';
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

describe('LiveRegion', () => {
  // A message is shown 50 ms after it is said (so a repeated one is read again).
  const said = () => act(() => new Promise((r) => setTimeout(r, 80)));
  const mount = () => {
    root = document.createElement('div');
    document.body.appendChild(root);
    act(() => render(<LiveRegion />, root));
  };
  const button = () => root.querySelector('button');

  it('offers a step with a message; once done, the next message has the focus the button had', async () => {
    setLang('it');
    mount();
    let runs = 0;
    await act(() => announce('Contenuto nascosto.', { label: 'Annulla', run: async () => (runs++, announce('Contenuto di nuovo visibile.')) }));
    await said();
    expect(root.querySelector('[role=status]')!.textContent).toBe('Contenuto nascosto.Annulla');
    button()!.focus();
    await act(() => button()!.click());
    await said();
    expect(runs).toBe(1);
    expect(root.textContent).toBe('Contenuto di nuovo visibile.');
    expect(button()).toBeNull();
    expect(document.activeElement?.id).toBe('live-message');
  });

  it('withdraws the offer, keeping the words, when another action begins or on a navigation', async () => {
    mount();
    const offer = { label: 'Annulla', run: async () => {} };
    await act(() => announce('Contenuto nascosto.', offer));
    await said();
    expect(button()).not.toBeNull();
    await act(() => withdrawOffer());
    expect(button()).toBeNull();
    expect(root.textContent).toBe('Contenuto nascosto.');
    await act(() => announce('Contenuto nascosto.', offer));
    await said();
    expect(button()).not.toBeNull();
    await act(() => navigate('/staff/segnalazioni?stato=all', { replace: true }));
    expect(button()).toBeNull();
    expect(root.textContent).toBe('Contenuto nascosto.');
  });

  it('says why a step failed, and keeps offering it', async () => {
    mount();
    await act(() =>
      announce('Contenuto nascosto.', {
        label: 'Annulla',
        run: async () => {
          throw new ApiError(403, 'staff_only');
        },
      }),
    );
    await said();
    await act(() => button()!.click());
    await said();
    expect(root.querySelector('[role=alert]')?.textContent).toBe(errorMessage('staff_only'));
    expect(button()).not.toBeNull();
  });
});
