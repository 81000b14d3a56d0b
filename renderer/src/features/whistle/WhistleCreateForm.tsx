/**
 * 发起吹哨: kind (from an order, or 联合执法 / 防汛 / 大型活动), subject, meeting point, radius,
 * report-in deadline, and the units to summon — the suggested ones first (责任清单, the kind's
 * usual units, the place, distance), any unit of the street below them.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhistleDetail } from '../../../../shared/contract/index';
import {
  WHISTLE_KINDS,
  DEFAULT_RADIUS_M,
  type WhistleKind,
} from '../../../../shared/features/whistle/whistle';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import { useReference } from '../reference';

export interface WhistleSeed {
  readonly orderId: string;
  readonly title: string;
  readonly address: string;
  readonly lng: number | null;
  readonly lat: number | null;
}

export function WhistleCreateForm({
  seed,
  onDone,
  onCancel,
}: {
  seed: WhistleSeed | null;
  onDone: (d: WhistleDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const centre = ref.snapshot?.communities[0]?.centroid;
  const [kind, setKind] = useState<WhistleKind>(seed ? 'order' : 'joint_enforcement');
  const [title, setTitle] = useState(seed?.title ?? '');
  const [reason, setReason] = useState('');
  const [address, setAddress] = useState(seed?.address ?? '');
  const [lng, setLng] = useState(String(seed?.lng ?? centre?.[0] ?? ''));
  const [lat, setLat] = useState(String(seed?.lat ?? centre?.[1] ?? ''));
  const [radius, setRadius] = useState(String(DEFAULT_RADIUS_M));
  const [deadline, setDeadline] = useState('30');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation('whistle.create');
  // A stable id per open form: a double submit is one whistle.
  const [id] = useState(() => `wh-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);

  const point = Number.isFinite(Number(lng)) && Number.isFinite(Number(lat)) && lng !== '' && lat !== '';
  const suggest = useQuery('whistle.suggest', {
    kind,
    ...(seed ? { orderId: seed.orderId } : {}),
    ...(point ? { lng: Number(lng), lat: Number(lat) } : {}),
  });
  const suggested = suggest.data ?? [];
  const others = useMemo(() => {
    const s = new Set(suggested.map((u) => u.unitId));
    return (ref.snapshot?.units ?? []).filter((u) => !s.has(u.id));
  }, [suggested, ref.snapshot]);

  const toggle = (unitId: string) =>
    setPicked((p) => {
      const n = new Set(p);
      if (n.has(unitId)) n.delete(unitId);
      else n.add(unitId);
      return n;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked.size === 0) {
      setLocalError(t('whistleDesk.form.pickUnits'));
      return;
    }
    setLocalError(null);
    create
      .run({
        id,
        kind,
        orderId: kind === 'order' && seed ? seed.orderId : null,
        title,
        reason,
        address,
        lng: Number(lng),
        lat: Number(lat),
        radiusM: Number(radius),
        deadlineMinutes: Number(deadline),
        unitIds: [...picked],
      })
      .then(onDone, () => undefined);
  };

  const kinds = seed ? WHISTLE_KINDS : WHISTLE_KINDS.filter((k) => k !== 'order');
  return (
    <form className="whistle-form panel-card" data-testid="whistle-form" onSubmit={submit}>
      <h3>{t('whistleDesk.newWhistle')}</h3>
      <div className="whistle-form-grid">
        <label>
          {t('whistleDesk.form.kind')}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as WhistleKind)}
            data-testid="whistle-kind"
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`whistleDesk.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {seed && (
          <label>
            {t('whistleDesk.form.order')}
            <input value={seed.orderId} readOnly />
          </label>
        )}
        <label className="wide">
          {t('whistleDesk.form.titleLabel')}
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="whistle-title"
            required
          />
        </label>
        <label className="wide">
          {t('whistleDesk.form.reason')}
          <textarea value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
        </label>
        <label className="wide">
          {t('whistleDesk.form.address')}
          <input
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            data-testid="whistle-address"
            required
          />
        </label>
        <label>
          {t('whistleDesk.form.lng')}
          <input
            value={lng}
            onChange={(e) => setLng(e.target.value)}
            inputMode="decimal"
            data-testid="whistle-lng"
          />
        </label>
        <label>
          {t('whistleDesk.form.lat')}
          <input
            value={lat}
            onChange={(e) => setLat(e.target.value)}
            inputMode="decimal"
            data-testid="whistle-lat"
          />
        </label>
        <label>
          {t('whistleDesk.form.radius')}
          <input value={radius} onChange={(e) => setRadius(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          {t('whistleDesk.form.deadline')}
          <input
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            inputMode="numeric"
            data-testid="whistle-deadline"
          />
        </label>
      </div>
      <fieldset className="whistle-units" data-testid="whistle-units">
        <legend>
          {t('whistleDesk.form.units')}（{picked.size}）
        </legend>
        <div className="muted small">{t('whistleDesk.form.suggested')}</div>
        {suggested.map((u) => (
          <label key={u.unitId} className="unit-pick suggested">
            <input type="checkbox" checked={picked.has(u.unitId)} onChange={() => toggle(u.unitId)} />
            <span>{u.name}</span>
            <span className="muted small">{u.reasons.join(' · ')}</span>
          </label>
        ))}
        <hr />
        {others.map((u) => (
          <label key={u.id} className="unit-pick">
            <input type="checkbox" checked={picked.has(u.id)} onChange={() => toggle(u.id)} />
            <span>{u.name}</span>
          </label>
        ))}
      </fieldset>
      {(localError || create.error) && (
        <p className="form-error" role="alert">
          {localError ?? (create.error ? errorText(create.error, t) : '')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={create.busy} data-testid="whistle-submit">
          {t('whistleDesk.form.submit')}
        </button>
        <button type="button" className="btn ghost" onClick={onCancel}>
          {t('whistleDesk.form.cancel')}
        </button>
      </div>
    </form>
  );
}
