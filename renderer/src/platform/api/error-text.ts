/**
 * What the user reads when a call fails: a translated label for the error's class (`code`)
 * first, then the sentence for its `reason` as the detail, from the catalogue
 * (`errors.reason.<reason>`, filled from the error's `params`) so it follows the UI's language.
 * The core's own message is the fallback for a reason the catalogue does not know (a newer core).
 * Decisions are made on `reason`, never on the text.
 */
import { ApiError, ERROR_CODES, type ApiErrorData } from '../../../../shared/kernel/api-error';
import type { Translate } from '../i18n/translate';

type ErrorLike = Pick<ApiErrorData, 'code' | 'reason' | 'message' | 'params'> & { readonly field?: string };

const PLACEHOLDER = /\{\{\s*[\w.]+\s*\}\}/;

/** The reason's sentence in the UI's language, or the core's message when there is none to fill. */
export function reasonText(err: Pick<ApiErrorData, 'reason' | 'message' | 'params'>, t: Translate): string {
  const key = `errors.reason.${err.reason}`;
  const text = t(key, { ...err.params });
  // Unknown reason (i18next answers the key), or a value the sentence needs is missing.
  return text === key || PLACEHOLDER.test(text) ? err.message : text;
}

export function errorText(err: ErrorLike, t: Translate): string {
  const known = (ERROR_CODES as readonly string[]).includes(err.code);
  const label = t(`errors.${known ? err.code : 'internal'}`);
  let detail = reasonText(err, t).trim();
  // The core names the refused input by its path ("result: 请填写办结情况") for logs and for forms
  // that place the error by `field`; a person reads the sentence alone.
  if (err.reason === 'invalid_input' && err.field && detail.startsWith(`${err.field}: `))
    detail = detail.slice(err.field.length + 2).trim();
  return detail && detail !== label ? `${label}（${detail}）` : label;
}

/**
 * Any caught value as an ApiError. `call` only rejects with one; anything else is a bug of this
 * page, logged to the console and shown as internal.
 */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  console.error(err);
  return new ApiError('internal');
}

/** errorText for whatever a `catch` caught. */
export function caughtErrorText(err: unknown, t: Translate): string {
  return errorText(asApiError(err), t);
}
