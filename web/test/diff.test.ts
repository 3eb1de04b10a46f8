import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { changed, diffTexts, fold, foldRows, pairRows, tokenize, type Op, type SideRow } from '../src/diff';
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
  });

  /** A side's cell as plain text (null for an empty cell). */
  const cell = (line: Op[] | null) => (line ? line.map((o) => o.text).join('') : null);
  const table = (rows: SideRow[]) => rows.map((r) => [cell(r.before), cell(r.after)]);

  it('pairs three deleted lines with one inserted line and keeps the lines after on one row', () => {
    const ops: Op[] = [
      { op: 'equal', text: 'uno\n' },
      { op: 'delete', text: 'due\ntre\nquattro\n' },
      { op: 'insert', text: 'nuova\n' },
      { op: 'equal', text: 'cinque\nsei\n' },
    ];
    const rows = pairRows(ops);
    expect(table(rows)).toEqual([
      ['uno', 'uno'],
      ['due', 'nuova'],
      ['tre', null],
      ['quattro', null],
      ['cinque', 'cinque'],
      ['sei', 'sei'],
    ]);
    expect(rows.map((r) => r.changed)).toEqual([false, true, true, true, false, false]);
    // The deleted lines are marked deleted, the inserted one inserted.
    expect(rows[1].before).toEqual([{ op: 'delete', text: 'due' }]);
    expect(rows[1].after).toEqual([{ op: 'insert', text: 'nuova' }]);
    // And the other way round: the empty cells are on the left.
    expect(table(pairRows([{ op: 'insert', text: 'a\nb\n' }, { op: 'equal', text: 'c\n' }]))).toEqual([
      [null, 'a'],
      [null, 'b'],
      ['c', 'c'],
    ]);
  });

  it('keeps a word change on one row and unchanged lines on the same row index in both columns', () => {
    const a = 'Titolo\nStrade chiuse al traffico.\nSeconda riga.\nTerza cosa.\nUltima riga.';
    const b = 'Titolo\nStrade aperte al traffico.\nUna frase nuova.\nUn\'altra ancora.\nSeconda riga.\nUltima riga.';
    for (const granularity of ['word', 'line'] as const) {
      const rows = pairRows(diffTexts(a, b, granularity));
      const before = rows.map((r) => cell(r.before));
      const after = rows.map((r) => cell(r.after));
      // Read down each column, skipping empty cells, the texts come back.
      expect(before.filter((x) => x !== null).join('\n'), granularity).toBe(a);
      expect(after.filter((x) => x !== null).join('\n'), granularity).toBe(b);
      // Unchanged lines sit on one row.
      for (const line of ['Titolo', 'Ultima riga.']) expect(before.indexOf(line), `${granularity} ${line}`).toBe(after.indexOf(line));
    }
    const rows = pairRows(diffTexts(a, b));
    const changedRow = rows.find((r) => cell(r.before) === 'Strade chiuse al traffico.')!;
    expect(cell(changedRow.after)).toBe('Strade aperte al traffico.');
    expect(changedRow.before!.some((o) => o.op === 'delete' && o.text === 'chiuse')).toBe(true);
    expect(changedRow.after!.some((o) => o.op === 'insert' && o.text === 'aperte')).toBe(true);
  });

  it('folds long runs of unchanged rows, keeping context next to the changes', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `riga ${i}\n`).join('');
    const rows = pairRows([{ op: 'equal', text: lines }, { op: 'delete', text: 'via\n' }, { op: 'equal', text: lines }]);
    const segments = foldRows(rows, 2);
    expect(segments.map((s) => (s.kind === 'fold' ? `fold ${s.rows.length}` : s.row.changed ? 'changed' : 'row'))).toEqual([
      'fold 18',
      'row',
      'row',
      'changed',
      'row',
      'row',
      'fold 18',
    ]);
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
    const headers = [...root.querySelectorAll('th[scope=col]')].map((th) => th.textContent);
    expect(headers).toEqual(['Da versione 1', 'A versione 2']);
    const cells = root.querySelectorAll('tbody tr td');
    expect(cells).toHaveLength(2);
    expect(cells[0].querySelector('ins')).toBeNull();
    expect(cells[0].querySelector('del')!.textContent).toBe('[rimosso: chiuse]');
    expect(cells[1].querySelector('del')).toBeNull();
    expect(cells[1].querySelector('ins')!.textContent).toBe('[inserito: aperte]');
    // An empty cell says so to screen readers.
    render(h(DiffView, { ops: [{ op: 'delete', text: 'a\nb\n' }, { op: 'insert', text: 'c\n' }], layout: 'side', from: 1, to: 2, label: 'Testo' }), root);
    const empty = root.querySelector('td.diff-empty')!;
    expect(empty.textContent).toBe('nessuna riga corrispondente');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
    setLang('en');
    render(h(DiffView, { ops, layout: 'inline', label: 'Text' }), root);
    expect(root.querySelector('ins')!.textContent).toBe('[inserted: aperte]');
    render(h(DiffView, { ops: [{ op: 'equal', text: 'x' }], layout: 'inline', label: 'Text' }), root);
    expect(root.textContent).toContain('No differences.');
    setLang('it');
  });
});
