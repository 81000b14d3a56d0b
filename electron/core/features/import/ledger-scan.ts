/**
 * Reading a 台账: every row converted with the pure `convertRow` and checked, its ids derived, and
 * — for a run — its `created` event built. Runs in a thread of its own (scan-worker.ts), so that
 * reading and checking a big file is not work the writer does between a dispatcher's actions.
 *
 * Each row's order id is derived from the row (its 工单编号, else its whole text), and the event id
 * from the order id: importing the same rows again adds nothing (OR IGNORE on the event id).
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../../../shared/contract/index';
import {
  MAX_LISTED_ERRORS,
  type ColumnMapping,
  type LedgerCheck,
  type UnknownText,
} from '../../../../shared/features/import/contract';
import { CategoryResolver } from '../../../../shared/features/import/categories';
import { convertRow, type LedgerOrder, type RowError } from '../../../../shared/features/import/ledger-row';
import { EVENT_PAYLOADS, type OrderEvent } from '../../../../shared/features/orders/order-events';
import { encodeHlc } from '../../../../shared/kernel/hlc';
import type { ReadableDb } from '../../store/types';
import { referenceIndex, type ReferenceIndex } from '../reference';
import { openLedger, LedgerFileError } from './read-table';
import { existingOrderIds } from './queries';

/**
 * Rows read and checked before each write (the run's read-ahead; `check` looks them up in
 * batches of this size too). How they are written is history-writer.ts's business.
 */
export const BATCH = 2_000;
const LOOKUP = 100;
/** Without the writer's call counters, reading lets the thread's messages in this often. */
const SLICE_MS = 2;

/** The row's identity: the hash of its key (its 工单编号, else its whole normalised text). */
function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * An imported order's id: `imp-` + its receipt time (base 36, fixed width) + 16 hex of its key's
 * hash. The time first puts a ledger's rows (written oldest first, as 台账 are) next to each other
 * in the id indexes of work_order and order_event: a batch touches a page or two of each instead
 * of a page per row, which is most of what a commit writes (docs/IMPORT.md, "the write path").
 */
export function importOrderId(key: string, receivedAt: number): string {
  return _importOrderId(keyHash(key), receivedAt);
}

function _importOrderId(hash: string, receivedAt: number): string {
  return `imp-${receivedAt.toString(36).padStart(9, '0')}-${hash.slice(0, 16)}`;
}

/** The id an import gave the same row before ids began with the time (a store imported then). */
function legacyImportOrderId(hash: string): string {
  return `imp-${hash.slice(0, 24)}`;
}

export function refuseFile(err: unknown): never {
  if (err instanceof LedgerFileError) throw ApiError.why('file_refused', err.message, 'uploadId');
  throw err;
}

export interface ScanInput {
  readonly path: string;
  readonly mapping: ColumnMapping;
  readonly categoryMap: Readonly<Record<string, string>>;
  readonly unitMap?: Readonly<Record<string, string>>;
}

/** A valid row on its way to the writer: its ids and its 承办单位's unit, if it names one. */
export interface Pending {
  readonly id: string;
  readonly legacy: string;
  readonly order: LedgerOrder;
  readonly unitId: string | null;
}

export interface Scan {
  rows: number;
  valid: number;
  already: number;
  refused: number;
  errorCount: number;
  errors: RowError[];
  unknown: Map<string, number>;
  /** 承办单位 texts that name no unit (and are not mapped), with their rows. */
  unknownUnits: Map<string, number>;
}

/** The key a 承办单位 text is matched by: NFKC (台账 mix （） and (), full- and half-width), no spaces. */
function unitKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * 承办单位 text → unit id: a person's mapping first, then the unit's name (or id) as the street's
 * reference data writes it; null when it names no unit.
 */
