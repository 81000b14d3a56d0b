/** The category × community × month cube with the Pareto of categories. Pure. */

export interface AnalysisCubeCell {
  readonly month: string;
  /** First-level category code. */
  readonly category: string;
  /** Community code, '' for orders outside every community. */
  readonly community: string;
  readonly n: number;
}

export interface ParetoRow {
  readonly category: string;
  readonly n: number;
  /** Share of all orders in the range, 0..1. */
  readonly share: number;
  /** Cumulative share up to and including this category (largest first), 0..1. */
  readonly cumShare: number;
  /** In the "vital few": the categories that make up the first 80 %. */
  readonly vital: boolean;
}

/** Categories largest first with their cumulative share (ties by code, stable). */
export function pareto(cells: readonly AnalysisCubeCell[]): ParetoRow[] {
  const by = new Map<string, number>();
  let total = 0;
  for (const c of cells) {
    by.set(c.category, (by.get(c.category) ?? 0) + c.n);
    total += c.n;
  }
  const rows = [...by].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let cum = 0;
  return rows.map(([category, n]) => {
    const before = cum;
    cum += n;
    return {
      category,
      n,
      share: total ? n / total : 0,
      cumShare: total ? cum / total : 0,
      vital: total ? before / total < 0.8 : false,
    };
  });
}

/** Totals per community, largest first. */
export function communityTotals(cells: readonly AnalysisCubeCell[]): Array<{ community: string; n: number }> {
  const by = new Map<string, number>();
  for (const c of cells) by.set(c.community, (by.get(c.community) ?? 0) + c.n);
  return [...by]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([community, n]) => ({ community, n }));
}
