/**
 * What the user reads when a call fails: a translated label for the error code first, then the
 * core's own message as the detail (the core writes Chinese; transport failures such as
 * "Failed to fetch" come from the browser in English and would otherwise be all the user sees).
 */
import { ApiError, ERROR_CODES, type ApiErrorData } from '../../../../shared/kernel/proc';

type Translate = (key: string) => string;

export function errorText(err: Pick<ApiErrorData, 'code' | 'message'>, t: Translate): string {
  const known = (ERROR_CODES as readonly string[]).includes(err.code);
  const label = t(`errors.${known ? err.code : 'internal'}`);
  const detail = err.message.trim();
  return detail && detail !== label ? `${label}（${detail}）` : label;
}

/** Any caught value as an ApiError: a throw that is not one (a bug, a browser failure) reads as internal. */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError('internal', String(err));
}

/** errorText for whatever a `catch` caught. */
export function caughtErrorText(err: unknown, t: Translate): string {
  return errorText(asApiError(err), t);
}
