/** wall strings, Simplified Chinese (spread into zh.ts as `wall`). */
export const wallZh = {} as const;
