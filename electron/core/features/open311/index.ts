/**
 * The Open311 GeoReport v2 connector's settings, state, request links and delivery queue: the
 * open311.* procedures, and what the connector (electron/core/adapters/open311) uses of them.
 */
export { configureOpen311, register, resetOpen311Cursor } from './handlers';
export {
  appendOpen311Log,
  dueDeliveries,
  enqueueDelivery,
  getOpen311Link,
  isOwnUpdate,
  lastSentStatus,
  NO_QUIRKS,
  markDeliveryFailed,
  markDeliverySent,
  maxEventSeq,
  outboundCandidates,
  readOpen311ApiKey,
  readOpen311Settings,
  readOpen311State,
  upsertOpen311Link,
  writeOpen311State,
  type DeliveryRow,
  type Open311Quirks,
  type Open311State,
} from './queries';
