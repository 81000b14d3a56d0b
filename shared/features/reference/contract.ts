/** reference.snapshot: the street's jurisdiction, catalogue, units, people and SLA policy. */
import { z } from 'zod';
import { query, type Proc } from '../../kernel/proc';
import type { Category } from './catalogue';
import type { Community, Grid, Street } from './jurisdiction';
import type { PersonRole, Unit } from './organisation';
import type { SlaPolicy } from '../orders/sla-policy';

/**
 * A person as the renderer may show them (who signed, who replied): no phone, no home; the name
 * is masked below the officer role, like a citizen's.
 */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
  readonly role: PersonRole;
  readonly unitId: string | null;
  readonly communityCode: string | null;
  readonly gridCode: string | null;
}

export interface ReferenceSnapshot {
  readonly version: number;
  readonly street: Street;
  readonly communities: readonly Community[];
  readonly grids: readonly Grid[];
  readonly categories: readonly Category[];
  readonly units: readonly Unit[];
  /** Event actors are person ids: the timeline shows these names instead. */
  readonly people: readonly PersonRef[];
  readonly slaPolicy: SlaPolicy;
}

export const REFERENCE_PROCS = {
  'reference.snapshot': query<ReferenceSnapshot>()(z.object({}), {
    stale: ['reference.changed', 'map.changed'],
  }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
