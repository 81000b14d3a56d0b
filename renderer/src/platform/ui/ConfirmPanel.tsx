/**
 * A destructive step's confirmation in a dialog's side panel (停用 an account, 删除 a template):
 * a title, what it does, the refusal if there was one, the red confirm button and 取消 — which
 * has focus, the safe default under the keyboard. The caller runs the step (`busy`, `error`).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmPanelProps {
  /** Prefix of the ids and test ids: `${id}-title`, `${id}-text`, `${id}-error`, `${id}-confirm-btn`. */
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly cancelTestId: string;
  readonly busy: boolean;
  readonly error: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmPanel(p: ConfirmPanelProps) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      className="dialog-form dialog-confirm"
      role="alertdialog"
      aria-labelledby={`${p.id}-title`}
      aria-describedby={`${p.id}-text`}
      data-testid={`${p.id}-confirm`}
    >
      <h3 id={`${p.id}-title`}>{p.title}</h3>
      <p id={`${p.id}-text`}>{p.text}</p>
      <div className="auth-error" role="alert" data-testid={`${p.id}-error`}>
        {p.error}
      </div>
      <div className="dialog-buttons">
        <button
          type="button"
          className="auth-submit danger"
          data-testid={`${p.id}-confirm-btn`}
          disabled={p.busy}
          onClick={p.onConfirm}
        >
          {p.busy ? t('auth.working') : p.confirmLabel}
        </button>
        <button type="button" className="btn" ref={cancel} onClick={p.onCancel} data-testid={p.cancelTestId}>
          {p.cancelLabel}
        </button>
      </div>
    </div>
  );
}
