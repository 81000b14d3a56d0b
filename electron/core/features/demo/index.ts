/**
 * The demo street (模拟数据): the seeded first start and the live trickle that keeps a demo wall
 * moving. No procedures of its own; the core runs both on the writer.
 */
import type { DemoGenerator } from './seed';

export { seedDemoIfEmpty, type DemoGenerator } from './seed';
export { startLiveDemo } from './live-demo';
export { generateReference } from './generator/reference';
export { createRng } from './generator/random';

/** Loaded only when seeding, so a normal start does not parse the generator. */
export async function loadDemoGenerator(): Promise<DemoGenerator> {
  const [ref, orders, dup, patterns, assetDup] = await Promise.all([
    import('./generator/reference'),
    import('./generator/orders'),
    import('./generator/duplicates'),
    import('./generator/problem-patterns'),
    import('./generator/asset-duplicates'),
  ]);
  return {
    generateReference: ref.generateReference,
    // The demo's known duplicates (a second report merged into the first) ride along.
    generateOrderEvents: (r, opts) =>
      // …and the 一类事 patterns of 每月一题 (generator/problem-patterns.ts).
      // …and, around them all, the known duplicates on 部件 (generator/asset-duplicates.ts).
      assetDup.withAssetDuplicates(
        patterns.withProblemPatterns(
          dup.withKnownDuplicates(orders.generateOrderEvents(r, opts), opts),
          r,
          opts,
        ),
        r,
        opts,
      ),
  };
}
