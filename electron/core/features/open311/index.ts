/**
 * The Open311 GeoReport v2 connector's settings, state, request links and delivery queue: the
 * open311.* procedures, and what the connector (electron/core/adapters/open311) uses of them.
 */
export { register } from './handlers';
export {
  appendOpen311Log,
  dueDeliveries,
  enqueueDelivery,
  getOpen311Link,
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
  type Open311State,
} from './queries';
