/** Registers the map.* handlers (one entry per procedure of shared/contract/map.ts). */
import {
  mapConfig,
  mapConfigure,
  mapDeleteBasemap,
  mapUploadBegin,
  mapUploadCancel,
  mapUploadChunk,
  mapUploadCommit,
} from './map-basemaps';
import { mapFeatures } from './map-features';
import { mapImportJurisdiction } from './map-jurisdiction';
import { mapOrders } from './map-orders';
import type { HandlerRegistry } from './registry';

export function registerMapProcs(registry: HandlerRegistry): HandlerRegistry {
  return registry
    .register('map.orders', mapOrders)
    .register('map.features', mapFeatures)
    .register('map.config', mapConfig)
    .register('map.configure', mapConfigure)
    .register('map.uploadBegin', mapUploadBegin)
    .register('map.uploadChunk', mapUploadChunk)
    .register('map.uploadCommit', mapUploadCommit)
    .register('map.uploadCancel', mapUploadCancel)
    .register('map.deleteBasemap', mapDeleteBasemap)
    .register('map.importJurisdiction', mapImportJurisdiction);
}
