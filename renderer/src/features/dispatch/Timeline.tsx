/** 处置时间线: every event of the order, newest last, refused ones flagged, photos as thumbnails. */
import type { OrderDetail } from '../../../../shared/contract/index';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { formatDateTime } from '../../platform/format/time';
import type { ReferenceLookups } from '../reference';
import { actorLabel, eventTypeLabel, summarizeEvent, type Translate } from './event-summary';
import { PhotoThumbs } from './PhotoThumbs';

function photosOf(e: OrderEvent): readonly string[] {
  switch (e.type) {
    case 'progressed':
    case 'replied':
    case 'verified':
    case 'return_requested':
      return e.payload.photos;
    default:
      return [];
  }
}

interface Props {
  readonly detail: OrderDetail;
  readonly lookups: ReferenceLookups;
  readonly t: Translate;
  /** Officers and up see the photos; others read their count. */
  readonly showPhotos: boolean;
}

export function Timeline({ detail, lookups, t, showPhotos }: Props) {
  const rejected = new Map(detail.order.rejected.map((r) => [r.eventId, r]));
  const ctx = {
    t,
    unitName: lookups.unitName,
    categoryPath: lookups.categoryPath,
    communityName: lookups.communityName,
  };
  return (
    <ol className="timeline" data-testid="timeline">
      {detail.events.map((e) => {
        const refused = rejected.get(e.id);
        const photos = photosOf(e);
        return (
          <li
            key={e.id}
            className={refused ? 'refused' : undefined}
            data-testid="timeline-event"
            data-type={e.type}
          >
            <div className="ev-head">
              <span className="ev-time">{formatDateTime(e.at)}</span>
              <span className="ev-type">{eventTypeLabel(e, t)}</span>
              <span className="ev-actor">{actorLabel(e.actor, t, lookups)}</span>
              {refused && <span className="refused-flag">{t('detail.refused')}</span>}
            </div>
            <ul className="ev-lines">
              {summarizeEvent(e, ctx).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
              {refused && (
                <li className="refused-flag">{t('detail.refusedReason', { reason: refused.reason })}</li>
              )}
            </ul>
            {showPhotos && photos.length > 0 && <PhotoThumbs photos={photos} />}
          </li>
        );
      })}
    </ol>
  );
}
