/** 实时动态: the newest order events, pushed (the cache refetches on each change hint). */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import { formatClock } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';
import { useReference } from '../reference';

/** Events younger than this are highlighted as new. */
const FRESH_MS = 15_000;

/** `onOpenOrder`: a click (or Enter) on a line opens that order on the dispatch desk, selected. */
export function LiveFeed({
  limit = 30,
  onOpenOrder,
}: {
  limit?: number;
  onOpenOrder?: ((orderId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const feed = useQuery('awareness.feed', { limit });
  const ref = useReference();
  const now = useNow(5_000);
  const items = feed.data?.items ?? [];
  return (
    <section className="aw-box aw-feed" data-testid="aw-feed" aria-labelledby="aw-feed-title">
      <h3 id="aw-feed-title">{t('awareness.feed.title')}</h3>
      {items.length === 0 ? (
        <p className="muted">{feed.loading ? t('app.loading') : t('awareness.feed.empty')}</p>
      ) : (
        <ol className="feed-list" aria-live="polite">
          {items.map((i) => (
            <li
              key={i.eventId}
              className={now - i.at < FRESH_MS ? 'fresh' : undefined}
              data-order={i.orderId}
              data-testid="feed-line"
              {...(onOpenOrder
                ? {
                    role: 'button',
                    tabIndex: 0,
                    title: t('desk.openOnDesk'),
                    style: { cursor: 'pointer' },
                    onClick: () => onOpenOrder(i.orderId),
                    onKeyDown: (e: KeyboardEvent<HTMLLIElement>) => {
                      if (e.key !== 'Enter' && e.key !== ' ') return;
                      e.preventDefault();
                      onOpenOrder(i.orderId);
                    },
                  }
                : {})}
            >
              <span className="feed-time">{formatClock(i.at)}</span>
              <span className={`pill feed-type ev-${i.type}`}>{t(`eventType.${i.type}`)}</span>
              <span className={`pill urg-${i.urgency}`}>{t(`urgency.${i.urgency}`)}</span>
              <span className="feed-title" title={i.title}>
                {i.title}
              </span>
              <span className="feed-where">{ref.communityName(i.communityCode)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
