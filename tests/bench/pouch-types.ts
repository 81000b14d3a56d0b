/**
 * Minimal local types for the PouchDB baseline (pouchdb-node, pouchdb-adapter-memory,
 * express-pouchdb and express ship no types). Only what pouch-baseline.ts uses; loaded with
 * createRequire so no ambient module declarations leak into the rest of the project.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface PouchInfo {
  readonly doc_count: number;
  readonly update_seq: number | string;
}

export interface PouchBulkResult {
  readonly ok?: boolean;
  readonly id?: string;
  readonly error?: string;
}

export interface PouchReplicationResult {
  readonly ok: boolean;
  readonly docs_written: number;
  readonly docs_read: number;
  readonly doc_write_failures: number;
}

export interface PouchDatabase {
  bulkDocs(docs: readonly object[]): Promise<PouchBulkResult[]>;
  info(): Promise<PouchInfo>;
  destroy(): Promise<unknown>;
  close(): Promise<void>;
}

export interface PouchReplicateOptions {
  readonly batch_size?: number;
  readonly batches_limit?: number;
}

export interface PouchStatic {
  new (name: string, options?: { readonly adapter?: string; readonly prefix?: string }): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
  defaults(options: { readonly prefix?: string; readonly adapter?: string }): PouchStatic;
  replicate(
    source: PouchDatabase,
    target: PouchDatabase,
    options?: PouchReplicateOptions,
  ): Promise<PouchReplicationResult>;
}

export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (err?: unknown) => void,
) => void;

export interface ExpressPouchOptions {
  readonly mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom';
  readonly inMemoryConfig?: boolean;
  readonly logPath?: string;
  readonly configPath?: string;
}

export type ExpressPouchFactory = (pouch: PouchStatic, options?: ExpressPouchOptions) => RequestHandler;

export interface ExpressApp extends RequestHandler {
  use(path: string, handler: RequestHandler): ExpressApp;
}

export type ExpressFactory = () => ExpressApp;
