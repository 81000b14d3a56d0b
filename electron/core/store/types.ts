/**
 * Branded database handles (after Signal Desktop's ReadableDB/WritableDB): a query function
 * says in its signature whether it may write, and a reader cannot call a writer.
 */
import type Database from 'better-sqlite3';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/** A connection that may only be used for reads. */
export type ReadableDb = Database.Database & { readonly [readableBrand]: true };
/** A connection that may write; it can also do everything a reader can. */
export type WritableDb = ReadableDb & { readonly [writableBrand]: true };

/** Where events come from; 'import' is a 台账 import (history: not pushed upstream). */
export type IngestSource = 'local' | 'upstream' | 'demo' | 'import';
