/** The map.* procedures (and their views). Spread into CONTRACT by ./index.ts. */
import type { z } from 'zod';
import type { Proc } from './proc';

export const MAP_PROCS = {} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
