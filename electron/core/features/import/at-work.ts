/**
 * Whether someone is at work on the writer: two mutations sent to it less than QUIET_MS apart, the
 * latest within QUIET_MS. The import keeps its transactions short (history-writer.ts) and its scan
 * thread behind the writer (scan-pause.ts) while someone is, and goes faster otherwise.
 *
 * Why two: after a single action the next one seldom follows within a second, and that one is
 * served within budget by the quiet pace too (a step and one commit). Counting a single action
 * made an order filed every 2 s keep the import at the short pace half the time: 9,858 rows/s at
 * 300,000 rows against 13,847 counting two, the orders' p95 25.7 and 24.6 ms (docs/IMPORT.md, ninth pass).
 */

/** How long after someone's second mutation in a row the import stays in step with dispatch. */
export const QUIET_MS = 1_000;

export class SomeoneAtWork {
  private seen: number;
  private lastWriteAt: number;
  private writeBeforeAt: number;

  /** `sent`: the mutations sent to the writer so far (call-counts.ts). */
  constructor(
    private readonly sent: () => number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.seen = sent();
    // Just started: someone may be at work (the import's own run was one of the mutations).
    this.lastWriteAt = clock();
    this.writeBeforeAt = this.lastWriteAt;
  }

  now(): boolean {
    const now = this.clock();
    const n = this.sent();
    if (n !== this.seen) {
      // Several since the last look came together.
      this.writeBeforeAt = n - this.seen > 1 ? now : this.lastWriteAt;
      this.seen = n;
      this.lastWriteAt = now;
    }
    return now - this.lastWriteAt < QUIET_MS && this.lastWriteAt - this.writeBeforeAt < QUIET_MS;
  }
}
