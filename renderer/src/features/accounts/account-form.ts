/**
 * Pure checks of the 账号管理 forms, and the mapping of the core's refusals to a field and a
 * translated message. Kept out of the component so the rules are unit-tested.
 */
import type { ApiErrorData } from '../../../../shared/kernel/api-error';
import { errorText, reasonText } from '../../platform/api/error-text';
import type { Translate } from '../../platform/i18n/translate';
import { passwordProblem } from '../../../../shared/features/auth/password-policy';
import { USERNAME_PATTERN } from '../auth';

export type AccountField = 'username' | 'displayName' | 'role' | 'password' | 'password2';

export interface FieldProblem {
  readonly field: AccountField;
  /** i18n key of the message. */
  readonly key: string;
}

export interface NewAccountDraft {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly password2: string;
}

/**
 * Every problem of a new-password pair, in field order (the first one gets focus): the core's own
 * password policy (shared/features/auth/password-policy.ts), then the repeat.
 */
export function checkPasswordPair(
  password: string,
  password2: string,
  who: { readonly username?: string; readonly displayName?: string } = {},
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (password === '') {
    out.push({ field: 'password', key: 'auth.needPassword' });
    return out;
  }
  const rule = passwordProblem(password, who);
  if (rule) out.push({ field: 'password', key: `auth.passwordRule.${rule}` });
  else if (password !== password2) out.push({ field: 'password2', key: 'auth.passwordMismatch' });
  return out;
}

/** Every problem of the create form, in field order. */
export function checkNewAccount(d: NewAccountDraft): FieldProblem[] {
  const out: FieldProblem[] = [];
  const username = d.username.trim();
  if (username === '') out.push({ field: 'username', key: 'auth.needUsername' });
  else if (!USERNAME_PATTERN.test(username)) out.push({ field: 'username', key: 'auth.usernameFormat' });
  if (d.displayName.trim() === '') out.push({ field: 'displayName', key: 'auth.needDisplayName' });
  return [
    ...out,
    ...checkPasswordPair(d.password, d.password2, { username: username, displayName: d.displayName.trim() }),
  ];
}

const FIELDS: readonly AccountField[] = ['username', 'displayName', 'role', 'password'];

/**
 * A refusal of accounts.* as the form shows it, chosen by its reason: next to `field` when the
 * core named one of the form's fields, otherwise in the form's general error line.
 */
export function accountErrorText(
  err: Pick<ApiErrorData, 'code' | 'reason' | 'message' | 'field' | 'params'>,
  t: Translate,
): { readonly field: AccountField | null; readonly message: string } {
  const field = FIELDS.find((f) => f === err.field) ?? null;
  switch (err.reason) {
    case 'username_taken':
      return { field: 'username', message: t('accounts.usernameTaken') };
    // The only self-change the dialog offers is 停用 (the core refuses it for one's own account).
    case 'self_change':
      return { field: null, message: t('accounts.cannotDisableSelf') };
    case 'account_not_found':
      return { field: null, message: t('accounts.notFound') };
    case 'invalid_input':
      if (field === 'username') return { field, message: t('auth.usernameFormat') };
      // The core's own sentence names the rule the password breaks.
      if (field === 'password') return { field, message: reasonText(err, t) };
      if (field === 'displayName') return { field, message: t('auth.needDisplayName') };
      if (field === 'role') return { field, message: t('accounts.needRole') };
      break;
  }
  return { field, message: errorText(err, t) };
}
