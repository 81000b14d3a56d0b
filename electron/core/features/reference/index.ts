/**
 * reference.snapshot, and the street's reference data as other features use it: the in-memory
 * index of codes and the grid locator (point-in-polygon with a spatial index).
 */
import type { HandlerRegistry } from '../../runtime/registry';
import { referenceSnapshot } from './snapshot';
import { referencePlaces } from './places';

export { referenceIndex, type ReferenceIndex } from './reference-index';
export type { Located } from './grid-locator';

export function register(registry: HandlerRegistry): void {
  registry.register('reference.snapshot', referenceSnapshot).register('reference.places', referencePlaces);
}
