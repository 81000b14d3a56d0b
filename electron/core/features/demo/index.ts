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
  const [ref, orders] = await Promise.all([import('./generator/reference'), import('./generator/orders')]);
  return { generateReference: ref.generateReference, generateOrderEvents: orders.generateOrderEvents };
}
