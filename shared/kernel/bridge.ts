/** What the Electron preload exposes as `window.hall`, and what every transport returns. */
import type { ApiErrorData } from './api-error';
import type { ChangeHint } from './proc';

export type CallResult<O = unknown> =
  { readonly ok: true; readonly data: O } | { readonly ok: false; readonly error: ApiErrorData };

export interface HallBridge {
  call(proc: string, input: unknown): Promise<CallResult>;
  /** Subscribe to change hints pushed by the core; returns the unsubscribe function. */
  onChange(listener: (hint: ChangeHint) => void): () => void;
  /** Electron only: prints the calling page to PDF (webContents.printToPDF) and saves it. */
  printToPdf?(fileName: string): Promise<PdfResult>;
}

/** What printToPdf answers: where the PDF was saved (null: the user cancelled), or why not. */
export interface PdfResult {
  readonly ok: boolean;
  readonly saved: string | null;
  readonly error?: string;
}

/** HTTP transport (browser mode): `POST ${API_PREFIX}/<proc>` with the JSON input, answers CallResult. */
export const API_PREFIX = '/api';
/** WebSocket path on which the host pushes ChangeHint JSON messages. */
export const EVENTS_PATH = '/api/events';
/**
 * Every `/api` answer's header: how many change hints the host had received from the core when it
 * began the call. The socket's first message, `{topic: PUSH_JOINED, changes}`, gives the count
 * when the socket joined: a page whose answers are older may have missed a hint (docs/API.md).
 */
export const CHANGES_HEADER = 'x-hall-changes';
export const PUSH_JOINED = 'push.joined';
