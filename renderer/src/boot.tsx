/** The app itself: React, the shell and the panel shown first (loaded by main.tsx). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthGate } from './features/auth';
import { en, zh } from './messages';
import { procsForHint } from './platform/api/cache-keys';
import { routeHints } from './platform/api/query-cache';
import { initI18n } from './platform/i18n/index';

export function boot(root: HTMLElement): void {
  // From now on a change hint refreshes only what the contract says it makes stale.
  routeHints(procsForHint);
  initI18n({ zh, en });
  createRoot(root).render(
    <StrictMode>
      <AuthGate>
        <App />
      </AuthGate>
    </StrictMode>,
  );
}
