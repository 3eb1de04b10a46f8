// Diff helpers: the client's own word diff for live previews (the server's
// /diff answers the same shape for stored versions), and folding of long
// unchanged regions.

export type OpKind = 'equal' | 'insert' | 'delete';
export interface Op {
  op: OpKind;
  text: string;
}

/** Splits a text into words, runs of spaces and single punctuation marks. */
export function tokenize(text: string, granularity: 'word' | 'line' = 'word'): string[] {
  if (granularity === 'line') return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return text.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

/** Largest number of token pairs compared before falling back to lines. */
const BUDGET = 4_000_000;

/** A minimal diff between two texts (LCS over tokens), merged into runs. */
export function diffTexts(a: string, b: string, granularity: 'word' | 'line' = 'word'): Op[] {
  const x = tokenize(a, granularity);
  const y = tokenize(b, granularity);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const n = endX - start;
  const m = endY - start;
  if (n * m > BUDGET && granularity === 'word') return diffTexts(a, b, 'line');
  const ops: Op[] = [];
  const push = (op: OpKind, text: string) => {
    if (!text) return;
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  push('equal', x.slice(0, start).join(''));
  if (n * m > BUDGET) {
    push('delete', x.slice(start, endX).join(''));
    push('insert', y.slice(start, endY).join(''));
  } else {
    // lcs[i][j]: length of the LCS of x[start+i..endX) and y[start+j..endY).
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          x[start + i] === y[start + j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[start + i] === y[start + j]) {
        push('equal', x[start + i]);
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
        push('insert', y[start + j]);
        j++;
      } else {
        push('delete', x[start + i]);
        i++;
      }
    }
  }
  push('equal', x.slice(endX).join(''));
  return ops;
}

/** Whether the ops change anything. */
export function changed(ops: Op[]): boolean {
  return ops.some((o) => o.op !== 'equal');
}

export type Segment = { kind: 'op'; op: Op } | { kind: 'fold'; text: string; lines: number };

/**
 * Folds the middle of unchanged runs longer than `2 * context + 1` lines,
 * keeping `context` lines on each side next to the changes.
 */
export function fold(ops: Op[], context = 2): Segment[] {
  const out: Segment[] = [];
  ops.forEach((op, index) => {
    if (op.op !== 'equal') {
      out.push({ kind: 'op', op });
      return;
    }
    const lines = op.text.split(/(?<=\n)/);
    const keepBefore = index === 0 ? 0 : context;
    const keepAfter = index === ops.length - 1 ? 0 : context;
    if (lines.length <= keepBefore + keepAfter + 2) {
      out.push({ kind: 'op', op });
      return;
    }
    const head = lines.slice(0, keepBefore).join('');
    const middle = lines.slice(keepBefore, lines.length - keepAfter);
    const tail = lines.slice(lines.length - keepAfter).join('');
    if (head) out.push({ kind: 'op', op: { op: 'equal', text: head } });
    out.push({ kind: 'fold', text: middle.join(''), lines: middle.length });
    if (tail) out.push({ kind: 'op', op: { op: 'equal', text: tail } });
  });
  return out;
}

/** One row of a side-by-side view: a line of the old text and a line of the new. */
export interface SideRow {
  /** The line before (equal and deleted parts), or null for an empty cell. */
  before: Op[] | null;
  /** The line after (equal and inserted parts), or null for an empty cell. */
  after: Op[] | null;
  /** Whether the row shows a change (else the line is the same on both sides). */
  changed: boolean;
}

/**
 * Pairs the lines of both sides for a side-by-side view, row by row: an
 * unchanged line sits on one row in both columns; a changed region puts its
 * old lines next to its new ones, in order, and the shorter side gets empty
 * cells, so the columns never drift. Line ends are not part of the cells.
 */
export function pairRows(ops: Op[]): SideRow[] {
  const rows: SideRow[] = [];
  let before: Op[][] = [];
  let after: Op[][] = [];
  let lineBefore: Op[] = [];
  let lineAfter: Op[] = [];
  let changed = false;
  const add = (line: Op[], op: OpKind, text: string) => {
    if (!text) return;
    const last = line[line.length - 1];
    if (last && last.op === op) last.text += text;
    else line.push({ op, text });
  };
  // A region (an unchanged line, or changed lines) becomes its rows.
  const flush = () => {
    // An unfinished line (the text's last, without a line end) is still a line.
    if (lineBefore.length) before.push(lineBefore);
    if (lineAfter.length) after.push(lineAfter);
    for (let i = 0; i < Math.max(before.length, after.length); i++) rows.push({ before: before[i] ?? null, after: after[i] ?? null, changed });
    before = [];
    after = [];
    lineBefore = [];
    lineAfter = [];
    changed = false;
  };
  for (const op of ops) {
    // Each piece ends at a line end, or is the last of the op.
    for (const piece of op.text.split(/(?<=\n)/)) {
      if (!piece) continue;
      const ends = piece.endsWith('\n');
      const text = ends ? piece.slice(0, -1) : piece;
      if (op.op === 'equal') {
        // Both sides at the start of a line: the changes so far are a region of their own.
        if (changed && !lineBefore.length && !lineAfter.length) flush();
        add(lineBefore, 'equal', text);
        add(lineAfter, 'equal', text);
        if (ends) {
          // Both lines end together: the region ends here.
          before.push(lineBefore);
          after.push(lineAfter);
          lineBefore = [];
          lineAfter = [];
          flush();
        }
      } else {
        changed = true;
        const line = op.op === 'delete' ? lineBefore : lineAfter;
        add(line, op.op, text);
        if (ends) {
          // An empty line still takes a row.
          if (!line.length) line.push({ op: op.op, text: '' });
          if (op.op === 'delete') {
            before.push(lineBefore);
            lineBefore = [];
          } else {
            after.push(lineAfter);
            lineAfter = [];
          }
        }
      }
    }
  }
  flush();
  return rows;
}

export type RowSegment = { kind: 'row'; row: SideRow } | { kind: 'fold'; rows: SideRow[] };

/** Folds long runs of unchanged rows as `fold` folds lines, keeping `context` rows next to the changes. */
export function foldRows(rows: SideRow[], context = 2): RowSegment[] {
  const out: RowSegment[] = [];
  let start = 0;
  while (start < rows.length) {
    if (rows[start].changed) {
      out.push({ kind: 'row', row: rows[start++] });
      continue;
    }
    let end = start;
    while (end < rows.length && !rows[end].changed) end++;
    const keepBefore = start === 0 ? 0 : context;
    const keepAfter = end === rows.length ? 0 : context;
    const run = rows.slice(start, end);
    if (run.length <= keepBefore + keepAfter + 2) for (const row of run) out.push({ kind: 'row', row });
    else {
      for (const row of run.slice(0, keepBefore)) out.push({ kind: 'row', row });
      out.push({ kind: 'fold', rows: run.slice(keepBefore, run.length - keepAfter) });
      for (const row of run.slice(run.length - keepAfter)) out.push({ kind: 'row', row });
    }
    start = end;
  }
  return out;
}
