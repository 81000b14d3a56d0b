import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './shell/Header';
import { PanelTabs } from './shell/PanelTabs';
import { StatusBar } from './shell/StatusBar';
import { PANELS, panelForKey, panelFromHash, type PanelId } from './shell/panels';
import { AwarenessPanel } from './panels/awareness/AwarenessPanel';
import { AnalysisPanel } from './panels/analysis/AnalysisPanel';
import { DispatchPanel } from './panels/dispatch/DispatchPanel';
import { EvaluationPanel } from './panels/evaluation/EvaluationPanel';

export function App() {
  const { t } = useTranslation();
  const [panel, setPanelState] = useState<PanelId>(() => panelFromHash(window.location.hash));

  const setPanel = useCallback((p: PanelId) => {
    setPanelState(p);
    // The hash lets a wall display open straight on one panel (…/#awareness).
    history.replaceState(null, '', `#${p}`);
  }, []);

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
      const p = panelForKey(e);
      if (!p) return;
      e.preventDefault();
      setPanel(p);
      document.getElementById(`tab-${p}`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setPanel]);

  return (
    <div className="app">
      <Header />
      <PanelTabs current={panel} onSelect={setPanel} />
      <main className="panel" role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        {panel === 'awareness' && <AwarenessPanel />}
        {panel === 'analysis' && <AnalysisPanel />}
        {panel === 'dispatch' && <DispatchPanel />}
        {panel === 'evaluation' && <EvaluationPanel />}
      </main>
      <StatusBar />
    </div>
  );
}

export { PANELS };
