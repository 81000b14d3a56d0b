/**
 * The shape of a message catalogue: the Chinese catalogue's keys, any string values. Each English
 * catalogue is typed `Catalogue<typeof xxxZh>`, so a key missing on either side does not compile.
 */
export type Catalogue<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
