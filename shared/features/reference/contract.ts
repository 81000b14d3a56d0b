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

/** A named place of the street, for address suggestions at intake. */
export interface Place {
  readonly kind: 'building' | 'road' | 'site' | 'community';
  readonly name: string;
  /** The point the intake takes: a building's or community's centre, a road's middle, a site. */
  readonly lng: number;
  readonly lat: number;
  readonly communityCode: string | null;
  readonly gridCode: string | null;
}

export const REFERENCE_PROCS = {
  'reference.snapshot': query<ReferenceSnapshot>()(z.object({}), {
    stale: ['reference.changed', 'map.changed'],
  }),
  /** Places whose name contains `q` (buildings, roads, sites, communities), best first. */
  'reference.places': query<readonly Place[]>()(
    z.object({ q: z.string().trim().min(1).max(40), limit: z.number().int().min(1).max(20).default(8) }),
    { stale: ['reference.changed', 'map.changed'] },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
