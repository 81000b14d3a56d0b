/** The bench's table: figure, budget, baseline measured in the same run, ratio. */
export interface Row {
  readonly what: string;
  readonly value: string;
  readonly budget: string;
  readonly pass?: boolean;
  readonly baseline?: string;
  readonly ratio?: number;
}

export class Table {
  private readonly rows: Row[] = [];
  add(row: Row): void {
    this.rows.push(row);
    process.stderr.write(`  ${row.what}: ${row.value}\n`);
  }
  print(): void {
    const lines = [
      '| figure | value | budget | ok | baseline (same run) | ratio |',
      '|---|---|---|---|---|---|',
      ...this.rows.map(
        (r) =>
          `| ${r.what} | ${r.value} | ${r.budget} | ${r.pass === undefined ? '' : r.pass ? 'yes' : 'NO'} | ${r.baseline ?? ''} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(3)}×`} |`,
      ),
    ];
    console.log(`\n${lines.join('\n')}\n`);
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs fn n times after one warm-up; returns each duration in ms. */
export async function timeMany(n: number, fn: () => unknown): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
