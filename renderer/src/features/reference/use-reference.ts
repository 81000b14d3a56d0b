/** Reference data (street, communities, categories, units, people) and name lookups built once per version. */
import { useMemo } from 'react';
import type { PersonRef, ReferenceSnapshot } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { categoryPath } from './lookups';

export interface ReferenceLookups {
  readonly snapshot: ReferenceSnapshot | undefined;
  categoryName(code: string): string;
  categoryPath(code: string): string;
  communityName(code: string | null): string;
  gridName(code: string | null): string;
  unitName(id: string | null): string;
  /** A person by id (event actors are person ids); names arrive masked for roles below officer. */
  person(id: string): PersonRef | undefined;
}

export function useReference(): ReferenceLookups {
  const { data } = useQuery('reference.snapshot', {});
  return useMemo(() => {
    const cats = new Map((data?.categories ?? []).map((c) => [c.code, c]));
    const comms = new Map((data?.communities ?? []).map((c) => [c.code, c.name]));
    const grids = new Map((data?.grids ?? []).map((g) => [g.code, g.name]));
    const units = new Map((data?.units ?? []).map((u) => [u.id, u.name]));
    // `?? []`: a core older than this renderer answers without people.
    const people = new Map((data?.people ?? []).map((p) => [p.id, p]));
    return {
      snapshot: data,
      categoryName: (code) => cats.get(code)?.name ?? code,
      categoryPath: (code) => categoryPath(cats, code),
      communityName: (code) => (code ? (comms.get(code) ?? code) : ''),
      gridName: (code) => (code ? (grids.get(code) ?? code) : ''),
      unitName: (id) => (id ? (units.get(id) ?? id) : ''),
      person: (id) => people.get(id),
    };
  }, [data]);
}
