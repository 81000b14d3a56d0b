/** Registers the map.* handlers (one entry per procedure of shared/features/map/contract.ts). */
import {
  mapConfig,
  mapConfigure,
  mapDeleteBasemap,
  mapUploadBegin,
  mapUploadCancel,
  mapUploadChunk,
  mapUploadCommit,
} from './basemaps';
import { mapFeatures } from './features';
import { mapImportJurisdiction } from './jurisdiction';
import { mapOrders } from './orders';
import type { HandlerRegistry } from '../../runtime/registry';

export function register(registry: HandlerRegistry): void {
  registry
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
