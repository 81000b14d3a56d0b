/**
 * The confirmation of a destructive action (退单审核, 结案, 并案): it names the order and says what
 * will happen; 确认 sends the action at once (no undo window), 返回修改 goes back to the form
 * with the input kept. Esc is 返回修改. Focus starts on 返回修改, so a stray Enter does nothing harmful.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import type { ConfirmRequest } from './use-desk';

/** The consequence sentence for a confirmed action (approval and refusal read differently). */
export function consequenceKey(req: ConfirmRequest): string {
  const a = req.input.action;
  if (a.type === 'return_decided')
    return `desk.confirm.consequence.return_${a.payload.approved ? 'approve' : 'refuse'}`;
  if (a.type === 'merged') return 'desk.confirm.consequence.merge';
  return 'desk.confirm.consequence.close';
}

export function ConfirmDialog({
  req,
  onConfirm,
  onCancel,
}: {
  req: ConfirmRequest;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const safe = useRef<HTMLButtonElement>(null);
  // After showModal (the hook's effect runs first): the safe choice has the focus, not 确认.
  useEffect(() => safe.current?.focus(), []);
  const action = t(`desk.action.${req.form.action}`);
  const into = req.input.action.type === 'merged' ? req.input.action.payload.intoOrderId : '';
  return (
    <dialog
      ref={dialog}
      className="modal-dialog confirm-dialog"
      data-testid="confirm-dialog"
      aria-labelledby="desk-confirm-title"
      aria-describedby="desk-confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="desk-confirm-title">{t('desk.confirm.title', { action })}</h2>
      <div id="desk-confirm-body" className="confirm-body">
        <p className="confirm-order">
          {t('desk.confirm.order', { id: req.form.orderId, title: req.form.orderTitle })}
        </p>
        <p className="confirm-consequence" data-testid="confirm-consequence">
          {t(consequenceKey(req), { into })}
        </p>
      </div>
      <div className="confirm-foot">
        <button type="button" className="btn danger-solid" data-testid="confirm-ok" onClick={onConfirm}>
          {t('desk.confirm.ok', { action })}
        </button>
        <button type="button" className="btn" data-testid="confirm-cancel" ref={safe} onClick={onCancel}>
          {t('desk.confirm.cancel')}
        </button>
      </div>
    </dialog>
  );
}
