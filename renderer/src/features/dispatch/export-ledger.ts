/**
 * The desk's 导出: the orders list with the desk's current filter as an Excel 工单台账 (the jobs
 * feature's generic `table.xlsx` kind pages orders.list as the caller, masking included).
 */
import type { TFunction } from 'i18next';
import type { OrdersListInput, TableXlsxParams } from '../../../../shared/contract/index';
import { STATUSES } from '../../../../shared/features/orders/order';
import type { ReferenceLookups } from '../reference';

const URGENCIES = ['P0', 'P1', 'P2', 'P3'] as const;
const SOURCES = ['hotline', 'grid', 'iot', 'walk_in', 'whistle', 'volunteer', 'proactive'] as const;

export function ordersLedgerParams(
  input: OrdersListInput,
  t: TFunction,
  ref: ReferenceLookups,
): TableXlsxParams {
  const { limit: _limit, cursor: _cursor, ...filter } = input;
  const snap = ref.snapshot;
  const labels = (keys: readonly string[], f: (k: string) => string) =>
    Object.fromEntries(keys.map((k) => [k, f(k)]));
  return {
    proc: 'orders.list',
    input: filter,
    sheet: t('jobs.ledger.sheet'),
    columns: [
      { key: 'id', header: t('list.columns.id'), width: 24 },
      { key: 'title', header: t('list.columns.title'), width: 36 },
      {
        key: 'status',
        header: t('list.columns.status'),
        width: 12,
        labels: labels(STATUSES, (s) => t(`orderStatus.${s}`)),
      },
      {
        key: 'urgency',
        header: t('list.columns.urgency'),
        width: 10,
        labels: labels(URGENCIES, (u) => t(`urgency.${u}`)),
      },
      {
        key: 'source',
        header: t('jobs.ledger.source'),
        width: 12,
        labels: labels(SOURCES, (s) => t(`source.${s}`)),
      },
      {
        key: 'categoryCode',
        header: t('list.columns.category'),
        width: 30,
        labels: labels(
          (snap?.categories ?? []).map((c) => c.code),
          (c) => ref.categoryPath(c),
        ),
      },
      {
        key: 'communityCode',
        header: t('list.columns.community'),
        width: 16,
        labels: labels(
          (snap?.communities ?? []).map((c) => c.code),
          (c) => ref.communityName(c),
        ),
      },
      {
        key: 'unitId',
        header: t('jobs.ledger.unit'),
        width: 20,
        labels: labels(
          (snap?.units ?? []).map((u) => u.id),
          (u) => ref.unitName(u),
        ),
      },
      { key: 'address', header: t('jobs.ledger.address'), width: 36 },
      { key: 'receivedAt', header: t('list.columns.receivedAt'), width: 18, type: 'datetime' },
      { key: 'finishDeadline', header: t('list.columns.deadline'), width: 18, type: 'datetime' },
      {
        key: 'overdue',
        header: t('jobs.ledger.overdue'),
        width: 8,
        labels: { true: t('jobs.ledger.yes'), false: '' },
      },
    ],
  };
}
