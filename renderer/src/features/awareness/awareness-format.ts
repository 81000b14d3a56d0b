/** Pure formatting of the wall's figures: change against yesterday / last month. */

export interface Delta {
  /** 'up' | 'down' | 'same', or null when there is nothing to compare with. */
  readonly dir: 'up' | 'down' | 'same' | null;
  /** "+3", "-2", "0"; empty when dir is null. */
  readonly text: string;
}

export function countDelta(today: number, yesterday: number | null): Delta {
  if (yesterday === null) return { dir: null, text: '' };
  const d = today - yesterday;
  return { dir: d > 0 ? 'up' : d < 0 ? 'down' : 'same', text: d > 0 ? `+${d}` : String(d) };
}

/** Percentage-point change of a rate (fractions), one decimal: "+1.2", "-0.4". */
export function rateDelta(now: number | null, before: number | null): Delta {
  if (now === null || before === null) return { dir: null, text: '' };
  const pts = Math.round((now - before) * 1000) / 10;
  return {
    dir: pts > 0 ? 'up' : pts < 0 ? 'down' : 'same',
    text: pts > 0 ? `+${pts.toFixed(1)}` : pts.toFixed(1),
  };
}

/** 96.4 (percent, one decimal) or null. */
export function pct(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 1000) / 10;
}
