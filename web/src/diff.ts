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

/** The ops one side of a side-by-side view shows. */
export function side(ops: Op[], which: 'before' | 'after'): Op[] {
  return ops.filter((o) => o.op === 'equal' || o.op === (which === 'before' ? 'delete' : 'insert'));
}
