/** reference.snapshot: the jurisdiction, catalogue, units, people and SLA policy for the renderer. */
import { ApiError } from '../../../../shared/contract/index';
import type { PersonRef } from '../../../../shared/features/reference/contract';
import { maskName } from '../../../../shared/kernel/masking';
import type { Person } from '../../../../shared/features/reference/organisation';
import { readReference } from '../../store/reference';
import type { Handler } from '../../runtime/context';
import { mayseePersonalData } from '../../runtime/masking';

/** Only what a timeline needs; phone and home address never leave the core through here. */
function personRef(p: Person, unmasked: boolean): PersonRef {
  return {
    id: p.id,
    name: unmasked ? p.name : maskName(p.name),
    role: p.role,
    unitId: p.unitId,
    communityCode: p.communityCode,
    gridCode: p.gridCode,
  };
}

export const referenceSnapshot: Handler<'reference.snapshot'> = (_input, call, env) => {
  // readReference (not readReferenceSnapshot) because the snapshot query has no people yet.
  const ref = readReference(env.db);
  if (!ref) throw new ApiError('no_reference');
  const unmasked = mayseePersonalData(call);
  return {
    version: ref.version,
    street: ref.street,
    communities: ref.communities,
    grids: ref.grids,
    categories: ref.categories,
    units: ref.units,
    people: ref.people.map((p) => personRef(p, unmasked)),
    slaPolicy: ref.slaPolicy,
  };
};
