/** Registers the awareness.* handlers (one entry per procedure of shared/contract/awareness.ts). */
import type { HandlerRegistry } from './registry';

export function registerAwarenessProcs(registry: HandlerRegistry): HandlerRegistry {
  return registry;
}
