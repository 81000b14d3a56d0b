/** 指挥调度: the orders queue with filters and search, and the detail of the open order. */
import { useEffect, useMemo, useState } from 'react';
import { useOrderPages } from '../../platform/api/use-query';
import { Filters } from './Filters';
import { EMPTY_FILTERS, filtersToInput, type FilterState } from './filter-state';
import { OrderDetail } from './OrderDetail';
import { OrdersTable } from './OrdersTable';
import './dispatch.css';

/** Typing pauses this long before a search runs. */
const SEARCH_DEBOUNCE_MS = 250;

/** `initialOrderId`: open this order's detail at once (a link from the map or the feed). */
export function DispatchPanel({ initialOrderId = null }: { initialOrderId?: string | null }) {
  const [filters, setFilters] = useState<FilterState>(EMPTY_FILTERS);
  const [debouncedQ, setDebouncedQ] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(initialOrderId);
  const [openId, setOpenId] = useState<string | null>(initialOrderId);

  useEffect(() => {
    if (initialOrderId === null) return;
    setSelectedId(initialOrderId);
    setOpenId(initialOrderId);
  }, [initialOrderId]);

  useEffect(() => {
    const id = window.setTimeout(() => setDebouncedQ(filters.q), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(id);
  }, [filters.q]);

  const { input, invalidRange } = useMemo(
    () => filtersToInput({ ...filters, q: debouncedQ }),
    [filters, debouncedQ],
  );
  const list = useOrderPages(input);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || openId === null) return;
      e.preventDefault();
      setOpenId(null);
      document.querySelector<HTMLElement>('[data-testid="orders-list"]')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId]);

  return (
    <div className="dispatch">
      <Filters value={filters} onChange={setFilters} invalidRange={invalidRange} />
      <div className={`dispatch-body${openId ? ' with-detail' : ''}`}>
        <OrdersTable list={list} selectedId={selectedId} onSelect={setSelectedId} onOpen={setOpenId} />
        {openId && <OrderDetail orderId={openId} onClose={() => setOpenId(null)} />}
      </div>
    </div>
  );
}
