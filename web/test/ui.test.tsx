// The one breadcrumb of the app (the proposal and the space use it).
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Breadcrumb } from '../src/components/ui';
import { setLang } from '../src/i18n';

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
