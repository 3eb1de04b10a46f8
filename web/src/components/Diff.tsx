// Renders a diff: insertions underlined, deletions struck through, each with
// visually hidden "inserito"/"rimosso" text, so colour is never the only cue.
// Side by side is a table with one row per pair of lines, so the columns
// never drift apart.
import type { Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fold, foldRows, pairRows, type Op, type Segment, type SideRow } from '../diff';
import { contentLang, t, tn, uiLangInContent } from '../i18n';
import type { AmendmentSummary } from '../api/types';

function OpView({ op }: { op: Op }) {
  // An empty line inserted or removed (side by side) is named, not left silent.
  const ui = uiLangInContent();
  const text = op.text || (
    <span class="visually-hidden" lang={ui}>
      {t('diff.blankLine')}
    </span>
  );
  if (op.op === 'insert')
    return (
      <ins class="diff-ins">
        <span class="visually-hidden" lang={ui}>
          [{t('diff.inserted')}:{' '}
        </span>
        {text}
        <span class="visually-hidden">]</span>
      </ins>
    );
  if (op.op === 'delete')
    return (
      <del class="diff-del">
        <span class="visually-hidden" lang={ui}>
          [{t('diff.removed')}:{' '}
        </span>
        {text}
        <span class="visually-hidden">]</span>
      </del>
    );
  // Unwrapped: a span starting with a line break has a box that misses its
  // own first characters, and axe then takes the text for overlapped.
  return <>{op.text}</>;
}

/** What an amendment changes, as the API cuts it: its first change in its sentence (`excerpt`). */
export type Excerpt = NonNullable<AmendmentSummary['excerpt']>;

/**
 * An amendment's first change read in its sentence: the words before,
 * the removed ones struck, the inserted ones underlined, the words after
 * ("Proponiamo di piantare ~~dieci~~ dodici alberi"), then how many other
 * places it changes. Cards (the proposal's amendments, the staff queue)
 * show it without reading each amendment.
 */
export function ExcerptView({ excerpt }: { excerpt: Excerpt }) {
  const { before, removed, inserted, after, other_changes: others } = excerpt;
  return (
    <p class="small mb-0 amendment-excerpt">
      {excerpt.field === 'title' && <span class="excerpt-field">{t('diff.titleField')}: </span>}
      <span lang={contentLang()}>
        {before}
        {removed && <OpView op={{ op: 'delete', text: removed }} />}
        {inserted && <OpView op={{ op: 'insert', text: inserted }} />}
        {after}
      </span>
      {others > 0 && <span class="text-secondary"> {tn('amendments.otherChanges', others)}</span>}
    </p>
  );
}

function Fold({ segment }: { segment: Extract<Segment, { kind: 'fold' }> }) {
  const [open, setOpen] = useState(false);
  const revealed = useRef<HTMLSpanElement>(null);
  // The button is replaced by the lines it stood for: the focus goes to them.
  useEffect(() => {
    if (open) revealed.current?.focus();
  }, [open]);
  if (open)
    return (
      <span ref={revealed} tabIndex={-1} class="diff-unfolded">
        {segment.text}
      </span>
    );
  return (
    <span class="diff-fold" lang={uiLangInContent()}>
      <button type="button" class="btn btn-link btn-sm p-0" onClick={() => setOpen(true)}>
        {t('diff.fold', { n: segment.lines })}
      </button>
      {'\n'}
    </span>
  );
}

function Ops({ ops }: { ops: Op[] }) {
  return (
    <>
      {fold(ops).map((s, i) => (s.kind === 'fold' ? <Fold key={i} segment={s} /> : <OpView key={i} op={s.op} />))}
    </>
  );
}

/** One side of a row: the line, or an empty cell where the other side has more lines. */
function Cell({ line, focusRef }: { line: Op[] | null; focusRef?: Ref<HTMLTableCellElement> }) {
  if (!line)
    return (
      <td class="diff-empty" ref={focusRef} tabIndex={focusRef ? -1 : undefined} lang={uiLangInContent()}>
        <span class="visually-hidden">{t('diff.noLine')}</span>
      </td>
    );
  return (
    <td ref={focusRef} tabIndex={focusRef ? -1 : undefined} lang={contentLang()}>
      {line.map((op, i) => (
        <OpView key={i} op={op} />
      ))}
    </td>
  );
}

function Row({ row, focusRef }: { row: SideRow; focusRef?: Ref<HTMLTableCellElement> }) {
  return (
    <tr class={row.changed ? 'diff-changed' : undefined}>
      <Cell line={row.before} focusRef={focusRef} />
      <Cell line={row.after} />
    </tr>
  );
}

/** Unchanged rows folded behind "mostra N righe"; once shown, the focus goes to the first of them. */
function FoldRows({ rows }: { rows: SideRow[] }) {
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  if (open)
    return (
      <>
        {rows.map((row, i) => (
          <Row key={i} row={row} focusRef={i === 0 ? first : undefined} />
        ))}
      </>
    );
  return (
    <tr class="diff-fold-row">
      <td colSpan={2}>
        <button type="button" class="btn btn-link btn-sm p-0" onClick={() => setOpen(true)}>
          {t('diff.fold', { n: rows.length })}
        </button>
      </td>
    </tr>
  );
}

/** Side by side: one table row per pair of lines, the columns named by version. */
function SideBySide({ ops, from, to, label }: { ops: Op[]; from?: number; to?: number; label: string }) {
  const rows = useMemo(() => foldRows(pairRows(ops)), [ops]);
  return (
    <table class="diff-table">
      <caption class="visually-hidden">{label}</caption>
      <thead>
        <tr>
          <th scope="col">{from !== undefined ? t('diff.before', { n: from }) : t('diff.original')}</th>
          <th scope="col">{to !== undefined ? t('diff.after', { n: to }) : t('diff.proposed')}</th>
        </tr>
      </thead>
      <tbody>{rows.map((s, i) => (s.kind === 'fold' ? <FoldRows key={i} rows={s.rows} /> : <Row key={i} row={s.row} />))}</tbody>
    </table>
  );
}

export interface DiffViewProps {
  ops: Op[];
  layout: 'inline' | 'side';
  from?: number;
  to?: number;
  label: string;
  /** The heading level of the field's name: 2 on a page of its own (compare), 3 inside a section. */
  level?: 2 | 3;
}

/** One field's diff (title or body). */
export function DiffView({ ops, layout, from, to, label, level = 3 }: DiffViewProps) {
  const H = level === 2 ? 'h2' : 'h3';
  if (!ops.some((o) => o.op !== 'equal'))
    return (
      <div class="diff-field">
        <H class="h6">{label}</H>
        <p class="text-secondary">{t('diff.noChange')}</p>
      </div>
    );
  if (layout === 'side')
    return (
      <div class="diff-field">
        <H class="h6">{label}</H>
        <SideBySide ops={ops} from={from} to={to} label={label} />
      </div>
    );
  return (
    <div class="diff-field">
      <H class="h6">{label}</H>
      <div class="diff-text" lang={contentLang()}>
        <Ops ops={ops} />
      </div>
    </div>
  );
}
