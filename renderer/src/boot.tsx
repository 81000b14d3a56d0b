/** The app itself: React, the shell and the panel shown first (loaded by main.tsx). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthGate } from './features/auth/AuthGate';
import { initI18n } from './platform/i18n/index';

export function boot(root: HTMLElement): void {
  initI18n();
  createRoot(root).render(
    <StrictMode>
      <AuthGate>
        <App />
      </AuthGate>
    </StrictMode>,
  );
}
