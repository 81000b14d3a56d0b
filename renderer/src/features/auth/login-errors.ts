/** Turns a failed auth call into one clear, translated sentence, chosen by the error's reason. */
import type { ApiError } from '../../../../shared/kernel/api-error';
import { errorText, reasonText } from '../../platform/api/error-text';
import type { Translate } from '../../platform/i18n/translate';

export function loginErrorText(err: ApiError, t: Translate): string {
  switch (err.reason) {
    case 'bad_credentials':
      return t('auth.badLogin');
    case 'account_disabled':
      return t('auth.disabled');
    case 'login_locked':
    case 'login_throttled':
      return reasonText(err, t);
    case 'local_only':
      return t('auth.setupLocalOnly');
    case 'already_set_up':
      return t('auth.alreadySetUp');
    case 'invalid_input':
      if (err.field === 'username') return t('auth.usernameFormat');
      // The core's own sentence names the password rule that was broken.
      if (err.field === 'password') return reasonText(err, t);
      if (err.field === 'displayName') return t('auth.needDisplayName');
      break;
  }
  return errorText(err, t);
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{2,32}$/;
export const MIN_PASSWORD = 8;
