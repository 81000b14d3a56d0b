/** Registers the map.* handlers (one entry per procedure of shared/contract/map.ts). */
import type { HandlerRegistry } from './registry';

export function registerMapProcs(registry: HandlerRegistry): HandlerRegistry {
  return registry;
}
