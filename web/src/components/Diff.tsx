// Renders a diff: insertions underlined, deletions struck through, each with
// visually hidden "inserito"/"rimosso" text, so colour is never the only cue.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fold, side, type Op, type Segment } from '../diff';
import { t } from '../i18n';

function OpView({ op }: { op: Op }) {
  if (op.op === 'insert')
    return (
      <ins class="diff-ins">
        <span class="visually-hidden">[{t('diff.inserted')}: </span>
        {op.text}
        <span class="visually-hidden">]</span>
      </ins>
    );
  if (op.op === 'delete')
    return (
      <del class="diff-del">
        <span class="visually-hidden">[{t('diff.removed')}: </span>
        {op.text}
        <span class="visually-hidden">]</span>
      </del>
    );
  return <span>{op.text}</span>;
}

/** One insertion or deletion on its own (excerpts). */
export function DiffOpInline({ op, text }: { op: 'insert' | 'delete'; text: string }) {
  return <OpView op={{ op, text }} />;
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
    <span class="diff-fold">
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
        <div class="row g-2">
          <div class="col-md-6">
            <p class="diff-side-label">{from !== undefined ? t('diff.before', { n: from }) : t('diff.removed')}</p>
            <div class="diff-text">
              <Ops ops={side(ops, 'before')} />
            </div>
          </div>
          <div class="col-md-6">
            <p class="diff-side-label">{to !== undefined ? t('diff.after', { n: to }) : t('diff.inserted')}</p>
            <div class="diff-text">
              <Ops ops={side(ops, 'after')} />
            </div>
          </div>
        </div>
      </div>
    );
  return (
    <div class="diff-field">
      <H class="h6">{label}</H>
      <div class="diff-text">
        <Ops ops={ops} />
      </div>
    </div>
  );
}
