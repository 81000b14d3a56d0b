import type { zh } from './zh';

/** The shape of a message catalogue: zh's keys, any string values. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zh>;
