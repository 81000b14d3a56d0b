/**
 * Two people, one case: who else is working on this order ("张三 正在处理（办结反馈）· 2 分钟前"),
 * and for a commander 解除锁定 with a reason (audited by the core).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLockView } from '../../../../shared/contract/index';
import { useMutation } from '../../platform/api/use-mutation';
import { useNow } from '../../platform/format/use-now';
import { deskErrorText } from './desk-errors';
import { agoLabel, lockPurposeLabel } from './lock-format';

interface Props {
  readonly orderId: string;
  readonly lock: OrderLockView;
  readonly canBreak: boolean;
}

export function LockBanner({ orderId, lock, canBreak }: Props) {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const [breaking, setBreaking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const brk = useMutation('orders.breakLock');
  const purpose = lockPurposeLabel(lock.purpose, t);

  const submit = async () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    try {
      await brk.run({ orderId, reason: reason.trim() });
      setBreaking(false);
      setReason('');
    } catch {
      // Shown below (brk.error).
    }
  };

  return (
    <div className="lock-banner" role="status" data-testid="lock-banner">
      <span className="lock-icon" aria-hidden="true">
        ●
      </span>
      <span className="lock-text" data-testid="lock-text">
        {t('desk.lock.byOther', {
          name: lock.holderName,
          what: purpose ? t('desk.lock.what', { action: purpose }) : '',
          ago: agoLabel(now - lock.since, t),
        })}
      </span>
      {canBreak && !breaking && (
        <button type="button" className="btn" data-testid="lock-break" onClick={() => setBreaking(true)}>
          {t('desk.lock.break')}
        </button>
      )}
      {canBreak && breaking && (
        <form
          className="lock-break-form"
          onKeyDown={(e) => {
            // Esc leaves the reason, not the order (the desk closes the detail on Esc).
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setBreaking(false);
          }}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {t('desk.lock.breakReason')}
            <input
              autoFocus
              data-testid="lock-break-reason"
              value={reason}
              maxLength={200}
              aria-invalid={missing}
              placeholder={t('desk.lock.breakPlaceholder')}
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
            />
          </label>
          <button type="submit" className="btn danger" data-testid="lock-break-confirm" disabled={brk.busy}>
            {t('desk.lock.breakConfirm')}
          </button>
          <button type="button" className="btn" onClick={() => setBreaking(false)}>
            {t('desk.lock.cancel')}
          </button>
          {missing && <span className="field-error">{t('desk.error.required')}</span>}
        </form>
      )}
      {brk.error && (
        <div className="error-box" role="alert">
          {deskErrorText(brk.error, t)}
        </div>
      )}
    </div>
  );
}
