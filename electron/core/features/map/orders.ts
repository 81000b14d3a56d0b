/**
 * map.orders: every open order as a point, and per-grid counts of all orders (open, overdue,
 * closed, other) for the choropleth and the aggregated view of what is not open.
 */
import type { GridLoad } from '../../../../shared/features/map/contract';
import { maskPersonalIn } from '../../../../shared/kernel/masking';
import { OPEN_STATUSES, type OrderStatus, type Urgency } from '../../../../shared/features/orders/order';
import { gridStatusCounts, openOrderRows } from './queries';
import type { Handler } from '../../runtime/context';
import { mayseePersonalData } from '../../runtime/masking';

const OPEN = new Set<OrderStatus>(OPEN_STATUSES);

export const mapOrders: Handler<'map.orders'> = (_input, call, env) => {
  const now = env.now();
  const unmasked = mayseePersonalData(call);
  const rows = openOrderRows(env.db);
  const id: string[] = [];
  const lng: number[] = [];
  const lat: number[] = [];
  const urgency: Urgency[] = [];
  const status: OrderStatus[] = [];
  const overdue: (0 | 1)[] = [];
  const iot: (0 | 1)[] = [];
  const title: string[] = [];
  const gridCode: (string | null)[] = [];
  const overdueByGrid = new Map<string, number>();
  let overdueTotal = 0;
  for (const r of rows) {
    const late = r.deadline !== null && r.deadline < now ? 1 : 0;
    if (late) {
      overdueTotal++;
      if (r.grid) overdueByGrid.set(r.grid, (overdueByGrid.get(r.grid) ?? 0) + 1);
    }
    // An order without a position cannot be drawn; it still counts in its grid below.
    if (typeof r.lng !== 'number' || typeof r.lat !== 'number') continue;
    id.push(r.id);
    lng.push(Math.round(r.lng * 1e6) / 1e6);
    lat.push(Math.round(r.lat * 1e6) / 1e6);
    urgency.push(r.urgency);
    status.push(r.status);
    overdue.push(late);
    iot.push(r.source === 'iot' ? 1 : 0);
    // Titles are free text: numbers in any form, and the citizen's own name, are masked.
    title.push(
      unmasked ? r.title : maskPersonalIn(r.title, [typeof r.citizen === 'string' ? r.citizen : null]),
    );
    gridCode.push(r.grid);
  }
  const grids = new Map<string, { open: number; closed: number; other: number }>();
  const ungridded = { closed: 0, other: 0 };
  const totals = { open: 0, overdue: overdueTotal, closed: 0, other: 0 };
  for (const c of gridStatusCounts(env.db)) {
    const kind = OPEN.has(c.status) ? 'open' : c.status === 'closed' ? 'closed' : 'other';
    totals[kind] += c.n;
    if (c.grid === null) {
      if (kind !== 'open') ungridded[kind] += c.n;
      continue;
    }
    let g = grids.get(c.grid);
    if (!g) {
      g = { open: 0, closed: 0, other: 0 };
      grids.set(c.grid, g);
    }
    g[kind] += c.n;
  }
  const gridLoads: GridLoad[] = [...grids.entries()].map(([code, g]) => ({
    gridCode: code,
    open: g.open,
    overdue: overdueByGrid.get(code) ?? 0,
    closed: g.closed,
    other: g.other,
  }));
  return {
    asOf: now,
    open: { id, lng, lat, urgency, status, overdue, iot, title, gridCode },
    grids: gridLoads,
    ungridded,
    totals,
  };
};
