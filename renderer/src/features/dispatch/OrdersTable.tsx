import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OrderListRow } from '../../../../shared/contract/index';
import type { UseOrderPagesResult } from '../../platform/api/use-query';
import { formatShortDateTime } from '../../platform/format/time';
import { remPx } from '../../platform/format/use-now';
import { errorText } from '../../platform/api/error-text';
import { useReference } from '../reference';

interface Props {
  list: UseOrderPagesResult;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

/** Row height in rem; the virtualiser needs pixels, derived from the root font size. */
const ROW_REM = 2.6;

export function OrdersTable({ list, selectedId, onSelect, onOpen }: Props) {
  const { t } = useTranslation();
  const ref = useReference();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const rows = list.rows;
  const rowPx = ROW_REM * remPx();

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowPx,
    overscan: 12,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: rowPx,
  });

  // The root font size follows the viewport: re-measure rows when the window is resized.
  useEffect(() => {
    const onResize = () => virtualizer.measure();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [virtualizer]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { hasMore, loadingMore, loadMore } = list;
  useEffect(() => {
    // Keyset pagination: fetch the next page when the user nears the end of what is loaded.
    if (hasMore && !loadingMore && lastIndex >= rows.length - 10) loadMore();
  }, [lastIndex, rows.length, hasMore, loadingMore, loadMore]);

  const selectedIndex = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1;

  const move = (to: number) => {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, to));
    const row = rows[i];
    if (!row) return;
    onSelect(row.id);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowPx * 10) / rowPx) - 1);
    switch (e.key) {
      case 'ArrowDown':
        move(selectedIndex + 1);
        break;
      case 'ArrowUp':
        move(selectedIndex <= 0 ? 0 : selectedIndex - 1);
        break;
      case 'PageDown':
        move(selectedIndex + page);
        break;
      case 'PageUp':
        move(selectedIndex - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'Enter':
        if (selectedId) onOpen(selectedId);
        else move(0);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const header = (
    <div className="orders-row orders-head" role="row">
      <div className="cell col-id" role="columnheader">
        {t('list.columns.id')}
      </div>
      <div className="cell col-title" role="columnheader">
        {t('list.columns.title')}
      </div>
      <div className="cell col-status" role="columnheader">
        {t('list.columns.status')}
      </div>
      <div className="cell col-urgency" role="columnheader">
        {t('list.columns.urgency')}
      </div>
      <div className="cell col-category" role="columnheader">
        {t('list.columns.category')}
      </div>
      <div className="cell col-community" role="columnheader">
        {t('list.columns.community')}
      </div>
      <div className="cell col-received" role="columnheader">
        {t('list.columns.receivedAt')}
      </div>
      <div className="cell col-deadline" role="columnheader">
        {t('list.columns.deadline')}
      </div>
    </div>
  );

  let body: ReactNode;
  if (list.error && rows.length === 0) {
    body = (
      <div className="state-box" data-testid="list-error">
        <div className="error-box">
          {t('app.errorPrefix')}
          {errorText(list.error, t)}
        </div>
      </div>
    );
  } else if (list.data === undefined) {
    body = (
      <div className="state-box" data-testid="list-loading">
        {t('app.loading')}
      </div>
    );
  } else if (rows.length === 0) {
    body = (
      <div className="state-box" data-testid="list-empty">
        {t('list.empty')}
      </div>
    );
  } else {
    body = (
      <div className="orders-body" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((vi) => {
          const r = rows[vi.index] as OrderListRow;
          return (
            <Row
              key={r.id}
              row={r}
              index={vi.index}
              top={vi.start - rowPx}
              height={vi.size}
              selected={r.id === selectedId}
              categoryName={ref.categoryName(r.categoryCode)}
              categoryPath={ref.categoryPath(r.categoryCode)}
              communityName={ref.communityName(r.communityCode)}
              onClick={() => {
                onSelect(r.id);
                onOpen(r.id);
              }}
            />
          );
        })}
      </div>
    );
  }

  return (
    <section className="orders" aria-label={t('list.title')}>
      <div
        ref={scrollRef}
        className="orders-scroll"
        role="grid"
        aria-label={t('list.title')}
        aria-rowcount={list.total + 1}
        aria-busy={list.loading}
        tabIndex={0}
        data-testid="orders-list"
        aria-activedescendant={selectedIndex >= 0 && selectedId ? `order-row-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
        title={t('list.keyboardHint')}
      >
        <div role="rowgroup" className="orders-headgroup">
          {header}
        </div>
        <div role="rowgroup">{body}</div>
      </div>
      <div className="orders-foot" data-testid="list-foot">
        {list.data !== undefined && rows.length > 0 && (
          <>
            {list.totalCapped
              ? t('list.totalCapped', { count: list.total })
              : t('list.total', { count: list.total })}
            {list.loadingMore ? ` · ${t('list.loadingMore')}` : list.hasMore ? '' : ` · ${t('list.end')}`}
            {list.loadMoreError && (
              <span className="overdue">
                {' '}
                {t('app.errorPrefix')}
                {errorText(list.loadMoreError, t)}
              </span>
            )}
          </>
        )}
        {list.data !== undefined && rows.length === 0 && t('list.total', { count: 0 })}
        {list.loading && list.data !== undefined && <span className="muted"> · {t('app.loading')}</span>}
        <span className="muted"> · {t('list.keyboardHint')}</span>
      </div>
    </section>
  );
}

interface RowProps {
  row: OrderListRow;
  index: number;
  top: number;
  height: number;
  selected: boolean;
  categoryName: string;
  categoryPath: string;
  communityName: string;
  onClick: () => void;
}

function Row({
  row,
  index,
  top,
  height,
  selected,
  categoryName,
  categoryPath,
  communityName,
  onClick,
}: RowProps) {
  const { t } = useTranslation();
  return (
    <div
      id={`order-row-${row.id}`}
      className="orders-row"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="order-row"
      data-order-id={row.id}
      style={{ transform: `translateY(${top}px)`, height, top: 0 }}
      onClick={onClick}
    >
      <div className="cell col-id" role="gridcell">
        {row.id}
      </div>
      <div className="cell col-title" role="gridcell" title={row.title}>
        {row.title}
      </div>
      <div className="cell col-status" role="gridcell">
        {t(`orderStatus.${row.status}`)}
      </div>
      <div className="cell col-urgency" role="gridcell">
        <span className={`pill urg-${row.urgency}`}>{t(`urgency.${row.urgency}`)}</span>
      </div>
      <div className="cell col-category" role="gridcell" title={categoryPath}>
        {categoryName}
      </div>
      <div className="cell col-community" role="gridcell">
        {communityName}
      </div>
      <div className="cell col-received" role="gridcell">
        {formatShortDateTime(row.receivedAt)}
      </div>
      <div
        className={`cell col-deadline${row.overdue ? ' overdue' : ''}`}
        role="gridcell"
        title={row.overdue ? t('definitions.overdue') : undefined}
      >
        {row.finishDeadline !== null ? formatShortDateTime(row.finishDeadline) : '—'}
        {row.overdue && <span className="sr-only"> {t('list.overdue')}</span>}
      </div>
    </div>
  );
}