function unitResolver(
  ref: ReferenceIndex,
  unitMap: Readonly<Record<string, string>>,
): (text: string) => string | null {
  const byKey = new Map<string, string>();
  for (const u of ref.units.values()) {
    byKey.set(unitKey(u.id), u.id);
    byKey.set(unitKey(u.name), u.id);
  }
  for (const [text, id] of Object.entries(unitMap)) if (ref.units.has(id)) byKey.set(unitKey(text), id);
  return (text) => (text === '' ? null : (byKey.get(unitKey(text)) ?? null));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How often reading gives way to other work, and how. */
export interface Breathing {
  readonly everyMs: number;
  readonly pause: () => Promise<void>;
}

/** Where no call counters are shared (the in-process core): a turn of the event loop now and then. */
const NO_COUNTERS: Breathing = { everyMs: SLICE_MS, pause: nextTurn };

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Reads every row; `onBatch` gets the valid, new orders BATCH at a time (with their ids).
 * Rows repeated within the file count once (the later copy is 'already').
 */
export async function scan(
  db: ReadableDb,
  input: ScanInput,
  now: number,
  onBatch?: (orders: readonly Pending[]) => Promise<boolean>,
  breathe: Breathing = NO_COUNTERS,
): Promise<Scan> {
  const ref = referenceIndex(db);
  if (!ref.loaded) throw new ApiError('no_reference');
  const resolver = new CategoryResolver([...ref.categories.values()]);
  const communityByName = new Map<string, string>();
  for (const c of ref.communities.values()) {
    communityByName.set(c.name, c.code);
    communityByName.set(c.code, c.code);
    communityByName.set(c.name.replace(/社区$/, ''), c.code);
  }
  const categoryMap: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.categoryMap)) if (ref.categories.has(v)) categoryMap[k] = v;
  const unitOf = unitResolver(ref, input.unitMap ?? {});
  const out: Scan = {
    rows: 0,
    valid: 0,
    already: 0,
    refused: 0,
    errorCount: 0,
    errors: [],
    unknown: new Map(),
    unknownUnits: new Map(),
  };
  const seen = new Set<string>();
  let pending: Pending[] = [];
  const flush = async (): Promise<boolean> => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return true;
    const fresh: typeof batch = [];
    // A look-up of 100 rows' ids at a time, a pause for dispatch between them.
    for (let i = 0; i < batch.length; i += LOOKUP) {
      if (i > 0) await breathe.pause();
      const part = batch.slice(i, i + LOOKUP);
      const known = existingOrderIds(
        db,
        part.flatMap((b) => [b.id, b.legacy]),
      );
      for (const b of part) if (!known.has(b.id) && !known.has(b.legacy)) fresh.push(b);
    }
    out.already += batch.length - fresh.length;
    out.valid += fresh.length;
    return onBatch ? onBatch(fresh) : true;
  };
  let headers: string[] | null = null;
  // `for await` over parsed rows runs on microtasks: without this, a whole file would be read
  // and checked before the thread looked at anything else.
  let sliceStart = performance.now();
  try {
    for await (const { number, cells } of openLedger(input.path).rows()) {
      if ((number & 15) === 0 && performance.now() - sliceStart > breathe.everyMs) {
        await breathe.pause();
        sliceStart = performance.now();
      }
      if (headers === null) {
        if (isBlank(cells)) throw new LedgerFileError('第 1 行 (表头) 为空');
        headers = cells;
        continue;
      }
      if (isBlank(cells)) continue;
      out.rows++;
      const r = convertRow(cells, number, {
        headers,
        mapping: input.mapping,
        category: (s) => resolver.resolve(s),
        categoryMap,
        community: (s) => communityByName.get(s.trim()) ?? null,
        now,
      });
      if (!r.ok) {
        out.refused++;
        out.errorCount += r.errors.length;
        for (const e of r.errors) if (out.errors.length < MAX_LISTED_ERRORS) out.errors.push(e);
        if (r.unknownCategory !== undefined)
          out.unknown.set(r.unknownCategory, (out.unknown.get(r.unknownCategory) ?? 0) + 1);
        continue;
      }
      // A row's identity is its key: a second copy in the file counts once, whatever its time.
      const hash = keyHash(r.order.key);
      const legacy = legacyImportOrderId(hash);
      if (seen.has(legacy)) {
        out.already++;
        continue;
      }
      seen.add(legacy);
      const unitId = unitOf(r.order.unitName);
      if (unitId === null && r.order.unitName !== '')
        out.unknownUnits.set(r.order.unitName, (out.unknownUnits.get(r.order.unitName) ?? 0) + 1);
      pending.push({ id: _importOrderId(hash, r.order.receivedAt), legacy, order: r.order, unitId });
      if (pending.length >= BATCH && !(await flush())) return out;
    }
  } catch (err) {
    refuseFile(err);
  }
  if (headers === null) refuseFile(new LedgerFileError('文件是空的'));
  await flush();
  return out;
}

/** The most frequent texts first, at most 200. */
function byRows(counts: ReadonlyMap<string, number>): UnknownText[] {
  return [...counts]
    .map(([text, rows]) => ({ text, rows }))
    .sort((a, b) => b.rows - a.rows)
    .slice(0, 200);
}

export function checkView(s: Scan): LedgerCheck {
  return {
    rows: s.rows,
    toAdd: s.valid,
    already: s.already,
    refused: s.refused,
    errorCount: s.errorCount,
    errors: s.errors,
    unknownCategories: byRows(s.unknown),
    unknownUnits: byRows(s.unknownUnits),
  };
}

/** The `created` event of one ledger row (validated like any event), filed by `actor` on `node`. */
export function createdEvent(
  node: string,
  ref: ReferenceIndex,
  actor: string,
  { id, order: o, unitId }: Pending,
): OrderEvent {
  const placed = o.lng !== null && o.lat !== null ? ref.locator.locate([o.lng, o.lat]) : null;
  const payload = EVENT_PAYLOADS.created.parse({
    source: 'hotline',
    appealType: o.appealType,
    categoryCode: o.categoryCode,
    urgency: ref.categories.get(o.categoryCode)?.defaultUrgency ?? 'P2',
    title: o.title,
    description: o.description,
    address: o.address,
    lng: o.lng,
    lat: o.lat,
    communityCode: o.communityCode ?? placed?.communityCode ?? null,
    gridCode: placed?.gridCode ?? null,
    citizen: null,
    callbackConsent: false,
    imported: { closedAt: o.closedAt, satisfaction: o.satisfaction, unitName: o.unitName, unitId },
  });
  return {
    id: `${id}:created`,
    orderId: id,
    type: 'created',
    payload,
    actor,
    node,
    hlc: encodeHlc({ physical: o.receivedAt, counter: 0, node }),
    at: o.receivedAt,
  };
}
