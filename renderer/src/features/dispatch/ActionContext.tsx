/**
 * What the open action is about, above its fields: the return request under review, the extension
 * asked for, the reply being verified or closed, whom the call-back calls.
 */
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/index';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { useReference } from '../reference';
import type { OpenForm } from './use-desk';

/** What a decision is about: the request under review, the reply under verification, whom to call. */
export function ActionContext({ detail, form }: { detail: OrderDetail; form: OpenForm }) {
  const { t } = useTranslation();
  const ref = useReference();
  const o = detail.order;
  const last = <T extends OrderEvent['type']>(type: T) =>
    [...detail.events].reverse().find((e): e is Extract<OrderEvent, { type: T }> => e.type === type);
  const lines: string[] = [];
  switch (form.action) {
    case 'return_review': {
      const e = last('return_requested');
      if (e)
        lines.push(
          t('desk.context.return', { unit: ref.unitName(e.payload.unitId), reason: e.payload.reason }),
        );
      break;
    }
    case 'extension_review': {
      const e = last('extension_requested');
      lines.push(
        t('desk.context.extension', { days: o.extensionRequestedDays, reason: e?.payload.reason ?? '' }),
      );
      break;
    }
    case 'verify':
    case 'close': {
      const e = last('replied');
      if (e) lines.push(t('desk.context.reply', { result: e.payload.result }));
      break;
    }
    case 'callback':
      lines.push(
        o.citizen
          ? t('desk.context.citizen', { name: o.citizen.name, phone: o.citizen.phone })
          : t('desk.context.noCitizen'),
      );
      break;
    default:
      break;
  }
  if (lines.length === 0) return null;
  return (
    <div className="af-context" data-testid="action-context">
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </div>
  );
}
