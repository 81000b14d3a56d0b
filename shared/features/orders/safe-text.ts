/**
 * What an order's ids and texts may contain, the same for a local command, the hub and a hall
 * pulling from it (one rule on both sides: an event the hall accepts is never refused upstream
 * and left in 冲突 forever).
 */

/** Ids end up in URLs, file names and log lines: keep them to a plain alphabet. */
export const SAFE_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;
export const SAFE_ID_MESSAGE = '编号只能包含字母、数字和 _ . : @ -';

/** Markup that would run in a browser if any view ever rendered it as HTML. */
const SCRIPT_LIKE =
  /<\s*\/?\s*(script|iframe|object|embed|svg|img|style|link|meta)\b|javascript:|\bon[a-z]+\s*=\s*["']?/i;
export const SCRIPT_MESSAGE = '含有脚本或网页标记，已拒收';

export function hasScriptMarkup(s: string): boolean {
  return SCRIPT_LIKE.test(s);
}

/** The path of the first string that carries script-like markup, or null. */
export function firstScriptPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return hasScriptMarkup(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = firstScriptPath(value[i], `${path}.${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = firstScriptPath(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}
