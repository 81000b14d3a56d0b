/** Turning zod failures into the API's typed error that names the field. */
import type { z } from 'zod';
import { ApiError } from '../../../shared/contract';

export function invalidInput(err: z.ZodError): ApiError {
  const issue = err.issues[0];
  if (!issue) return new ApiError('invalid_input', 'invalid input');
  const field = issue.path.map(String).join('.');
  return new ApiError('invalid_input', field ? `${field}: ${issue.message}` : issue.message, field || undefined);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError('internal', message);
}
