/** Turns a failed auth call into one clear, translated sentence. */
import type { ApiError } from '../../../../shared/kernel/proc';

type Translate = (key: string) => string;

export function loginErrorText(err: ApiError, t: Translate): string {
  if (err.code === 'forbidden') return err.message.includes('停用') ? t('auth.disabled') : t('auth.badLogin');
  if (err.code === 'rejected') return t('auth.alreadySetUp');
  if (err.code === 'invalid_input') {
    if (err.field === 'username') return t('auth.usernameFormat');
    if (err.field === 'password') return t('auth.passwordShort');
    if (err.field === 'displayName') return t('auth.needDisplayName');
  }
  return `${t(`errors.${err.code}`)}（${err.message}）`;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{2,32}$/;
export const MIN_PASSWORD = 8;
