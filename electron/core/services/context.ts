/** What every service handler gets: the parsed input, the caller, and the store environment. */
import type { ChangeHint, ProcName, ProcOutput, ProcParsedInput, Role } from '../../../shared/contract';
import type { WritableDb } from '../store/types';

export interface CallContext {
  readonly role: Role;
  readonly actor: string;
}

export interface ServiceEnv {
  readonly db: WritableDb;
  readonly dataDir: string;
  readonly node: string;
  readonly host: 'electron' | 'browser' | 'test';
  readonly appVersion: string;
  readonly now: () => number;
}

/** Handlers queue change hints; the dispatcher publishes them only after the handler returned. */
export interface HandlerTools {
  readonly hint: (hint: ChangeHint) => void;
}

export type Handler<P extends ProcName> = (
  input: ProcParsedInput<P>,
  call: CallContext,
  env: ServiceEnv,
  tools: HandlerTools,
) => ProcOutput<P>;
