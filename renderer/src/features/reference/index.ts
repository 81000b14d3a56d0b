/** The reference feature's public surface: name lookups over the reference snapshot. */
export { useReference, type ReferenceLookups } from './use-reference';
