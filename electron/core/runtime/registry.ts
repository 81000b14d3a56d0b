/**
 * Procedure name → handler. Names are global: a duplicate is refused at start-up, and a
 * contract procedure without a handler stops the core from starting (Actual Budget's app.ts).
 */
import { CONTRACT, type ProcName } from '../../../shared/contract/index';
import type { Handler } from './context';

export class HandlerRegistry {
  private readonly handlers = new Map<string, Handler<ProcName>>();

  register<P extends ProcName>(name: P, handler: Handler<P>): this {
    if (this.handlers.has(name)) throw new Error(`duplicate handler for ${name}`);
    if (!Object.prototype.hasOwnProperty.call(CONTRACT, name))
      throw new Error(`${name} is not in the contract`);
    this.handlers.set(name, handler as unknown as Handler<ProcName>);
    return this;
  }

  get<P extends ProcName>(name: P): Handler<P> | undefined {
    return this.handlers.get(name) as unknown as Handler<P> | undefined;
  }

  /** Throws unless every contract procedure has a handler. */
  assertComplete(): this {
    const missing = (Object.keys(CONTRACT) as ProcName[]).filter((p) => !this.handlers.has(p));
    if (missing.length) throw new Error(`no handler for: ${missing.join(', ')}`);
    return this;
  }
}

/** What a feature folder exports to the manifest: it registers its procedures' handlers. */
export interface FeatureModule {
  register(registry: HandlerRegistry): void;
}
