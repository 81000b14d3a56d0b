/**
 * The scan thread gives way to the writer's other calls (features/import/scan-pause.ts): while a
 * call besides the import's own is in flight, pause() does not return; once it is answered it
 * does; a call still in flight after PAUSE_MAX_MS (waiting on the network) stops holding it.
 * While someone is at work it reads only when the writer has no batch in hand.
 */
import { describe, expect, it } from 'vitest';
import {
  ANSWERED,
  CALL_COUNTS_BYTES,
  MUTATIONS,
  SENT,
} from '../../../../../../electron/core/runtime/call-counts';
import { QUIET_MS } from '../../../../../../electron/core/features/import/at-work';
import { PAUSE_MAX_MS, stepAsideForCalls } from '../../../../../../electron/core/features/import/scan-pause';

function counters(sent: number, answered: number): { buf: SharedArrayBuffer; counts: Int32Array } {
  const buf = new SharedArrayBuffer(CALL_COUNTS_BYTES);
  const counts = new Int32Array(buf);
  counts[SENT] = sent;
  counts[ANSWERED] = answered;
  return { buf, counts };
}

const tick = (ms: number): Promise<'tick'> => new Promise((r) => setTimeout(() => r('tick'), ms));

describe('the scan thread stepping aside', () => {
  it('returns at once while only the import is in flight', async () => {
    const { buf } = counters(1, 0);
    const t = performance.now();
    await stepAsideForCalls(buf, null).pause();
    expect(performance.now() - t).toBeLessThan(5);
  });

  it('waits while another call is in flight, and goes on once it is answered', async () => {
    const { buf, counts } = counters(2, 0);
    const pause = stepAsideForCalls(buf, null).pause();
    expect(await Promise.race([pause.then(() => 'done' as const), tick(20)])).toBe('tick');
    Atomics.add(counts, ANSWERED, 1);
    expect(await Promise.race([pause.then(() => 'done' as const), tick(20)])).toBe('done');
  });

  it('stops waiting for a call that is still in flight after PAUSE_MAX_MS, until more come', async () => {
    const { buf, counts } = counters(2, 0);
    const breathing = stepAsideForCalls(buf, null);
    const t = performance.now();
    await breathing.pause();
    expect(performance.now() - t).toBeGreaterThanOrEqual(PAUSE_MAX_MS - 1);
    // That call is settled now: the next pause does not wait for it again…
    const t2 = performance.now();
    await breathing.pause();
    expect(performance.now() - t2).toBeLessThan(5);
    // …but a new call is waited for.
    Atomics.add(counts, SENT, 1);
    const pause = breathing.pause();
    expect(await Promise.race([pause.then(() => 'done' as const), tick(20)])).toBe('tick');
    Atomics.add(counts, ANSWERED, 2);
    expect(await Promise.race([pause.then(() => 'done' as const), tick(20)])).toBe('done');
  });

  it('while someone is at work, waits for the writer to finish its batch; once nobody is, reads ahead', async () => {
    const { buf, counts } = counters(1, 0);
    let t = 0;
    let inHand = true;
    let report: (() => void) | null = null;
    const breathing = stepAsideForCalls(
      buf,
      {
        writerHasBatch: () => inHand,
        nextReport: () => new Promise<void>((r) => (report = r)),
        stopped: () => false,
      },
      () => t,
    );
    // Just started counts as at work: behind the writer.
    const pause = breathing.pause();
    expect(await Promise.race([pause.then(() => 'done' as const), tick(20)])).toBe('tick');
    inHand = false;
    (report as (() => void) | null)?.();
    expect(await Promise.race([pause.then(() => 'done' as const), tick(20)])).toBe('done');
    // Nobody has written for QUIET_MS: ahead of the writer, batch in hand or not.
    inHand = true;
    t = QUIET_MS;
    expect(await Promise.race([breathing.pause().then(() => 'done' as const), tick(20)])).toBe('done');
    // A dispatcher's single action: still ahead.
    Atomics.add(counts, MUTATIONS, 1);
    t = QUIET_MS + 10;
    expect(await Promise.race([breathing.pause().then(() => 'done' as const), tick(20)])).toBe('done');
    // A second one within QUIET_MS: someone is at work, behind the writer again.
    Atomics.add(counts, MUTATIONS, 1);
    t = QUIET_MS + 500;
    expect(await Promise.race([breathing.pause().then(() => 'done' as const), tick(20)])).toBe('tick');
  });
});
