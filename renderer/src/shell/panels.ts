/** The four panels and their keyboard shortcuts (Alt+1..4 or F1..F4). Pure. */
export const PANELS = ['awareness', 'analysis', 'dispatch', 'evaluation'] as const;
export type PanelId = (typeof PANELS)[number];

export function panelFromHash(hash: string): PanelId {
  const h = hash.replace(/^#/, '');
  return (PANELS as readonly string[]).includes(h) ? (h as PanelId) : 'awareness';
}

export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/** The panel a key press selects, or null. `code` (Digit1) is used so layouts do not matter. */
export function panelForKey(e: KeyLike): PanelId | null {
  if (e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const f = /^F([1-4])$/.exec(e.key);
  if (f && !e.altKey) return PANELS[Number(f[1]) - 1] ?? null;
  const d = /^Digit([1-4])$/.exec(e.code);
  if (d && e.altKey) return PANELS[Number(d[1]) - 1] ?? null;
  return null;
}
