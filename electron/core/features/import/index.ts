/**
 * The 台账 import (issue 14): import.* handlers, and the ledger reader other features may use
 * (h14a's triage evaluation reads files the same way).
 */
import type { HandlerRegistry } from '../../runtime/registry';
import {
  importCancel,
  importCheck,
  importDiscard,
  importPreview,
  importProgress,
  importRun,
  importUploadBegin,
  importUploadChunk,
} from './ledger';
import { importCreateCategory } from './history-categories';

export { openLedger, LedgerFileError, type LedgerTable } from './read-table';
export { importOrderId } from './ledger-scan';

export function register(registry: HandlerRegistry): void {
  registry
    .register('import.uploadBegin', importUploadBegin)
    .register('import.uploadChunk', importUploadChunk)
    .register('import.preview', importPreview)
    .register('import.check', importCheck)
    .register('import.run', importRun)
    .register('import.progress', importProgress)
    .register('import.cancel', importCancel)
    .register('import.createCategory', importCreateCategory)
    .register('import.discard', importDiscard);
}
