/**
 * 指挥调度, the dispatch desk: the work queues as tabs with their counts (全部 keeps the filters and
 * search), the orders of the chosen queue most urgent first, and the open order with its action
 * bar. Ctrl+K opens the command palette; Esc closes the open form, then the detail.
 *
 * Leaving with actions in the undo window: leaving the desk (another panel) sends them at once;
 * closing or reloading the window sends them at once and asks the browser to hold the page
 * (its "leave site?" prompt), so nothing submitted is lost without a word.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail as OrderDetailView } from '../../../../shared/contract/index';
import { useOrderPages } from '../../platform/api/use-query';
import { formatDate } from '../../platform/format/time';
import { ExportButton } from '../jobs';
import { useReference } from '../reference';
import { ordersLedgerParams } from './export-ledger';
import { ConfirmDialog } from './ConfirmDialog';
import { CommandPalette } from './CommandPalette';
import type { DeskActionId } from './desk-actions';
import { deskQueue } from './desk-queue';
import { Filters } from './Filters';
import {
  drillFilters,
  EMPTY_FILTERS,
  filtersToInput,
  PAGE_SIZE,
  type DeskDrill,
  type FilterState,
} from './filter-state';
import { DrillBanner } from './DrillBanner';
import { OrderDetail } from './OrderDetail';
import { OrdersTable } from './OrdersTable';
import { QueueTabs, type DeskTab } from './QueueTabs';
import { UndoToasts } from './UndoToasts';
import { DeskContext, useDesk } from './use-desk';
import { WhistleView, type WhistleSeed } from '../whistle';
import './dispatch.css';
import './desk.css';

/** Typing pauses this long before a search runs. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * `initialOrderId`: open this order's detail at once (the map, an alarm, a live-feed line).
 * `drill`: open 全部 with a drill-down's filters or exactly its orders (分析研判).
 */
export function DispatchPanel({
  initialOrderId = null,
  drill = null,
}: {
  initialOrderId?: string | null;
  drill?: DeskDrill | null;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const [tab, setTab] = useState<DeskTab>('all');
  const [filters, setFilters] = useState<FilterState>(() => (drill ? drillFilters(drill) : EMPTY_FILTERS));
  const [drillShown, setDrillShown] = useState<DeskDrill | null>(drill);
  const [debouncedQ, setDebouncedQ] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(initialOrderId);
  const [openId, setOpenId] = useState<string | null>(initialOrderId);
  const [palette, setPalette] = useState(false);
  // 吹哨报到 (issue 15): the whistle view in place of the queue, seeded when opened from an order.
  const [whistle, setWhistle] = useState<{ seed: WhistleSeed | null } | null>(null);

  const openOrder = useCallback((id: string) => {
    setSelectedId(id);
    setOpenId(id);
  }, []);
  const desk = useDesk(openId, openOrder);

  useEffect(() => {
    if (initialOrderId !== null) openOrder(initialOrderId);
  }, [initialOrderId, openOrder]);

  useEffect(() => {
    if (!drill) return;
    setTab(drill.queue ?? 'all');
    setFilters(drillFilters(drill));
    setDrillShown(drill);
  }, [drill]);

  useEffect(() => {
    const id = window.setTimeout(() => setDebouncedQ(filters.q), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(id);
  }, [filters.q]);

  const { input, invalidRange } = useMemo(() => {
    if (tab !== 'all') return { input: { queue: tab, limit: PAGE_SIZE }, invalidRange: false };
    const q = filtersToInput({ ...filters, q: debouncedQ });
    const ids = drillShown?.ids;
    return ids && ids.length > 0 ? { ...q, input: { ...q.input, ids: [...ids] } } : q;
  }, [tab, filters, debouncedQ, drillShown]);
  const list = useOrderPages(input, tab);

  const { form, cancel } = desk;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        if (openId === null && selectedId !== null) setOpenId(selectedId);
        setPalette(true);
        return;
      }
      if (e.key !== 'Escape') return;
      // A dialog (palette, confirmation, photo) closes itself first.
      if (document.querySelector('dialog[open]')) return;
      if (form) {
        e.preventDefault();
        cancel();
        return;
      }
      if (openId === null) return;
      e.preventDefault();
      setOpenId(null);
      document.querySelector<HTMLElement>('[data-testid="orders-list"]')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId, selectedId, form, cancel]);

  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!deskQueue.busy()) return;
      void deskQueue.flush();
      e.preventDefault();
      // Older browsers need returnValue set to show their prompt.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);

  const onPaletteAction = useCallback(
    (detail: OrderDetailView, action: DeskActionId) => desk.start(detail, action),
    [desk],
  );
  const onQueue = useCallback((next: DeskTab) => setTab(next), []);

  if (whistle) return <WhistleView seed={whistle.seed} onBack={() => setWhistle(null)} />;

  return (
    <DeskContext.Provider value={desk}>
      <div className="dispatch desk" data-testid="dispatch-desk" data-tab={tab}>
        <div className="desk-top">
          <div className="desk-top-row">
            <QueueTabs value={tab} onChange={setTab} />
            <button
              type="button"
              className="btn"
              data-testid="open-whistles"
              onClick={() => setWhistle({ seed: null })}
            >
              {t('whistleDesk.open')}
            </button>
          </div>
          {tab === 'all' && <Filters value={filters} onChange={setFilters} invalidRange={invalidRange} />}
          {/* 导出: the list as it is filtered now, built in the background (issue 16). */}
          <ExportButton
            testId="desk-export"
            title={t('jobs.ledger.title', { date: formatDate(Date.now()) })}
            params={() => ordersLedgerParams(input, t, ref)}
          />
        </div>
        {tab === 'all' && drillShown && (
          <DrillBanner
            drill={drillShown}
            total={list.total}
            onClear={() => {
              setDrillShown(null);
              setFilters(EMPTY_FILTERS);
            }}
          />
        )}
        <div className={`dispatch-body${openId ? ' with-detail' : ''}`}>
          <OrdersTable list={list} selectedId={selectedId} onSelect={setSelectedId} onOpen={setOpenId} />
          {openId && (
            <OrderDetail
              orderId={openId}
              onClose={() => setOpenId(null)}
              onPalette={() => setPalette(true)}
              onOpenOrder={openOrder}
              onWhistle={(d) =>
                setWhistle({
                  seed: {
                    orderId: d.order.id,
                    title: d.order.title,
                    address: d.order.address,
                    lng: d.order.lng,
                    lat: d.order.lat,
                  },
                })
              }
            />
          )}
        </div>
        <UndoToasts />
        {palette && (
          <CommandPalette
            orderId={openId}
            onAction={onPaletteAction}
            onQueue={onQueue}
            onClose={() => setPalette(false)}
          />
        )}
        {desk.confirm && (
          <ConfirmDialog req={desk.confirm} onConfirm={desk.confirmSend} onCancel={desk.cancelConfirm} />
        )}
      </div>
    </DeskContext.Provider>
  );
}
