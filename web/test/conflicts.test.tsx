// The conflicts an amendment page shows: the text around each conflict
// comes from its own field, never from the title for the body's first.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Conflicts } from '../src/screens/Amendment';
import { setLang } from '../src/i18n';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Conflicts', () => {
  it('keeps the title and the body apart', () => {
    setLang('it');
    root = document.createElement('div');
    document.body.appendChild(root);
    const title = [{ kind: 'agreed' as const, text: 'Un titolo comune' }];
    const body = [
      { kind: 'conflict' as const, base: 'vecchio', current: 'attuale', proposed: 'proposto' },
      { kind: 'agreed' as const, text: ' e il resto del testo.' },
    ];
    render(<Conflicts fields={[title, body]} />, root);
    const sides = [...root.querySelectorAll('.diff-text')].map((d) => d.textContent);
    expect(sides).toEqual(['vecchio e il resto del testo.', 'attuale e il resto del testo.', 'proposto e il resto del testo.']);
  });
});
