import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { changed, diffTexts, fold, side, tokenize, type Op } from '../src/diff';
import { DiffView } from '../src/components/Diff';
import { setLang } from '../src/i18n';

/** Applying the ops gives back both texts. */
function sides(ops: Op[]) {
  return {
    before: ops.filter((o) => o.op !== 'insert').map((o) => o.text).join(''),
    after: ops.filter((o) => o.op !== 'delete').map((o) => o.text).join(''),
  };
}

describe('diff', () => {
  it('tokenizes words, spaces and punctuation, accented letters included', () => {
    expect(tokenize('Città, più verde!')).toEqual(['Città', ',', ' ', 'più', ' ', 'verde', '!']);
    expect(tokenize('a\nb\n', 'line')).toEqual(['a\n', 'b\n']);
  });

  it('finds word insertions and deletions and keeps both texts', () => {
    const a = 'La zona 30 intorno alle scuole.';
    const b = 'La zona 30 intorno a tutte le scuole primarie.';
    const ops = diffTexts(a, b);
    expect(sides(ops)).toEqual({ before: a, after: b });
    expect(ops.filter((o) => o.op === 'insert').map((o) => o.text.trim())).toContain('primarie');
    expect(changed(ops)).toBe(true);
    expect(changed(diffTexts(a, a))).toBe(false);
    expect(diffTexts('', 'nuovo')).toEqual([{ op: 'insert', text: 'nuovo' }]);
  });

  it('falls back to lines for very large texts and stays correct', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `parola${i}`).join(' ');
    const b = a.replace('parola1500', 'cambiata');
    const ops = diffTexts(a, b);
    expect(sides(ops)).toEqual({ before: a, after: b });
  });

  it('folds long unchanged regions and keeps context around changes', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `riga ${i}\n`).join('');
    const ops: Op[] = [
      { op: 'delete', text: 'vecchio\n' },
      { op: 'insert', text: 'nuovo\n' },
      { op: 'equal', text: lines },
      { op: 'insert', text: 'fine\n' },
    ];
    const segments = fold(ops, 2);
    const folded = segments.find((s) => s.kind === 'fold');
    expect(folded && folded.kind === 'fold' && folded.lines).toBe(16);
    const text = segments.map((s) => (s.kind === 'fold' ? s.text : s.op.text)).join('');
    expect(text).toBe(ops.map((o) => o.text).join(''));
    expect(side(ops, 'before').map((o) => o.op)).toEqual(['delete', 'equal']);
    expect(side(ops, 'after').map((o) => o.op)).toEqual(['insert', 'equal', 'insert']);
  });

  it('renders insertions and deletions with more than colour', () => {
    setLang('it');
    const root = document.createElement('div');
    const ops: Op[] = [
      { op: 'equal', text: 'Strade ' },
      { op: 'delete', text: 'chiuse' },
      { op: 'insert', text: 'aperte' },
    ];
    render(h(DiffView, { ops, layout: 'inline', label: 'Testo' }), root);
    const ins = root.querySelector('ins')!;
    const del = root.querySelector('del')!;
    expect(ins.textContent).toBe('[inserito: aperte]');
    expect(del.textContent).toBe('[rimosso: chiuse]');
    expect(ins.querySelector('.visually-hidden')).not.toBeNull();
    render(h(DiffView, { ops, layout: 'side', from: 1, to: 2, label: 'Testo' }), root);
    const columns = root.querySelectorAll('.diff-text');
    expect(columns).toHaveLength(2);
    expect(columns[0].querySelector('ins')).toBeNull();
    expect(columns[1].querySelector('del')).toBeNull();
    expect(root.textContent).toContain('Prima (versione 1)');
    setLang('en');
    render(h(DiffView, { ops, layout: 'inline', label: 'Text' }), root);
    expect(root.querySelector('ins')!.textContent).toBe('[inserted: aperte]');
    render(h(DiffView, { ops: [{ op: 'equal', text: 'x' }], layout: 'inline', label: 'Text' }), root);
    expect(root.textContent).toContain('No differences.');
    setLang('it');
  });
});
