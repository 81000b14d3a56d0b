/**
 * Unit fields of the action forms: one unit (any of the street's, with 推荐派单's first; or the
 * order's own 主办/协办; or the units summoned by a 吹哨 that still owe their 报到), and several
 * units (协办, 吹哨) as a filterable list of checkboxes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import type { Unit, UnitKind } from '../../../../shared/features/reference/organisation';
import { useQuery } from '../../platform/api/use-query';
import { useReference } from '../reference';
import { UnitDutyNote } from './UnitDutyNote';

/** The units a duty officer dispatches to most, first; then by name. */
const KIND_ORDER: readonly UnitKind[] = [
  'department',
  'community_office',
  'property_company',
  'utility',
  'street_office',
  'co_building_unit',
];

export function sortUnits(units: readonly Unit[]): Unit[] {
  const rank = (k: UnitKind) => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...units].sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'zh'));
}

interface UnitSelectProps {
  readonly id: string;
  readonly name: string;
  readonly from: 'any' | 'assigned' | 'summoned';
  readonly order: WorkOrder;
  readonly value: string;
  readonly invalid: boolean;
  readonly describedBy?: string;
  readonly onChange: (unitId: string) => void;
}

export function UnitSelect(props: UnitSelectProps) {
  if (props.from === 'any') return <AnyUnitSelect {...props} />;
  return <OwnUnitSelect {...props} />;
}

/** The order's 主办 and 协办 (签收, 退单), or the summoned units that still owe their 报到. */
function OwnUnitSelect({ id, name, from, order, value, invalid, describedBy, onChange }: UnitSelectProps) {
  const { t } = useTranslation();
  const ref = useReference();
  const own =
    from === 'assigned'
      ? [order.unitId, ...order.coUnitIds].filter((u): u is string => u !== null)
      : order.whistle.filter((s) => s.reportedAt === null).map((s) => s.unitId);
  return (
    <select
      id={id}
      data-testid={`field-${name}`}
      value={value}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('desk.units.choose')}</option>
      {own.map((u) => (
        <option key={u} value={u}>
          {ref.unitName(u)}
          {u === order.unitId && from === 'assigned' ? ` · ${t('desk.units.main')}` : ''}
        </option>
      ))}
    </select>
  );
}

/**
 * Any unit of the street: 推荐 first (best score first), then every unit by name. The best
 * recommendation is chosen for the user once, when the form opens with no unit.
 */
function AnyUnitSelect({ id, name, order, value, invalid, describedBy, onChange }: UnitSelectProps) {
  const { t } = useTranslation();
  const ref = useReference();
  const rec = useQuery('orders.recommend', { orderId: order.id, limit: 5 });
  const units = useMemo(() => sortUnits(ref.snapshot?.units ?? []), [ref.snapshot]);
  const recommended = (rec.data?.candidates ?? []).filter((c) => c.unitId !== order.unitId);
  const best = recommended[0]?.unitId ?? null;
  const picked = useRef(value !== '');
  useEffect(() => {
    if (picked.current || best === null) return;
    picked.current = true;
    onChange(best);
  }, [best, onChange]);
  return (
    <>
      <select
        id={id}
        data-testid={`field-${name}`}
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => {
          picked.current = true;
          onChange(e.target.value);
        }}
      >
        <option value="">{t('desk.units.choose')}</option>
        {recommended.length > 0 && (
          <optgroup label={t('desk.units.recommended')}>
            {recommended.map((c) => (
              <option key={`rec-${c.unitId}`} value={c.unitId}>
                {c.name} · {t('recommend.score', { score: Math.round(c.score * 100) })}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t('desk.units.all')}>
          {units
            .filter((u) => u.id !== order.unitId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} · {t(`recommend.unitKind.${u.kind}`)}
              </option>
            ))}
        </optgroup>
      </select>
      <UnitDutyNote unitId={value} />
    </>
  );
}

interface UnitsPickerProps {
  readonly id: string;
  readonly name: string;
  readonly value: readonly string[];
  /** A unit that may not be picked (the 主办 of a 派单). */
  readonly exclude: string;
  readonly max: number;
  readonly invalid: boolean;
  readonly onChange: (unitIds: string[]) => void;
}

export function UnitsPicker({ id, name, value, exclude, max, invalid, onChange }: UnitsPickerProps) {
  const { t } = useTranslation();
  const ref = useReference();
  const [filter, setFilter] = useState('');
  const units = useMemo(() => sortUnits(ref.snapshot?.units ?? []), [ref.snapshot]);
  const shown = units.filter(
    (u) => u.id !== exclude && (filter.trim() === '' || u.name.includes(filter.trim())),
  );
  const toggle = (unitId: string, on: boolean) =>
    onChange(on ? [...value, unitId].slice(0, max) : value.filter((u) => u !== unitId));
  return (
    <div className="units-picker" data-testid={`field-${name}`} aria-invalid={invalid}>
      <div className="units-picker-head">
        <input
          id={id}
          type="search"
          value={filter}
          placeholder={t('desk.units.filter')}
          data-testid={`field-${name}-filter`}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted">
          {t('desk.units.selected', { n: value.filter((u) => u !== exclude).length })}
        </span>
      </div>
      <ul className="units-list">
        {shown.map((u) => (
          <li key={u.id}>
            <label>
              <input
                type="checkbox"
                data-unit-id={u.id}
                checked={value.includes(u.id)}
                disabled={!value.includes(u.id) && value.length >= max}
                onChange={(e) => toggle(u.id, e.target.checked)}
              />
              <span>{u.name}</span>
              <span className="muted"> · {t(`recommend.unitKind.${u.kind}`)}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
