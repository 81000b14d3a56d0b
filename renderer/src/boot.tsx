/** The app itself: React, the shell and the panel shown first (loaded by main.tsx). */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthGate, useAuth } from './features/auth';
import { en, zh } from './messages';
import { procsForHint } from './platform/api/cache-keys';
import { routeHints } from './platform/api/query-cache';
import { initI18n } from './platform/i18n/index';

const MemberHome = lazy(() => import('./features/party/panel').then((m) => ({ default: m.MemberHome })));

/** A member account (党员接单) gets its own page (loaded on demand); every other account the hall. */
function Home() {
  if (!useAuth()?.user.memberId) return <App />;
  return (
    <Suspense fallback={null}>
      <MemberHome />
    </Suspense>
  );
}

export function boot(root: HTMLElement): void {
  // From now on a change hint refreshes only what the contract says it makes stale.
  routeHints(procsForHint);
  initI18n({ zh, en });
  createRoot(root).render(
    <StrictMode>
      <AuthGate>
        <Home />
      </AuthGate>
    </StrictMode>,
  );
}
