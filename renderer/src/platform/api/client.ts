/** The renderer's one way to reach the core: `call(proc, input)`, typed by shared/contract. */
import type { ProcInput, ProcName, ProcOutput } from '../../../../shared/contract/index';
import { ApiError } from '../../../../shared/kernel/api-error';
import { transport } from './transport';

/** Resolves with the procedure's output; rejects with an ApiError only (transport failures included). */
export async function call<P extends ProcName>(proc: P, input: ProcInput<P>): Promise<ProcOutput<P>> {
  const res = await transport().call(proc, input);
  if (res.ok) return res.data as ProcOutput<P>;
  throw ApiError.fromData(res.error);
}

export { ApiError };
