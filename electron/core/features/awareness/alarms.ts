/**
 * awareness.alarms / awareness.acknowledgeAlarm: P0/P1 orders of the last 24 h that no unit has
 * signed for yet sound the wall's alarm until a duty officer acknowledges them; who and when is
 * kept (alarm_ack) and audited.
 */
import { ApiError } from '../../../../shared/contract/index';
import type { AlarmItem } from '../../../../shared/features/awareness/contract';
import { maskAddress, maskName } from '../../../../shared/kernel/masking';
import type { OrderStatus, Urgency } from '../../../../shared/features/orders/order';
import { displayNameOf } from '../auth';
import { acknowledgedAlarms, alarmRow, insertAck, pendingAlarms, type AlarmRow } from './queries-alarms';
import { insertAudit } from '../../store/audit';
import type { ReadableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';
import { maskTextFor, mayseePersonalData, type MaskSubject } from '../../runtime/masking';

const WINDOW_MS = 24 * 3_600_000;
const LIMIT = 50;

function toItem(db: ReadableDb, r: AlarmRow, who: MaskSubject): AlarmItem {
  const unmasked = mayseePersonalData(who);
  const name = r.ackActor ? displayNameOf(db, r.ackActor) : null;
  return {
    orderId: r.orderId,
    // Free text: numbers in any form and the order's citizen name are masked for a wall.
    title: maskTextFor(who, r.title, r.orderId),
    urgency: r.urgency as Urgency,
    status: r.status as OrderStatus,
    receivedAt: r.receivedAt,
    // The door (house, building, room) is not for a public wall: the road or estate is enough.
    address: unmasked ? r.address : maskTextFor(who, maskAddress(r.address), r.orderId),
    communityCode: r.communityCode,
    acknowledgedAt: r.ackAt,
    // Account names are people's logins (often pinyin names): masked like the display name.
    acknowledgedBy: r.ackActor && !unmasked ? maskName(r.ackActor) : r.ackActor,
    acknowledgedByName: name && !unmasked ? maskName(name) : name,
  };
}

export const alarmsList: Handler<'awareness.alarms'> = (_input, call, env) => {
  const since = env.now() - WINDOW_MS;
  return {
    pending: pendingAlarms(env.db, since, LIMIT).map((r) => toItem(env.db, r, call)),
    acknowledged: acknowledgedAlarms(env.db, since, LIMIT).map((r) => toItem(env.db, r, call)),
  };
};

export const alarmsAcknowledge: Handler<'awareness.acknowledgeAlarm'> = (input, call, env, tools) => {
  const db = env.db;
  const recorded = db
    .transaction((): boolean => {
      const row = alarmRow(db, input.orderId);
      if (!row)
        throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
      if (row.urgency !== 'P0' && row.urgency !== 'P1')
        throw new ApiError('not_an_alarm', { field: 'orderId' });
      const at = env.now();
      if (!insertAck(db, input.orderId, at, call.actor)) return false;
      insertAudit(db, {
        at,
        actor: call.actor,
        action: 'awareness.acknowledgeAlarm',
        orderId: input.orderId,
      });
      return true;
    })
    .immediate();
  if (recorded) tools.hint({ topic: 'awareness.changed' });
  const row = alarmRow(db, input.orderId);
  if (!row) throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
  return toItem(db, row, call);
};
