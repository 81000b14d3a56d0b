/** All reference data of one street, as stored, synced and generated for the demo. */
import type { Category, ResponsibilityRule } from './catalogue';
import type { Building, Community, Grid, Road, Street } from './jurisdiction';
import type { PartyOrg, Person, Site, Unit } from './organisation';
import type { SlaPolicy } from '../orders/sla-policy';

export interface ReferenceData {
  /** Increases with every change; synced with upstream in the same feed as events. */
  readonly version: number;
  readonly street: Street;
  readonly communities: readonly Community[];
  readonly grids: readonly Grid[];
  readonly buildings: readonly Building[];
  readonly roads: readonly Road[];
  readonly units: readonly Unit[];
  readonly people: readonly Person[];
  readonly partyOrgs: readonly PartyOrg[];
  readonly sites: readonly Site[];
  readonly categories: readonly Category[];
  readonly responsibility: readonly ResponsibilityRule[];
  readonly slaPolicy: SlaPolicy;
}
