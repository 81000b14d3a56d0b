/**
 * Turns whatever a core call threw into the wire's ApiErrorData, and the code into an HTTP status.
 * Unknown errors become `internal` without their message: stack traces and SQL stay in the log.
 */
import {
  ApiError,
  isReason,
  type ApiErrorData,
  type ErrorCode,
  type Reason,
} from '../../../../shared/contract/index';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rejected: 422,
  unavailable: 503,
  internal: 500,
};

/** Refusals that mean "who are you?" answer 401, so a client knows to sign in or send a token. */
export function statusOf(e: ApiErrorData): number {
  if (e.reason === 'login_required' || e.reason === 'token_invalid' || e.reason === 'token_required')
    return 401;
  return STATUS_BY_CODE[e.code];
}

/** The wire form of a host's own refusal (before the core was asked). */
export function hostError(reason: Reason, why?: string): ApiErrorData {
  return (why === undefined ? new ApiError(reason) : ApiError.why(reason, why)).toData();
}

/** Duck-typed on purpose: errors crossing the core's worker boundary may not be ApiError instances. */
export function toApiErrorData(err: unknown): { data: ApiErrorData; expected: boolean } {
  if (err instanceof ApiError) return { data: err.toData(), expected: err.code !== 'internal' };
  if (typeof err === 'object' && err !== null) {
    const e = err as Partial<ApiErrorData>;
    if (isReason(e.reason) && typeof e.message === 'string') {
      const data = ApiError.fromData(e).toData();
      return { data, expected: data.code !== 'internal' };
    }
  }
  return { data: new ApiError('internal').toData(), expected: false };
}
