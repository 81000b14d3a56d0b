import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './features/auth';
import { AwarenessPanel } from './features/awareness';
import type { DeskDrill } from './features/dispatch';
import { IntakeHost } from './features/intake';
import { SyncBanner } from './features/sync';
import {
  AlarmBanner,
  nextCarouselPanel,
  readCarouselMs,
  saveCarouselMs,
  useCarousel,
  usePendingAlarms,
  useWallLayout,
  useWallMode,
  WallContext,
} from './features/wall';
import { Header } from './shell/Header';
import { WhistleAlarmBanner } from './features/whistle';
import { PanelTabs } from './shell/PanelTabs';
import { StatusBar } from './shell/StatusBar';
import { PANELS, panelForKey, panelFromHash, type PanelId } from './shell/panels';

// The panels not shown first load on demand (each feature's panel.ts): the page that opens on
// 态势感知 (a wall) parses and runs less script before its first paint.
const AnalysisPanel = lazy(() =>
  import('./features/analysis/panel').then((m) => ({ default: m.AnalysisPanel })),
);
const DispatchPanel = lazy(() =>
  import('./features/dispatch/panel').then((m) => ({ default: m.DispatchPanel })),
);
const EvaluationPanel = lazy(() =>
  import('./features/evaluation/panel').then((m) => ({ default: m.EvaluationPanel })),
);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function App() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [panel, setPanelState] = useState<PanelId>(() => panelFromHash(window.location.hash));
  const [wall, setWall] = useWallMode();
  const layout = useWallLayout();
  const [carouselMs, setCarouselMsState] = useState(() => readCarouselMs(storage(), window.location.search));
  const pendingAlarms = usePendingAlarms();

  const setPanel = useCallback((p: PanelId) => {
    setPanelState(p);
    // The hash lets a wall display open straight on one panel (…/#awareness).
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${p}`);
  }, []);

  // A link from the map (popup 查看工单) opens the order in 指挥调度; a wall has no such link.
  const [linkedOrder, setLinkedOrder] = useState<string | null>(null);
  const [drill, setDrill] = useState<DeskDrill | null>(null);
  const openOrderOnDesk = useCallback(
    (orderId: string) => {
      setLinkedOrder(orderId);
      setDrill(null);
      setPanel('dispatch');
    },
    [setPanel],
  );
  const openOrder = wall ? undefined : openOrderOnDesk;
  // 分析研判: a chart mark opens its orders on the desk (not on a wall: it has no desk).
  const openDrillOnDesk = useCallback(
    (d: Omit<DeskDrill, 'seq'>) => {
      setDrill((prev) => ({ ...d, seq: (prev?.seq ?? 0) + 1 }));
      setLinkedOrder(null);
      setPanel('dispatch');
    },
    [setPanel],
  );

  const setCarouselMs = useCallback((ms: number) => {
    saveCarouselMs(storage(), ms);
    setCarouselMsState(ms);
  }, []);

  // An unacknowledged alarm holds the wall on 态势感知, where it can be acknowledged.
  useEffect(() => {
    if (wall && pendingAlarms > 0) setPanel('awareness');
  }, [wall, pendingAlarms, setPanel]);
  const carousel = useCarousel({
    enabled: wall,
    intervalMs: carouselMs,
    hold: pendingAlarms > 0,
    onAdvance: () => setPanel(nextCarouselPanel(panel)),
  });

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  useEffect(() => {
    const onHash = () => setPanelState(panelFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Alt+W: 大屏模式 on/off, for a signed-in user (a wall token cannot leave it).
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyW' && auth?.session) {
        e.preventDefault();
        setWall(!wall);
        return;
      }
      const p = panelForKey(e);
      if (!p) return;
      e.preventDefault();
      setPanel(p);
      document.getElementById(`tab-${p}`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setPanel, setWall, wall, auth]);

  return (
    <WallContext.Provider value={{ wall, layout }}>
      <div
        className={`app layout-${layout}${wall ? ' wall' : ''}`}
        data-testid="app"
        data-wall={wall ? '1' : '0'}
        data-layout={layout}
      >
        <Header
          wall={wall}
          onWall={setWall}
          carouselMs={carouselMs}
          onCarouselMs={setCarouselMs}
          carouselPaused={wall && carouselMs > 0 && carousel.paused}
        />
        {!wall && <PanelTabs current={panel} onSelect={setPanel} />}
        <AlarmBanner onOpen={() => setPanel('awareness')} />
        <WhistleAlarmBanner onOpen={() => setPanel('dispatch')} />
        <SyncBanner />
        <main className="panel" role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
          {panel === 'awareness' && <AwarenessPanel onOpenOrder={openOrder} />}
          <Suspense
            fallback={
              <p className="muted" role="status">
                {t('app.loading')}
              </p>
            }
          >
            {panel === 'analysis' && <AnalysisPanel onDrill={wall ? undefined : openDrillOnDesk} />}
            {panel === 'dispatch' && <DispatchPanel initialOrderId={linkedOrder} drill={drill} />}
            {panel === 'evaluation' && <EvaluationPanel onDrill={wall ? undefined : openDrillOnDesk} />}
          </Suspense>
        </main>
        <StatusBar />
        {/* 受理: F8 from any panel; the new order opens selected on the desk. Not on a wall. */}
        <IntakeHost enabled={!wall} onCreated={openOrderOnDesk} />
      </div>
    </WallContext.Provider>
  );
}

export { PANELS };
