/** Turning zod failures into the API's typed error that names the field. */
import type { z } from 'zod';
import { ApiError } from '../../../shared/contract/index';

export function invalidInput(err: z.ZodError): ApiError {
  const issue = err.issues[0];
  if (!issue) return new ApiError('invalid_input', '输入无效');
  const field = issue.path.map(String).join('.');
  return new ApiError(
    'invalid_input',
    field ? `${field}: ${issue.message}` : issue.message,
    field || undefined,
  );
}

/** The message of every unexpected failure, whatever it was. */
export const INTERNAL_MESSAGE = '系统内部错误，详情已记录在日志中';

/**
 * Anything that is not an ApiError is a bug or a storage fault: the caller gets `internal` with a
 * fixed message, never the original text (SQL, file paths, constraint names); core.ts logs that.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError('internal', INTERNAL_MESSAGE);
}
