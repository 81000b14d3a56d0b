/** The auth feature's public surface: the sign-in gate, who is signed in, the password rules. */
export { AuthGate } from './AuthGate';
export { useAuth, type AuthState } from './auth-context';
export { MIN_PASSWORD, USERNAME_PATTERN } from './login-errors';
