/**
 * An inline confirmation (with an optional note) used by the 冲突 and 隔离区 lists: focus moves
 * to it when it opens and back to the row's button when it closes; Esc cancels it first.
 */
import { useEffect, useRef, useState, type MutableRefObject } from 'react';

export interface ConfirmBoxProps {
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  /** Shown as a textarea label when the confirmation takes a note. */
  readonly noteLabel?: string;
  readonly busy: boolean;
  readonly error: string | null;
  readonly escClaim: MutableRefObject<(() => boolean) | null>;
  readonly onConfirm: (note: string) => void;
  readonly onCancel: () => void;
}

export function ConfirmBox(p: ConfirmBoxProps) {
  const [note, setNote] = useState('');
  const first = useRef<HTMLTextAreaElement & HTMLButtonElement>(null);
  const { escClaim, onCancel } = p;
  useEffect(() => {
    first.current?.focus();
    escClaim.current = () => {
      onCancel();
      return true;
    };
    return () => {
      escClaim.current = null;
    };
  }, [escClaim, onCancel]);
  return (
    <div className="sync-confirm" role="group" aria-label={p.title} data-testid="sync-confirm">
      <strong>{p.title}</strong>
      <p>{p.text}</p>
      {p.noteLabel && (
        <label className="sync-field">
          <span>{p.noteLabel}</span>
          <textarea
            ref={first}
            maxLength={500}
            rows={2}
            value={note}
            data-testid="sync-confirm-note"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
      )}
      {p.error && (
        <div className="error-box" role="alert">
          {p.error}
        </div>
      )}
      <div className="sync-confirm-buttons">
        <button
          ref={p.noteLabel ? undefined : first}
          type="button"
          className="btn btn-primary"
          disabled={p.busy}
          data-testid="sync-confirm-ok"
          onClick={() => p.onConfirm(note.trim())}
        >
          {p.confirmLabel}
        </button>
        <button type="button" className="btn" disabled={p.busy} onClick={p.onCancel}>
          {p.cancelLabel}
        </button>
      </div>
    </div>
  );
}
