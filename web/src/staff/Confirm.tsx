// A staff decision asked twice: the button opens a short form with, where
// the API keeps one, an optional note for the public log, and the button
// that confirms; "Annulla" closes it. Accepting an amendment publishes a
// version, hiding takes content from everyone, verifying changes what a
// person may do: none of them should happen on a slip of the finger.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

export function Confirm({
  id,
  label,
  confirm,
  withNote,
  danger,
  onConfirm,
}: {
  id: string;
  label: string;
  confirm: string;
  /** The API keeps a note with this decision. */
  withNote?: boolean;
  /** Red buttons, for a decision that takes something away. */
  danger?: boolean;
  onConfirm: (note: string | undefined) => void;
}) {
  const [open, setOpen] = useState(false);
  const tone = danger ? 'btn btn-danger btn-sm' : 'btn btn-primary btn-sm';
  const [note, setNote] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  // The focus goes into the form when it opens, back to the button when it closes.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (open ? document.getElementById(withNote ? `${id}-note` : `${id}-ok`) : button.current)?.focus();
  }, [open]);
  const toggle = (next: boolean) => {
    moved.current = true;
    setOpen(next);
  };
  return (
    <>
      <button type="button" ref={button} class={tone} aria-expanded={open} onClick={() => toggle(!open)}>
        {label}
      </button>
      {open && (
        <form
          class="confirm-step mt-2"
          onSubmit={(e) => {
            e.preventDefault();
            onConfirm(note.trim() || undefined);
          }}
        >
          {withNote && (
            <div class="form-group mb-2">
              <label for={`${id}-note`} class="form-label active">
                {t('staff.note')}
              </label>
              <textarea id={`${id}-note`} class="form-control" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </div>
          )}
          <div class="d-flex gap-2">
            <button type="submit" id={`${id}-ok`} class={tone}>
              {confirm}
            </button>
            <button type="button" class="btn btn-outline-secondary btn-sm" onClick={() => toggle(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
