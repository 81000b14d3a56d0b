/**
 * The photos of a timeline event as thumbnails (attachments.get, officers and up); a click shows
 * one large in a dialog (Esc closes it). A viewer reads only "照片 N 张" in the event's lines.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';

export function PhotoThumbs({ photos }: { photos: readonly string[] }) {
  const { t } = useTranslation();
  const [large, setLarge] = useState<string | null>(null);
  if (photos.length === 0) return null;
  return (
    <div className="photo-row timeline-photos">
      {photos.map((sha, i) => (
        <button
          key={sha}
          type="button"
          className="photo-thumb"
          data-testid="timeline-photo"
          aria-label={t('desk.photos.view', { n: i + 1 })}
          onClick={() => setLarge(sha)}
        >
          <Photo sha={sha} alt={t('desk.photos.alt', { n: i + 1 })} />
        </button>
      ))}
      {large && <PhotoDialog sha={large} onClose={() => setLarge(null)} />}
    </div>
  );
}

function Photo({ sha, alt }: { sha: string; alt: string }) {
  const { t } = useTranslation();
  const q = useQuery('attachments.get', { sha256: sha });
  if (q.data) return <img src={`data:${q.data.mime};base64,${q.data.data}`} alt={alt} />;
  return <span className="muted">{q.error ? t('desk.photos.missing') : t('app.loading')}</span>;
}

function PhotoDialog({ sha, onClose }: { sha: string; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  return (
    <dialog
      ref={dialog}
      className="modal-dialog photo-dialog"
      data-testid="photo-dialog"
      aria-label={t('desk.photos.large')}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <Photo sha={sha} alt={t('desk.photos.large')} />
      <button type="button" className="btn" data-testid="photo-dialog-close" onClick={onClose}>
        {t('desk.photos.close')}
      </button>
    </dialog>
  );
}
