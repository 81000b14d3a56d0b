/**
 * Position reports in: checked (the person may report, the place lies around the street, the
 * time is not ahead of the hall's clock) and written — the latest per person for display, the
 * report into a bounded history. Old and repeated reports change nothing (idempotent).
 */
import { ApiError } from '../../../../shared/contract/index';
import type {
  FieldPosition,
  FieldReport,
  FieldReportResult,
} from '../../../../shared/features/field/contract';
import {
  FUTURE_TOLERANCE_MS,
  HISTORY_HORIZON_MS,
  HISTORY_PER_PERSON,
  inBox,
  isFieldRole,
  saneBox,
  type Box,
} from '../../../../shared/features/field/field';
import type { ReadableDb, WritableDb } from '../../store/types';
import { insertHistory, personInfo, streetBoundary, upsertLatest, type PersonInfo } from './queries';

export interface IngestOptions {
  readonly source: FieldPosition['source'];
  readonly now: number;
}

export interface IngestResult extends FieldReportResult {
  /** Reports refused, with their index in the input and the reason (nothing of them was written). */
  readonly refused: readonly { readonly index: number; readonly error: ApiError }[];
}

interface CheckContext {
  /** Null before reference data exists: every report is refused (no_reference). */
  readonly box: Box | null;
  readonly people: Map<string, PersonInfo>;
  readonly now: number;
}

function checkContext(db: ReadableDb, reports: readonly FieldReport[], now: number): CheckContext {
  const boundary = streetBoundary(db);
  return {
    box: boundary ? saneBox(boundary) : null,
    people: personInfo(
      db,
      reports.map((r) => r.personId),
    ),
    now,
  };
}

/** Why a report is refused, or null. `at` is the field prefix (`reports.3`). */
function refusal(r: FieldReport, ctx: CheckContext, at: string): ApiError | null {
  if (!ctx.box) return new ApiError('no_reference');
  const person = ctx.people.get(r.personId);
  if (!person)
    return new ApiError('unknown_reference', {
      field: `${at}.personId`,
      params: { what: '人员', id: r.personId },
    });
  if (!isFieldRole(person.role))
    return new ApiError('field_not_field_person', { field: `${at}.personId`, params: { name: person.name } });
  if (!inBox(ctx.box, r.lng, r.lat))
    return new ApiError('field_outside_street', {
      field: `${at}.lng`,
      params: { lng: String(r.lng), lat: String(r.lat) },
    });
  if (r.at > ctx.now + FUTURE_TOLERANCE_MS)
    return new ApiError('field_time_future', {
      field: `${at}.at`,
      params: { minutes: String(FUTURE_TOLERANCE_MS / 60_000) },
    });
  return null;
}

/**
 * Writes reports. `allOrNothing` (the API): the first bad report is thrown and nothing is written.
 * Otherwise (upstream, the demo) bad reports are returned in `refused` and the rest are written.
 */
export function ingestPositions(
  db: WritableDb,
  reports: readonly FieldReport[],
  opts: IngestOptions & { readonly allOrNothing: boolean },
): IngestResult {
  const ctx = checkContext(db, reports, opts.now);
  const refused: { index: number; error: ApiError }[] = [];
  reports.forEach((r, index) => {
    const e = refusal(r, ctx, `reports.${index}`);
    if (!e) return;
    if (opts.allOrNothing) throw e;
    refused.push({ index, error: e });
  });
  const bad = new Set(refused.map((x) => x.index));
  let accepted = 0;
  let ignored = 0;
  db.transaction(() => {
    reports.forEach((r, index) => {
      if (bad.has(index)) return;
      if (r.at < opts.now - HISTORY_HORIZON_MS) {
        ignored++;
        return;
      }
      const row = { ...r, source: opts.source };
      insertHistory(db, row, HISTORY_PER_PERSON);
      if (upsertLatest(db, row, opts.now)) accepted++;
      else ignored++;
    });
  })();
  return { accepted, ignored, refused };
}
