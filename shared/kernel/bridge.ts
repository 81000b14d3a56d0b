/** What the Electron preload exposes as `window.hall`, and what every transport returns. */
import type { ApiErrorData } from './api-error';
import type { ChangeHint } from './proc';

export type CallResult<O = unknown> =
  { readonly ok: true; readonly data: O } | { readonly ok: false; readonly error: ApiErrorData };

export interface HallBridge {
  call(proc: string, input: unknown): Promise<CallResult>;
  /** Subscribe to change hints pushed by the core; returns the unsubscribe function. */
  onChange(listener: (hint: ChangeHint) => void): () => void;
}

/** HTTP transport (browser mode): `POST ${API_PREFIX}/<proc>` with the JSON input, answers CallResult. */
export const API_PREFIX = '/api';
/** WebSocket path on which the host pushes ChangeHint JSON messages. */
export const EVENTS_PATH = '/api/events';
