/**
 * The property-based suite's settings: a fixed seed in CI (the same cases every run), more runs
 * with FUZZ_SCALE / FUZZ_RUNS (the nightly `npm run fuzz`), another seed with FUZZ_SEED to explore.
 */
import fc from 'fast-check';
import { ApiError, isReason } from '../../../shared/contract/index';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261111);
/**
 * Runs per property: the CI count (the whole suite stays well under a minute), times FUZZ_SCALE
 * (the nightly `npm run fuzz` uses 20), or at least FUZZ_RUNS.
 */
export function runs(ci: number): number {
  const scale = Number(process.env.FUZZ_SCALE);
  const atLeast = Number(process.env.FUZZ_RUNS);
  let n = Number.isFinite(scale) && scale > 0 ? Math.floor(ci * scale) : ci;
  if (Number.isFinite(atLeast) && atLeast > n) n = Math.floor(atLeast);
  return n;
}

export function fuzzParams(ci: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: runs(ci), endOnFailure: true };
}

/** A refusal the contract allows: an ApiError with a known reason that is not `internal`. */
export function isTypedRefusal(err: unknown): boolean {
  return err instanceof ApiError && isReason(err.reason) && err.code !== 'internal';
}

/** JSON-ish values with the odd ones people and attackers send (huge numbers, NUL, emoji). */
export const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, 2 ** 53 + 1),
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '../../etc/passwd',
      '13812345678',
      'a/b c',
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;
