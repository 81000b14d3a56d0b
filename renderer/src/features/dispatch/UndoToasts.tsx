/**
 * The undo window on screen: "已提交：签收 · 5 秒后生效" with 撤销 and 立即提交; then 已保存, or 未保存
 * with the reason and 返回处理 (the form comes back with the input). Also the desk's short notices
 * (a confirmed action saved, an action undone).
 */
import { useTranslation } from 'react-i18next';
import { useNow } from '../../platform/format/use-now';
import { asApiError } from '../../platform/api/error-text';
import { deskErrorText } from './desk-errors';
import { deskQueue, useDeskQueue } from './desk-queue';
import { useDeskContext } from './use-desk';

export function UndoToasts() {
  const { t } = useTranslation();
  const desk = useDeskContext();
  const entries = useDeskQueue();
  const now = useNow(250);
  if (entries.length === 0 && desk.notices.length === 0) return null;
  return (
    <div className="desk-toasts" role="region" aria-label={t('desk.toast.region')} aria-live="polite">
      {entries.map((e) => {
        const action = t(`desk.action.${e.item.deskAction}`);
        const id = e.item.orderId;
        return (
          <div
            key={e.id}
            className={`desk-toast ${e.state}`}
            data-testid="undo-toast"
            data-state={e.state}
            data-toast-id={e.id}
            data-action={e.item.deskAction}
          >
            {e.state === 'waiting' && (
              <>
                <span className="toast-text">
                  {t('desk.toast.waiting', { action, id })}
                  <span className="muted">
                    {' · '}
                    {t('desk.toast.countdown', { s: Math.max(0, Math.ceil((e.dueAt - now) / 1000)) })}
                  </span>
                </span>
                <button
                  type="button"
                  className="btn primary"
                  data-testid="undo-button"
                  onClick={() => desk.undo(e.id)}
                >
                  {t('desk.toast.undo')}
                </button>
                <button
                  type="button"
                  className="btn"
                  data-testid="send-now"
                  onClick={() => deskQueue.sendNow(e.id)}
                >
                  {t('desk.toast.sendNow')}
                </button>
              </>
            )}
            {e.state === 'sending' && (
              <span className="toast-text">{t('desk.toast.sending', { action, id })}</span>
            )}
            {e.state === 'saved' && (
              <span className="toast-text">{t('desk.toast.saved', { action, id })}</span>
            )}
            {e.state === 'failed' && (
              <>
                <span className="toast-text">
                  {t('desk.toast.failed', { action, id })}
                  {'：'}
                  {deskErrorText(asApiError(e.error), t)}
                </span>
                <button
                  type="button"
                  className="btn primary"
                  data-testid="toast-take-back"
                  onClick={() => desk.takeBack(e.id)}
                >
                  {t('desk.toast.takeBack')}
                </button>
                <button type="button" className="btn" onClick={() => deskQueue.dismiss(e.id)}>
                  {t('desk.toast.dismiss')}
                </button>
              </>
            )}
          </div>
        );
      })}
      {desk.notices.map((n) => (
        <div key={n.id} className={`desk-toast ${n.kind}`} data-testid="desk-notice" data-kind={n.kind}>
          <span className="toast-text">
            {t(`desk.toast.${n.kind}`, {
              action: n.action ? t(`desk.action.${n.action}`) : '',
              id: n.orderId,
            })}
          </span>
          <button type="button" className="btn" onClick={() => desk.dismissNotice(n.id)}>
            {t('desk.toast.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
