/** sync strings, Simplified Chinese (spread into zh.ts as `sync`). */
export const syncZh = {} as const;
