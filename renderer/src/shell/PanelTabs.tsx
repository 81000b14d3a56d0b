import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PANELS, type PanelId } from './panels';

export function PanelTabs({ current, onSelect }: { current: PanelId; onSelect: (p: PanelId) => void }) {
  const { t } = useTranslation();

  // Arrow keys move between tabs (WAI-ARIA tabs pattern); only the current tab is in the tab order.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const i = PANELS.indexOf(current);
    const next = PANELS[(i + (e.key === 'ArrowRight' ? 1 : PANELS.length - 1)) % PANELS.length];
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('app.title')} onKeyDown={onKeyDown}>
      {PANELS.map((p, i) => (
        <button
          key={p}
          id={`tab-${p}`}
          type="button"
          role="tab"
          className="tab"
          aria-selected={p === current}
          aria-controls={`panel-${p}`}
          tabIndex={p === current ? 0 : -1}
          title={t('tabs.hint', { n: i + 1 })}
          onClick={() => onSelect(p)}
        >
          {t(`tabs.${p}`)}
          <kbd>F{i + 1}</kbd>
        </button>
      ))}
    </div>
  );
}
