/**
 * The action bar of the order detail: one button per lifecycle action the user may take on this
 * order now (role and permission as the core checks them, and the statuses the lifecycle allows).
 * While someone else holds the order's lock the buttons are disabled and say who.
 */
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/index';
import type { DraftHints } from './action-forms';
import { primaryAction, type DeskActionId } from './desk-actions';
import { deskErrorText } from './desk-errors';
import { useDeskContext } from './use-desk';

interface Props {
  readonly detail: OrderDetail;
  readonly actions: readonly DeskActionId[];
  readonly hints: DraftHints;
  /** An action of this order waits in the undo window: the next one is based on its result. */
  readonly pending: boolean;
  readonly onPalette: () => void;
}

export function ActionBar({ detail, actions, hints, pending, onPalette }: Props) {
  const { t } = useTranslation();
  const desk = useDeskContext();
  const lock = detail.lock;
  const lockedByOther = lock !== null && !lock.mine;
  const primary = primaryAction(actions);
  const open = desk.form?.orderId === detail.order.id ? desk.form.action : null;
  const barError = desk.barError?.orderId === detail.order.id ? desk.barError.error : null;
  return (
    <section className="action-bar" aria-label={t('desk.bar.title')} data-testid="action-bar">
      {actions.length === 0 ? (
        <p className="muted" data-testid="action-bar-empty">
          {t('desk.bar.none')}
        </p>
      ) : (
        <div className="action-buttons" role="toolbar" aria-label={t('desk.bar.title')}>
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn${a === primary ? ' primary' : ''}${open === a ? ' active' : ''}`}
              data-testid={`action-${a}`}
              aria-pressed={open === a}
              disabled={lockedByOther || pending}
              title={
                lockedByOther
                  ? t('desk.bar.lockedByOther', { name: lock?.holderName ?? '' })
                  : pending
                    ? t('desk.bar.pending')
                    : undefined
              }
              onClick={() => desk.start(detail, a, hints)}
            >
              {t(`desk.action.${a}`)}
            </button>
          ))}
          <button
            type="button"
            className="btn ghost palette-btn"
            data-testid="palette-open"
            title={t('desk.palette.title')}
            onClick={onPalette}
          >
            {t('desk.bar.palette')}
          </button>
        </div>
      )}
      {barError && (
        <div className="error-box" role="alert" data-testid="action-bar-error">
          {deskErrorText(barError, t)}
        </div>
      )}
    </section>
  );
}
