/** The signed-in user for the shell (header name, role label, 退出登录). */
import { createContext, useContext } from 'react';
import type { AuthUser } from '../../../../shared/contract/index';

export interface AuthState {
  readonly user: AuthUser;
  /** True for an account session (退出登录 applies); false for a wall token or --loopback-role. */
  readonly session: boolean;
  readonly logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState | null {
  return useContext(AuthContext);
}
