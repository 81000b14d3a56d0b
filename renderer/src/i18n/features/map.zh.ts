/** map strings, Simplified Chinese (spread into zh.ts as `map`). */
export const mapZh = {} as const;
