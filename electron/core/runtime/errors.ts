/** Turning failures into the API's typed error: zod's (naming the field) and unexpected ones. */
import type { z } from 'zod';
import { ApiError } from '../../../shared/contract/index';

export function invalidInput(err: z.ZodError): ApiError {
  const issue = err.issues[0];
  if (!issue) return ApiError.why('invalid_input', '输入无效');
  const field = issue.path.map(String).join('.');
  return ApiError.why(
    'invalid_input',
    field ? `${field}: ${issue.message}` : issue.message,
    field || undefined,
  );
}

/**
 * Anything that is not an ApiError is a bug or a storage fault: the caller gets `internal` with a
 * fixed message, never the original text (SQL, file paths, constraint names); the core logs that.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError('internal');
}
