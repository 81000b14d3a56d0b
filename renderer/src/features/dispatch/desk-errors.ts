/** What the desk says when the core refuses an action, in plain words. Pure (t is injected). */
import type { ApiErrorData } from '../../../../shared/kernel/api-error';
import { errorText } from '../../platform/api/error-text';
import type { Translate } from '../../platform/i18n/translate';
import type { FieldError } from './action-forms';
import { fieldOfError } from './action-forms';
import type { DeskActionId } from './desk-actions';

type ErrorLike = Pick<ApiErrorData, 'code' | 'reason' | 'message' | 'params' | 'field'>;

/** The reducer's refusals end in a code for the log ("… (dispatched → replied)"): not for people. */
export function withoutCode(s: string): string {
  return s.replace(/\s*\(([^()\u4e00-\u9fff]*)\)\s*$/u, '');
}

/** The sentence for a refusal of an action, the reducer's trailing code removed. */
export function deskErrorText(err: ErrorLike, t: Translate): string {
  if (err.reason === 'lifecycle_refused' || err.reason === 'invalid_input') {
    const why = err.params?.why;
    if (why !== undefined) return errorText({ ...err, params: { ...err.params, why: withoutCode(why) } }, t);
  }
  return errorText(err, t);
}

/** An input error of the core shown next to the form field it names, when it names one. */
export function serverFieldErrors(
  action: DeskActionId,
  err: ErrorLike | null,
  t: Translate,
): Record<string, FieldError> {
  if (!err || err.code !== 'invalid_input') return {};
  const name = fieldOfError(action, err.field);
  return name ? { [name]: { key: 'desk.error.server', vars: { text: deskErrorText(err, t) } } } : {};
}

/** Someone changed the order since the form was opened: the reload-and-retry path. */
export function isStale(err: Pick<ApiErrorData, 'reason'> | null): boolean {
  return err?.reason === 'stale_version';
}
