/** The right-hand side of 账号管理: the create form and the password reset (停用 asks with ConfirmPanel). */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../shared/contract/index';
import { ALL_PERMISSIONS_FROM, ROLES, roleAtLeast, type Role } from '../../../../shared/kernel/roles';
import { asApiError } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { accountErrorText, checkNewAccount, checkPasswordPair, type AccountField } from './account-form';

type FieldErrors = Partial<Record<AccountField, string>>;

function Field({
  label,
  error,
  children,
}: {
  readonly label: string;
  readonly error: string | undefined;
  readonly children: (describedBy: string) => ReactNode;
}) {
  const id = useId();
  return (
    <label className="auth-field account-field">
      <span>{label}</span>
      {children(id)}
      <span className="field-error" id={id} role={error ? 'alert' : undefined}>
        {error ?? ''}
      </span>
    </label>
  );
}

/** A labelled text/password input with its error line; used by both forms. */
function TextField(props: {
  readonly label: string;
  readonly error: string | undefined;
  readonly name: AccountField;
  readonly testId: string;
  readonly type: string;
  readonly autoComplete: string;
  readonly maxLength: number;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly disabled: boolean;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(describedBy) => (
        <input
          name={props.name}
          data-testid={props.testId}
          type={props.type}
          autoComplete={props.autoComplete}
          maxLength={props.maxLength}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          disabled={props.disabled}
        />
      )}
    </Field>
  );
}

function focusField(form: HTMLFormElement | null, field: AccountField | undefined) {
  if (!form || !field) return;
  form.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
}

/**
 * Moves focus to a field on the next frame, after the server answered — unless the user has
 * already moved on to another control meanwhile: a late focus jump would send what they are
 * typing into the wrong field (it once put a password into the user name).
 */
function focusFieldLater(form: HTMLFormElement | null, field: AccountField, focusedAtSubmit: Element | null) {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    const untouched = !active || active === document.body || active === focusedAtSubmit;
    if (untouched) focusField(form, field);
  });
}

export function CreateForm({ onCreated }: { readonly onCreated: (row: AccountRow) => void }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  // 核查结案: granted beside an officer's role (commanders and admins have it with theirs).
  const [verify, setVerify] = useState(false);
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState('');
  const create = useMutation('accounts.create');
  const busy = create.busy;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems = checkNewAccount({ username, displayName, password, password2 });
    if (problems.length > 0) {
      const next: FieldErrors = {};
      for (const p of problems) next[p.field] ??= t(p.key);
      setErrors(next);
      setGeneral('');
      focusField(form.current, problems[0]?.field);
      return;
    }
    const focusedAtSubmit = document.activeElement;
    setErrors({});
    setGeneral('');
    try {
      const row = await create.run({
        username: username.trim(),
        displayName: displayName.trim(),
        password,
        role,
        permissions: verify && !roleAtLeast(role, ALL_PERMISSIONS_FROM) ? ['verify'] : [],
      });
      setUsername('');
      setVerify(false);
      setDisplayName('');
      setPassword('');
      setPassword2('');
      onCreated(row);
      focusFieldLater(form.current, 'username', focusedAtSubmit);
    } catch (err) {
      const { field, message } = accountErrorText(asApiError(err), t);
      if (field) {
        setErrors({ [field]: message });
        focusFieldLater(form.current, field, focusedAtSubmit);
      } else setGeneral(message);
    }
  };

  const input = (
    name: AccountField,
    value: string,
    set: (v: string) => void,
    extra: { type?: string; autoComplete: string; maxLength: number },
  ) => (
    <TextField
      label={t(`accounts.field.${name}`)}
      error={errors[name]}
      name={name}
      testId={`account-${name}`}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete}
      maxLength={extra.maxLength}
      value={value}
      onChange={set}
      disabled={busy}
    />
  );

  return (
    <form
      ref={form}
      className="dialog-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="account-create-title"
      data-testid="account-create"
    >
      <h3 id="account-create-title">{t('accounts.createTitle')}</h3>
      {input('username', username, setUsername, { autoComplete: 'off', maxLength: 64 })}
      {input('displayName', displayName, setDisplayName, { autoComplete: 'off', maxLength: 40 })}
      <Field label={t('accounts.field.role')} error={errors.role}>
        {(describedBy) => (
          <select
            name="role"
            data-testid="account-role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            aria-describedby={describedBy}
            disabled={busy}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {roleAtLeast(role, 'officer') && !roleAtLeast(role, ALL_PERMISSIONS_FROM) && (
        <label className="account-permission">
          <input
            type="checkbox"
            data-testid="account-verify"
            checked={verify}
            disabled={busy}
            onChange={(e) => setVerify(e.target.checked)}
          />
          {t('accounts.permission.verify')}
        </label>
      )}
      {input('password', password, setPassword, {
        type: 'password',
        autoComplete: 'new-password',
        maxLength: 256,
      })}
      {input('password2', password2, setPassword2, {
        type: 'password',
        autoComplete: 'new-password',
        maxLength: 256,
      })}
      <div className="auth-error" role="alert" data-testid="account-create-error">
        {general}
      </div>
      <button type="submit" className="auth-submit" data-testid="account-create-submit" disabled={busy}>
        {busy ? t('auth.working') : t('accounts.create')}
      </button>
    </form>
  );
}

export function ResetPassword({
  row,
  onDone,
}: {
  readonly row: AccountRow;
  readonly onDone: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState('');
  const reset = useMutation('accounts.resetPassword');
  const busy = reset.busy;
  useEffect(() => focusField(form.current, 'password'), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems = checkPasswordPair(password, password2, {
      username: row.username,
      displayName: row.displayName,
    });
    if (problems.length > 0) {
      const next: FieldErrors = {};
      for (const p of problems) next[p.field] ??= t(p.key);
      setErrors(next);
      focusField(form.current, problems[0]?.field);
      return;
    }
    setErrors({});
    setGeneral('');
    try {
      await reset.run({ username: row.username, password });
      onDone(true);
    } catch (err) {
      const { field, message } = accountErrorText(asApiError(err), t);
      if (field === 'password') setErrors({ password: message });
      else setGeneral(message);
    }
  };

  const pw = (name: 'password' | 'password2', value: string, set: (v: string) => void) => (
    <TextField
      label={t(name === 'password' ? 'accounts.newPassword' : 'accounts.newPasswordAgain')}
      error={errors[name]}
      name={name}
      testId={`reset-${name}`}
      type="password"
      autoComplete="new-password"
      maxLength={256}
      value={value}
      onChange={set}
      disabled={busy}
    />
  );

  return (
    <form
      ref={form}
      className="dialog-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="account-reset-title"
      data-testid="account-reset-form"
    >
      <h3 id="account-reset-title">
        {t('accounts.resetTitle', { username: row.username, name: row.displayName })}
      </h3>
      <p className="auth-hint">{t('accounts.resetHint')}</p>
      {pw('password', password, setPassword)}
      {pw('password2', password2, setPassword2)}
      <div className="auth-error" role="alert" data-testid="account-reset-error">
        {general}
      </div>
      <div className="dialog-buttons">
        <button type="submit" className="auth-submit" data-testid="account-reset-submit" disabled={busy}>
          {busy ? t('auth.working') : t('accounts.confirmReset')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(false)} data-testid="account-side-cancel">
          {t('accounts.cancel')}
        </button>
      </div>
    </form>
  );
}
