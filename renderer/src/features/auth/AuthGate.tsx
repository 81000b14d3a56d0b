/**
 * Asks the core who we are (auth.status) and shows the first-run setup, the login screen, or
 * the shell. Logging out reloads the page so no cached data of the last user stays in memory.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus, AuthUser } from '../../../../shared/contract/index';
import { call } from '../../platform/api/client';
import { authStatusCall } from '../../platform/api/first-calls';
import { transport } from '../../platform/api/transport';
import { AuthContext, type AuthState } from './auth-context';
import { AuthScreen } from './AuthScreen';
import './auth.css';

type GateState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ready'; readonly status: AuthStatus };

export function AuthGate({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<GateState>({ kind: 'loading' });

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    authStatusCall().then(
      (status) => setState({ kind: 'ready', status }),
      (err: unknown) =>
        setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }, []);
  useEffect(load, [load]);

  const onSignedIn = useCallback((user: AuthUser) => {
    transport().reconnectNow();
    setState((s) =>
      s.kind === 'ready'
        ? { kind: 'ready', status: { ...s.status, needsSetup: false, session: true, user } }
        : s,
    );
  }, []);

  const auth = useMemo<AuthState | null>(() => {
    if (state.kind !== 'ready' || !state.status.user) return null;
    return {
      user: state.status.user,
      session: state.status.session,
      logout: async () => {
        try {
          await call('auth.logout', {});
        } finally {
          window.location.reload();
        }
      },
    };
  }, [state]);

  if (state.kind === 'loading') return <div className="auth-screen auth-loading">{t('app.loading')}</div>;
  if (state.kind === 'error') {
    return (
      <div className="auth-screen">
        <div className="auth-card" role="alert">
          <p>
            {t('auth.statusFailed')}（{state.message}）
          </p>
          <button type="button" className="auth-submit" onClick={load}>
            {t('app.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (auth) return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
  return (
    <AuthScreen
      key={state.status.needsSetup ? 'setup' : 'login'}
      mode={state.status.needsSetup ? 'setup' : 'login'}
      demo={state.status.demo}
      onSignedIn={onSignedIn}
    />
  );
}
