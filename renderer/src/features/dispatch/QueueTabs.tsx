/**
 * 工作队列: 全部 (the list with its filters and search) and the desk's queues with how many
 * orders wait in each now (orders.queues, refreshed by the orders' change hints). 超期 explains
 * itself on hover: the one definition every screen uses.
 */
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUES, type QueueId } from '../../../../shared/features/orders/queues';
import { formatCount } from '../../platform/format/numbers';
import { useQuery } from '../../platform/api/use-query';

export type DeskTab = 'all' | QueueId;
export const DESK_TABS: readonly DeskTab[] = ['all', ...QUEUES];

/** Queues that are alarming when not empty. */
const HOT: readonly QueueId[] = ['overdue', 'due_soon', 'return_review', 'extension_review'];

export function QueueTabs({ value, onChange }: { value: DeskTab; onChange: (tab: DeskTab) => void }) {
  const { t } = useTranslation();
  const q = useQuery('orders.queues', {});
  const counts = q.data?.counts;
  const list = useRef<HTMLDivElement>(null);

  // Arrow keys move between tabs (one tab stop for the whole row), as the panel tabs do.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = DESK_TABS.indexOf(value);
    let next = i;
    if (e.key === 'ArrowRight') next = (i + 1) % DESK_TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + DESK_TABS.length) % DESK_TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = DESK_TABS.length - 1;
    else return;
    e.preventDefault();
    const tab = DESK_TABS[next] ?? 'all';
    onChange(tab);
    list.current?.querySelector<HTMLElement>(`[data-tab="${tab}"]`)?.focus();
  };

  return (
    <div
      ref={list}
      className="queue-tabs"
      role="tablist"
      aria-label={t('desk.queue.label')}
      data-testid="queue-tabs"
      onKeyDown={onKeyDown}
    >
      {DESK_TABS.map((tab) => {
        const n = tab === 'all' ? null : (counts?.[tab] ?? null);
        const selected = tab === value;
        return (
          <button
            key={tab}
            type="button"
            role="tab"
            data-tab={tab}
            data-testid={`queue-tab-${tab}`}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className={`queue-tab${selected ? ' selected' : ''}${
              tab !== 'all' && HOT.includes(tab) && (n ?? 0) > 0 ? ` hot hot-${tab}` : ''
            }`}
            title={tab === 'overdue' ? t('definitions.overdue') : t(`desk.queue.hint.${tab}`)}
            onClick={() => onChange(tab)}
          >
            <span className="queue-name">{t(`desk.queue.${tab}`)}</span>
            {tab !== 'all' && (
              <span className="queue-count" data-testid={`queue-count-${tab}`}>
                {n === null ? '…' : formatCount(n)}
              </span>
            )}
          </button>
        );
      })}
      {q.error && !q.data && (
        <span className="field-error" role="alert">
          {t('desk.queue.countError')}
        </span>
      )}
    </div>
  );
}
