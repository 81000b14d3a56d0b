/**
 * Photos of 办理进展 / 办结 / 核查 / 退单: picked from files, shrunk on the desk (photo-shrink.ts),
 * uploaded one by one (attachments.upload → sha256) and named in the action by their digests.
 * The form cannot be sent while an upload is running.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ATTACHMENT_MIMES } from '../../../../shared/features/attachments/contract';
import { caughtErrorText } from '../../platform/api/error-text';
import { mutate } from '../../platform/api/use-mutation';
import { blobToBase64, PhotoError, shrinkPhoto } from './photo-shrink';

const MAX_PHOTOS = 20;

interface Props {
  readonly id: string;
  readonly name: string;
  readonly value: readonly string[];
  readonly onChange: (photos: string[]) => void;
  readonly onUploading: (n: number) => void;
}

export function PhotoField({ id, name, value, onChange, onUploading }: Props) {
  const { t } = useTranslation();
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  // The latest value: uploads finish one after another and each adds to what is there then.
  const valueRef = useRef(value);
  valueRef.current = value;
  const urls = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const u of urls.current) URL.revokeObjectURL(u);
    },
    [],
  );
  // Told when the count changes only (the callback's identity is not this field's business).
  const onUploadingRef = useRef(onUploading);
  onUploadingRef.current = onUploading;
  useEffect(() => onUploadingRef.current(uploading), [uploading]);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const list = [...files].slice(0, Math.max(0, MAX_PHOTOS - valueRef.current.length));
    setProblems([]);
    setUploading((n) => n + list.length);
    for (const file of list) {
      try {
        const small = await shrinkPhoto(file);
        const mime: (typeof ATTACHMENT_MIMES)[number] = 'image/jpeg';
        const ref = await mutate('attachments.upload', {
          fileName: file.name.slice(0, 120) || 'photo.jpg',
          mime,
          data: await blobToBase64(small),
        });
        const url = URL.createObjectURL(small);
        urls.current.push(url);
        setPreviews((p) => ({ ...p, [ref.sha256]: url }));
        if (!valueRef.current.includes(ref.sha256)) {
          const next = [...valueRef.current, ref.sha256];
          valueRef.current = next;
          onChange(next);
        }
      } catch (err) {
        const why =
          err instanceof PhotoError
            ? t(`desk.photos.${err.kind}`, { name: file.name })
            : `${file.name}：${caughtErrorText(err, t)}`;
        setProblems((p) => [...p, why]);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  return (
    <div className="photo-field" data-testid={`field-${name}`}>
      <div className="photo-row">
        {value.map((sha, i) => (
          <figure key={sha} className="photo-thumb" data-testid="photo-thumb">
            {previews[sha] ? (
              <img src={previews[sha]} alt={t('desk.photos.alt', { n: i + 1 })} />
            ) : (
              <span className="muted">{sha.slice(0, 8)}</span>
            )}
            <button
              type="button"
              className="btn small"
              aria-label={t('desk.photos.remove')}
              onClick={() => onChange(value.filter((x) => x !== sha))}
            >
              ×
            </button>
          </figure>
        ))}
        <label className="btn photo-add">
          {t('desk.photos.add')}
          <input
            id={id}
            type="file"
            accept="image/*"
            multiple
            data-testid={`field-${name}-input`}
            className="sr-only"
            onChange={(e) => {
              const files = e.target.files;
              void add(files).finally(() => {
                e.target.value = '';
              });
            }}
          />
        </label>
        {uploading > 0 && (
          <span className="muted" role="status" data-testid="photo-uploading">
            {t('desk.photos.uploading', { n: uploading })}
          </span>
        )}
      </div>
      {problems.map((p, i) => (
        <div key={i} className="field-error" role="alert">
          {p}
        </div>
      ))}
    </div>
  );
}
