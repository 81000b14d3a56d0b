/**
 * Sync with the upstream hub: the sync.* procedures, and what the sync engine and the reference
 * hub (electron/core/adapters/{sync,hub}) use of this feature's store: the cursor and settings,
 * conflicts, the quarantine of bad upstream input, and the hub's own tables.
 */
export { register } from './handlers';
export { applyPulledBatch } from './apply-batch';
export {
  getSyncKv,
  openConflictCount,
  readCursor,
  recordConflict,
  setSyncKv,
  unlistedRefusedEvents,
} from './queries';
export { quarantineOpenCount, recordQuarantine } from './queries-quarantine';
export { compactPositionItems, type CompactResult } from './queries-hub-compact';
export {
  appendHubEvents,
  appendReferenceItem,
  forgetHubNode,
  hubNodeTokenHash,
  getAttachment,
  hubSeq,
  nodeByTokenHash,
  pullFeedJson,
  pushEvents,
  repliedHotlineOrders,
  upsertAttachment,
  upsertHubNode,
} from './queries-hub';
