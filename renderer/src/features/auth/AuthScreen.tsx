/**
 * The two screens before the shell: 登录 (login) and, while no account exists, 创建管理员账号
 * (first-run setup). One form component; the setup variant adds 姓名 and the second password.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthUser } from '../../../../shared/contract/index';
import { asApiError } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { passwordProblem } from '../../../../shared/features/auth/password-policy';
import { wallMasked } from '../../platform/api/wall-flag';
import { loginErrorText, USERNAME_PATTERN } from './login-errors';

export interface AuthScreenProps {
  readonly mode: 'login' | 'setup';
  readonly demo: boolean;
  readonly onSignedIn: (user: AuthUser) => void;
}

export function AuthScreen({ mode, demo, onSignedIn }: AuthScreenProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const login = useMutation('auth.login');
  const setUp = useMutation('auth.setup');
  const busy = login.busy || setUp.busy;
  const first = useRef<HTMLInputElement>(null);
  const setup = mode === 'setup';

  useEffect(() => {
    document.title = `${t(setup ? 'auth.setupTitle' : 'auth.loginTitle')} · ${t('app.title')}`;
    first.current?.focus();
  }, [setup, t]);

  const check = (): string | null => {
    if (username.trim() === '') return t('auth.needUsername');
    if (setup && !USERNAME_PATTERN.test(username.trim())) return t('auth.usernameFormat');
    if (setup && displayName.trim() === '') return t('auth.needDisplayName');
    if (password === '') return t('auth.needPassword');
    if (setup) {
      // The core's password policy, checked here too so the person hears it before sending.
      const rule = passwordProblem(password, { username: username.trim(), displayName: displayName.trim() });
      if (rule) return t(`auth.passwordRule.${rule}`);
    }
    if (setup && password !== password2) return t('auth.passwordMismatch');
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problem = check();
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    try {
      const res = setup
        ? await setUp.run({ username: username.trim(), displayName: displayName.trim(), password })
        : await login.run({ username: username.trim(), password });
      onSignedIn(res.user);
    } catch (err) {
      setError(loginErrorText(asApiError(err), t));
      setPassword('');
      setPassword2('');
    }
  };

  const title = t(setup ? 'auth.setupTitle' : 'auth.loginTitle');
  return (
    <div className="auth-screen" data-testid={setup ? 'setup-screen' : 'login-screen'}>
      <header className="auth-brand">
        <h1>{t('app.title')}</h1>
        {demo && (
          <span className="demo-badge" data-testid="demo-badge" title={t('app.demoHint')}>
            {t('app.demo')}
          </span>
        )}
      </header>
      <form className="auth-card" onSubmit={(e) => void submit(e)} aria-labelledby="auth-title" noValidate>
        <h2 id="auth-title">{title}</h2>
        {setup && <p className="auth-hint">{t('auth.setupHint')}</p>}
        {!setup && wallMasked() && (
          <p className="auth-hint" data-testid="auth-wall-hint">
            {t('auth.wallHint')}
          </p>
        )}
        <label className="auth-field">
          <span>{t('auth.username')}</span>
          <input
            ref={first}
            data-testid="auth-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            maxLength={64}
            disabled={busy}
          />
        </label>
        {setup && (
          <label className="auth-field">
            <span>{t('auth.displayName')}</span>
            <input
              data-testid="auth-display-name"
              autoComplete="name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              maxLength={40}
              disabled={busy}
            />
          </label>
        )}
        <label className="auth-field">
          <span>{t('auth.password')}</span>
          <input
            type="password"
            data-testid="auth-password"
            autoComplete={setup ? 'new-password' : 'current-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            maxLength={256}
            disabled={busy}
          />
        </label>
        {setup && (
          <label className="auth-field">
            <span>{t('auth.passwordAgain')}</span>
            <input
              type="password"
              data-testid="auth-password2"
              autoComplete="new-password"
              value={password2}
              onChange={(e) => setPassword2(e.target.value)}
              maxLength={256}
              disabled={busy}
            />
          </label>
        )}
        <div className="auth-error" role="alert" data-testid="auth-error" aria-live="assertive">
          {error ?? ''}
        </div>
        <button type="submit" className="auth-submit" data-testid="auth-submit" disabled={busy}>
          {busy ? t('auth.working') : t(setup ? 'auth.submitSetup' : 'auth.submitLogin')}
        </button>
      </form>
    </div>
  );
}
