/**
 * 模拟数据: when the demo street's 双报到 members can serve (party feature, docs/PARTY.md).
 * Calibrated on the usual pattern of in-service members: most serve at weekends, a third on
 * weekday evenings, retirees also on weekday daytime; about one in twelve has not registered yet.
 */
import type { Slot } from '../../../../../shared/features/party/party';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';
import { createRng } from './random';

export function demoMemberSlots(ref: ReferenceData, seed: number): { personId: string; slots: Slot[] }[] {
  const rng = createRng(seed, 15_003);
  return ref.people
    .filter((p) => p.role === 'party_member')
    .flatMap((p) => {
      if (rng.chance(0.08)) return [];
      const slots: Slot[] = [];
      const retired = p.unitId === null && rng.chance(0.5);
      if (retired || rng.chance(0.15)) slots.push('weekday_day');
      if (rng.chance(0.35)) slots.push('weekday_evening');
      if (rng.chance(0.8) || slots.length === 0) slots.push('weekend');
      return [{ personId: p.id, slots }];
    });
}
