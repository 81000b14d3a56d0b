/**
 * Turns whatever a core call threw into the wire's ApiErrorData, and the code into an HTTP status.
 * Unknown errors become `internal` without their message: stack traces and SQL stay in the log.
 */
import { ERROR_CODES, type ApiErrorData, type ErrorCode } from '../../../../shared/contract/index';

/** Same text as the core's (services/errors.ts): the caller never sees what actually failed. */
export const INTERNAL_ERROR_MESSAGE = '系统内部错误，详情已记录在日志中';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rejected: 422,
  unavailable: 503,
  internal: 500,
};

function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/** Duck-typed on purpose: errors crossing the core's worker boundary may not be ApiError instances. */
export function toApiErrorData(err: unknown): { data: ApiErrorData; expected: boolean } {
  if (typeof err === 'object' && err !== null) {
    const e = err as { code?: unknown; message?: unknown; field?: unknown };
    if (isErrorCode(e.code) && typeof e.message === 'string') {
      const data: ApiErrorData =
        typeof e.field === 'string'
          ? { code: e.code, message: e.message, field: e.field }
          : { code: e.code, message: e.message };
      return { data, expected: e.code !== 'internal' };
    }
  }
  return { data: { code: 'internal', message: INTERNAL_ERROR_MESSAGE }, expected: false };
}
