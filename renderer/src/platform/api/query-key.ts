/** Stable cache keys: one entry per procedure + input, whatever the input's property order. */

/** JSON with sorted object keys, so `{a,b}` and `{b,a}` share one cache entry. */
export function stableStringify(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

export function queryKey(proc: string, input: unknown): string {
  return `${proc} ${stableStringify(input)}`;
}
