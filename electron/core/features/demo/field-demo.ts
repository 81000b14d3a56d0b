/**
 * The live demo's field force (模拟数据): every 30 s slot, the positions of everyone on duty
 * (generator/field-walk.ts) go in through the field feature's ingest (source 'demo'), announced
 * with a 'field.changed' hint. A slot already written is not written again.
 */
import type { ChangeHint } from '../../../../shared/contract/index';
import type { ReferenceData } from '../../../../shared/features/reference/reference';
import type { WriteEnv } from '../../runtime/context';
import { ingestPositions } from '../field';
import { planFieldWalk, REPORT_EVERY_MS } from './generator/field-walk';

export interface FieldDemo {
  /** Writes the current slot's positions once; returns how many became someone's latest. */
  step(): number;
}

export function startFieldDemo(
  env: WriteEnv,
  publish: (hint: ChangeHint) => void,
  ref: ReferenceData,
  seed: number,
): FieldDemo {
  const walk = planFieldWalk(ref, seed);
  let lastSlot = -1;
  return {
    step(): number {
      const slot = Math.floor(env.now() / REPORT_EVERY_MS);
      if (slot === lastSlot) return 0;
      lastSlot = slot;
      const reports = walk.reportsAt(env.now());
      if (reports.length === 0) return 0;
      const r = ingestPositions(env.db, reports, { source: 'demo', now: env.now(), allOrNothing: false });
      if (r.accepted > 0) publish({ topic: 'field.changed' });
      return r.accepted;
    },
  };
}
