/**
 * 命令面板 (Ctrl+K): every action the user may take on the open order now, then the work queues.
 * Typing filters (by the Chinese name or the English id: "派单", "sign"); ↑/↓ choose; Enter runs
 * (opens the action's form, or switches the queue); Esc closes.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../../shared/contract/index';
import { roleAtLeast } from '../../../../shared/kernel/roles';
import { formatCount } from '../../platform/format/numbers';
import { useQuery } from '../../platform/api/use-query';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { useAuth } from '../auth';
import { useReference } from '../reference';
import { actorOf, availableActions, type DeskActionId } from './desk-actions';
import { useDeskQueue } from './desk-queue';
import { filterItems } from './palette-filter';
import { DESK_TABS, type DeskTab } from './QueueTabs';

export interface PaletteItem {
  readonly key: string;
  readonly label: string;
  readonly group: 'actions' | 'queues';
  readonly words: string;
  /** Why it cannot run now (someone else holds the lock); null when it can. */
  readonly blocked: string | null;
  readonly run: () => void;
}

interface Props {
  readonly orderId: string | null;
  readonly onAction: (detail: OrderDetail, action: DeskActionId) => void;
  readonly onQueue: (tab: DeskTab) => void;
  readonly onClose: () => void;
}

export function CommandPalette(props: Props) {
  return props.orderId ? (
    <WithOrder {...props} orderId={props.orderId} />
  ) : (
    <Palette {...props} detail={undefined} />
  );
}

function WithOrder(props: Props & { orderId: string }) {
  const q = useQuery('orders.get', { orderId: props.orderId });
  return <Palette {...props} detail={q.data} />;
}

function Palette({
  detail,
  orderId,
  onAction,
  onQueue,
  onClose,
}: Props & { detail: OrderDetail | undefined }) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const auth = useAuth();
  const ref = useReference();
  const counts = useQuery('orders.queues', {}).data?.counts;
  const queue = useDeskQueue();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);

  const items = useMemo((): PaletteItem[] => {
    const out: PaletteItem[] = [];
    const who = auth ? actorOf(auth.user) : null;
    if (detail && who && roleAtLeast(who.role, 'officer')) {
      const lock = detail.lock;
      const waiting = queue.some(
        (e) => e.item.orderId === detail.order.id && (e.state === 'waiting' || e.state === 'sending'),
      );
      const blocked =
        lock && !lock.mine
          ? t('desk.bar.lockedByOther', { name: lock.holderName })
          : waiting
            ? t('desk.bar.pending')
            : null;
      for (const a of availableActions(detail.order, who, ref.snapshot?.slaPolicy)) {
        out.push({
          key: `action-${a}`,
          label: t(`desk.action.${a}`),
          group: 'actions',
          words: a.replace(/_/g, ' '),
          blocked,
          run: () => onAction(detail, a),
        });
      }
    }
    for (const tab of DESK_TABS) {
      const n = tab === 'all' ? null : counts?.[tab];
      out.push({
        key: `queue-${tab}`,
        label:
          n === null || n === undefined
            ? t('desk.palette.queueItemAll', { queue: t(`desk.queue.${tab}`) })
            : t('desk.palette.queueItem', { queue: t(`desk.queue.${tab}`), n: formatCount(n) }),
        group: 'queues',
        words: `queue ${tab.replace(/_/g, ' ')}`,
        blocked: null,
        run: () => onQueue(tab),
      });
    }
    return out;
  }, [auth, detail, counts, queue, ref.snapshot, t, onAction, onQueue]);

  const shown = filterItems(items, text);
  const current = Math.min(active, Math.max(0, shown.length - 1));
  const runItem = (i: PaletteItem | undefined) => {
    if (!i || i.blocked) return;
    onClose();
    i.run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive(Math.min(shown.length - 1, current + 1));
    else if (e.key === 'ArrowUp') setActive(Math.max(0, current - 1));
    else if (e.key === 'Enter') runItem(shown[current]);
    else return;
    e.preventDefault();
  };

  let lastGroup: PaletteItem['group'] | null = null;
  return (
    <dialog
      ref={dialog}
      className="modal-dialog palette"
      data-testid="palette"
      aria-label={t('desk.palette.title')}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <input
        autoFocus
        className="palette-input"
        data-testid="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={shown[current] ? `palette-${shown[current].key}` : undefined}
        placeholder={t('desk.palette.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {!orderId && <p className="muted palette-note">{t('desk.palette.noOrder')}</p>}
      {orderId && !detail && <p className="muted palette-note">{t('app.loading')}</p>}
      <ul id="palette-list" className="palette-list" role="listbox" aria-label={t('desk.palette.title')}>
        {shown.map((i, n) => {
          const head =
            i.group !== lastGroup ? (
              <li key={`g-${i.group}`} className="palette-group" role="presentation">
                {i.group === 'actions'
                  ? t('desk.palette.groupActions', { id: orderId ?? '' })
                  : t('desk.palette.groupQueues')}
              </li>
            ) : null;
          lastGroup = i.group;
          return [
            head,
            <li
              key={i.key}
              id={`palette-${i.key}`}
              role="option"
              aria-selected={n === current}
              aria-disabled={i.blocked !== null}
              className={`palette-item${n === current ? ' active' : ''}${i.blocked ? ' blocked' : ''}`}
              data-testid="palette-item"
              data-key={i.key}
              // Move, not enter: a palette opening under the pointer must not pick what lies there.
              onMouseMove={() => setActive(n)}
              onClick={() => runItem(i)}
            >
              <span>{i.label}</span>
              {i.blocked && <span className="muted">{i.blocked}</span>}
            </li>,
          ];
        })}
        {shown.length === 0 && <li className="muted palette-note">{t('desk.palette.empty')}</li>}
      </ul>
      <p className="muted palette-keys">{t('desk.palette.keys')}</p>
    </dialog>
  );
}
