/**
 * The core the host tests run against: the real core (worker thread, SQLite in a temp folder).
 */
import { createCore, type Core } from '../../../electron/core/runtime/core';

export const NEW_ORDER = {
  source: 'hotline',
  appealType: 'complaint',
  categoryCode: '01',
  urgency: 'P2',
  title: '小区门口夜间施工噪音扰民',
  description: '晚上十一点后仍在施工',
  address: '幸福路 12 号',
  lng: 116.4,
  lat: 39.9,
} as const;

export interface HostTestCore {
  readonly core: Core;
  close(): Promise<void>;
}

export async function makeHostTestCore(dataDir: string): Promise<HostTestCore> {
  const core = await createCore({ dataDir, host: 'test', demo: false });
  return { core, close: () => core.close() };
}
