/**
 * Whether someone is at work on the writer: a mutation was sent to it within QUIET_MS. The import
 * keeps its transactions short (history-writer.ts) and its scan thread behind the writer
 * (scan-pause.ts) while someone is, and goes faster once nobody has written for a while.
 */

/** How long after someone's mutation the import stays in step with dispatch. */
export const QUIET_MS = 1_000;

export class SomeoneAtWork {
  private seen: number;
  private lastWriteAt: number;

  /** `sent`: the mutations sent to the writer so far (call-counts.ts). */
  constructor(
    private readonly sent: () => number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.seen = sent();
    // Just started: someone may be at work (the import's own run was one of the mutations).
    this.lastWriteAt = clock();
  }

  now(): boolean {
    const now = this.clock();
    const n = this.sent();
    if (n !== this.seen) {
      this.seen = n;
      this.lastWriteAt = now;
    }
    return now - this.lastWriteAt < QUIET_MS;
  }
}
