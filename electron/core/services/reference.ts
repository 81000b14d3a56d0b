/** reference.snapshot: the jurisdiction, catalogue, units and SLA policy for the renderer. */
import { ApiError } from '../../../shared/contract';
import { readReferenceSnapshot } from '../store/queries/reference';
import type { Handler } from './context';

export const referenceSnapshot: Handler<'reference.snapshot'> = (_input, _call, env) => {
  const snap = readReferenceSnapshot(env.db);
  if (!snap.street) throw new ApiError('unavailable', '基础数据尚未导入');
  return { ...snap, street: snap.street };
};
