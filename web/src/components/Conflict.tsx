// One merge conflict as three columns (the base, the current text, the
// amendment's proposal), each with the text around it when given: the
// amendment page shows it to everyone, the staff editor above its choice.
import { contentLang, t } from '../i18n';

export interface ConflictText {
  base: string;
  current: string;
  proposed: string;
}

/** A conflict's three sides, side by side on a desk, one under another on a phone. */
export function ConflictColumns({ conflict, before = '', after = '' }: { conflict: ConflictText; before?: string; after?: string }) {
  const sides: [string, string][] = [
    [t('amendment.conflictBase'), conflict.base],
    [t('amendment.conflictCurrent'), conflict.current],
    [t('amendment.conflictProposed'), conflict.proposed],
  ];
  return (
    <div class="row g-2 conflict">
      {sides.map(([label, text]) => (
        <div class="col-md-4" key={label}>
          <p class="diff-side-label">{label}</p>
          <div class="diff-text" lang={contentLang()}>
            {before}
            {before || after ? <mark>{text}</mark> : text}
            {after}
          </div>
        </div>
      ))}
    </div>
  );
}
